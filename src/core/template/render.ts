/**
 * Renders a template for one episode (issue 14), so that no value can become Markdown
 * structure or HTML, whatever the template:
 *
 * 1. Sections are expanded and every `{{value}}` becomes an opaque token (two private-use
 *    characters around a number): the Markdown source holds the template's text and tokens,
 *    never a value.
 * 2. That source is parsed (mdast-util-from-markdown): all structure comes from the template.
 * 3. Tokens are replaced in the tree by text nodes (a block value alone in a paragraph by the
 *    paragraphs and `- ` lists of `blocksOf`, as the overview does), link targets by web
 *    addresses only (the template's own links too); a token inside an image is refused. The
 *    template's own HTML becomes text: templates make Markdown, not HTML.
 * 4. The tree is serialised (treeToMarkdown), which escapes every text node; front matter is
 *    written by the YAML library from typed values.
 *
 * test/unit/template-safety.test.ts parses outputs of every preset and of generated
 * templates back and checks it.
 */
import type { Link, Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { blocksOf, mergeTexts, normaliseLine, treeToMarkdown } from '../markdown';
import type { Episode, Quote } from '../model';
import { webHref } from '../web-url';
import {
  checkNames,
  episodeScope,
  isPresent,
  lookUpValue,
  type TemplateScope,
  type TemplateValue,
} from './model';
import { TemplateError, parseTemplate, type TemplateNode } from './syntax';

export interface CompiledTemplate {
  readonly nodes: readonly TemplateNode[];
  /**
   * The blocks of each piece of expanded source already parsed (tokens numbered from 0 in
   * each), or null to parse each episode's source whole. See
   * `parseBody`: parsing is most of a render's time, and an episode repeats the same pieces.
   */
  readonly pieces: Map<string, readonly RootContent[]> | null;
}

export interface CompileOptions {
  /** Parse every episode's expanded source whole (tests compare the two ways). */
  wholeParse?: boolean;
}

const TOKEN_OPEN = '\uE000';
const TOKEN_CLOSE = '\uE001';
const TOKEN = /\uE000(\d+)\uE001/g;
const ONE_TOKEN = /^\uE000(\d+)\uE001$/;

/**
 * Where the expanded source can be cut into pieces that parse alone to the blocks they make
 * in the whole: empty lines (a line of spaces may belong to indented code), then a line
 * that can't continue anything before it: not indented, not a list item or its number (a
 * `>` there starts a new quote). Blocks that run on across blank lines (fenced code, HTML)
 * and link definitions, which reach the whole document, turn cutting off.
 */
const PIECE_BREAK = /\n\n+(?=[^ \t\n*+\-0-9])/;
const RUNS_ACROSS_BLANK_LINES = /```|~~~|<|\]:/;
/** Pieces kept per template: an episode rarely has more than a few dozen kinds. */
const MAX_PIECES = 2000;

/** Reads and checks a template once; throws TemplateError with the line and column. */
export function compileTemplate(source: string, options: CompileOptions = {}): CompiledTemplate {
  const reserved = source.search(/[\uE000\uE001]/);
  if (reserved !== -1) {
    throw new TemplateError(
      'The template holds a character Earmark reserves (U+E000 or U+E001).',
      null,
    );
  }
  const text = source.replace(/\r\n?/g, '\n');
  const nodes = parseTemplate(text);
  const head = FRONT_MATTER.exec(text);
  checkNames(nodes, head ? head[0].split('\n').length - 1 : 0);
  return { nodes, pieces: options.wholeParse ? null : new Map() };
}

/**
 * The body's tree. Cut into pieces (PIECE_BREAK), each piece with its tokens renumbered
 * from 0 is parsed once per template and its blocks copied with the numbers moved back:
 * the 20 quotes of an episode are one parse, not 20, and the next episode reuses them.
 */
function parseBody(template: CompiledTemplate, source: string): Root {
  const pieces = template.pieces;
  // Checked on the expanded source: repeated, a template's single backtick makes a fence.
  if (pieces === null || RUNS_ACROSS_BLANK_LINES.test(source)) {
    const tree = fromMarkdown(source);
    stripPositions(tree);
    return tree;
  }
  const children: RootContent[] = [];
  for (const piece of source.split(PIECE_BREAK)) {
    let first = -1;
    const key = piece.replace(TOKEN, (_, i: string) => {
      if (first === -1) first = Number(i);
      return `${TOKEN_OPEN}${Number(i) - first}${TOKEN_CLOSE}`;
    });
    let blocks = pieces.get(key);
    if (blocks === undefined) {
      const tree = fromMarkdown(key);
      stripPositions(tree);
      blocks = tree.children;
      if (pieces.size >= MAX_PIECES) pieces.clear();
      pieces.set(key, blocks);
    }
    for (const block of blocks) children.push(shifted(block, Math.max(first, 0)) as RootContent);
  }
  return { type: 'root', children };
}

/** A copy of a parsed node and all under it, with every token's number raised by `by`. */
function shifted(node: Nodes, by: number): Nodes {
  const out = { ...node } as Record<string, unknown>;
  for (const key of TOKEN_FIELDS) {
    const value = out[key];
    if (typeof value === 'string' && by !== 0 && value.includes(TOKEN_OPEN)) {
      out[key] = value.replace(
        TOKEN,
        (_, i: string) => `${TOKEN_OPEN}${Number(i) + by}${TOKEN_CLOSE}`,
      );
    }
  }
  if ('children' in node) out.children = node.children.map((child) => shifted(child, by));
  return out as unknown as Nodes;
}
/** Where a parsed node can hold a token (code's `lang` and `meta` only come with fences). */
const TOKEN_FIELDS = ['value', 'url', 'title', 'alt'] as const;

function expand(
  nodes: readonly TemplateNode[],
  scopes: TemplateScope[],
  values: TemplateValue[],
): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') {
      out += node.value;
    } else if (node.type === 'value') {
      out += `${TOKEN_OPEN}${values.length}${TOKEN_CLOSE}`;
      values.push(lookUpValue(scopes, node.name));
    } else {
      const value = lookUpValue(scopes, node.name);
      if (node.inverted) {
        if (!isPresent(value)) out += expand(node.children, scopes, values);
      } else if (value.kind === 'list') {
        for (const item of value.items) out += expand(node.children, [...scopes, item], values);
      } else if (isPresent(value)) {
        out += expand(node.children, scopes, values);
      }
    }
  }
  return out;
}

/** A value as one line of text (also a block value used inside a line). */
function valueText(value: TemplateValue): string {
  switch (value.kind) {
    case 'line':
    case 'url':
      return value.text;
    case 'block':
      return normaliseLine(value.text);
    default:
      // checkNames refuses lists and flags as values.
      return '';
  }
}

class Substitution {
  constructor(private readonly values: readonly TemplateValue[]) {}

  value(index: string): TemplateValue {
    return this.values[Number(index)]!;
  }

  /** Replaces tokens in `parent`'s children, in place. */
  children(parent: Parents): void {
    const out: Nodes[] = [];
    for (const child of parent.children as Nodes[]) out.push(...this.node(child, parent));
    const merged = mergeTexts(out as PhrasingContent[]) as Nodes[];
    const kept = merged.filter((node) => !isEmpty(node));
    // A line break with nothing after it (its value was empty) is no break to a reader.
    while (kept[kept.length - 1]?.type === 'break') kept.pop();
    while (kept[0]?.type === 'break') kept.shift();
    if (parent.type === 'paragraph' || parent.type === 'heading') {
      tidyEnds(kept, parent.type === 'heading');
    }
    (parent as { children: Nodes[] }).children = kept;
  }

  node(node: Nodes, parent: Parents): Nodes[] {
    switch (node.type) {
      case 'text':
        return this.text(node.value);
      case 'paragraph': {
        const only = node.children.length === 1 ? node.children[0] : undefined;
        const match = only?.type === 'text' ? ONE_TOKEN.exec(only.value.trim()) : null;
        const value = match ? this.value(match[1]!) : undefined;
        if (value?.kind === 'block') return blocksOf(value.text);
        this.children(node);
        return [node];
      }
      case 'link':
        return this.link(node);
      case 'inlineCode':
      case 'code':
        // Code is shown as it is: the serialiser picks a fence the value can't close.
        node.value = node.value.replace(TOKEN, (_, i: string) => valueText(this.value(i)));
        // A code span's line endings are spaces to a reader; an empty value between two would
        // leave a blank line, which ends the paragraph the span is in.
        if (node.type === 'inlineCode') node.value = node.value.replace(/\r?\n|\r/g, ' ');
        return [node];
      case 'html': {
        // Templates make Markdown, not HTML: the template's own `<b>` is written as those
        // characters (a value in it too), so no export holds HTML, whoever wrote it.
        const shown: Nodes = { type: 'text', value: node.value };
        const out = this.node(shown, parent);
        return FLOW_PARENTS.has(parent.type)
          ? [{ type: 'paragraph', children: out as PhrasingContent[] }]
          : out;
      }
      case 'image':
      case 'imageReference':
      case 'definition':
        if (JSON.stringify(node).includes(TOKEN_OPEN)) {
          throw new TemplateError(
            "A variable can't go in an image or a link definition: put it in text or a link.",
            placeOf(node),
          );
        }
        return [node];
      default:
        if ('children' in node) this.children(node);
        return [node];
    }
  }

  text(value: string): Nodes[] {
    if (!value.includes(TOKEN_OPEN)) return [{ type: 'text', value }];
    const filled = value.replace(TOKEN, (_, i: string) => valueText(this.value(i)));
    // A line ending here is the template's (values hold none): a line that held only an
    // empty value goes, as a standalone section's line does, and so do spaces an empty value
    // left at a line's ends, which a parser would drop.
    return [{ type: 'text', value: filled.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n+/g, '\n') }];
  }

  /** A link keeps its target only when that is a web address; otherwise its text stays. */
  link(node: Link): Nodes[] {
    this.children(node);
    if (node.title)
      node.title = node.title.replace(TOKEN, (_, i: string) => valueText(this.value(i)));
    if (!node.url.includes(TOKEN_OPEN)) {
      // The template's own link: kept when it goes to a web address, as a value's would.
      const own = webHref(node.url);
      if (own === null) return node.children;
      node.url = own;
      return [node];
    }
    const whole = ONE_TOKEN.exec(node.url);
    let href: string | null;
    if (whole) {
      const value = this.value(whole[1]!);
      href = value.kind === 'url' ? value.href : webHref(valueText(value));
    } else {
      // A value inside an address is one path or query part: encoded, it can't add another.
      href = webHref(
        node.url.replace(TOKEN, (_, i: string) => encodeURIComponent(valueText(this.value(i)))),
      );
    }
    if (href === null) return node.children;
    node.url = href;
    return [node];
  }
}

/** Where blocks go (a paragraph), as against phrasing (text). */
const FLOW_PARENTS: ReadonlySet<string> = new Set([
  'root',
  'blockquote',
  'listItem',
  'footnoteDefinition',
]);

function placeOf(node: Nodes): null {
  // The place is in the expanded template, not the one the person wrote: not worth showing.
  void node;
  return null;
}

/**
 * White space and line endings at the ends of a paragraph or heading are nothing to a reader
 * (a parser drops them), but left by an empty value they would be written as character
 * references. A heading is one line: its line endings (the template's) become spaces, so it
 * is written `## …`, not as an underlined heading.
 */
function tidyEnds(children: Nodes[], heading: boolean): void {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'text') continue;
    let value = heading ? child.value.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ') : child.value;
    if (i === 0) value = value.replace(/^[ \t\r\n]+/, '');
    if (i === children.length - 1) value = value.replace(/[ \t\r\n]+$/, '');
    child.value = value;
  }
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i]!;
    if (child.type === 'text' && child.value === '') children.splice(i, 1);
  }
}

/** Nodes that say nothing once their values are empty: left out. */
function isEmpty(node: Nodes): boolean {
  // An empty code span can't be written (`` is two backticks of text).
  if (node.type === 'text' || node.type === 'inlineCode') return node.value === '';
  if (
    node.type === 'emphasis' ||
    node.type === 'strong' ||
    node.type === 'delete' ||
    node.type === 'heading'
  ) {
    return node.children.length === 0;
  }
  if (node.type === 'paragraph' || node.type === 'listItem' || node.type === 'list') {
    return (
      node.children.length === 0 ||
      node.children.every((c) => c.type === 'text' && c.value.trim() === '')
    );
  }
  return false;
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---(?:\n|$)/;
const FRONT_MATTER_LINE = /^([A-Za-z_][\w -]*?)\s*:\s*(.*)$/;

/**
 * Front matter: each line `key: value`. A value that is one variable keeps its type (a list
 * becomes a YAML list of names); other values are text with the variables' text in them.
 * Keys with no value are left out, so a property is never an empty date.
 */
function frontMatter(block: string, values: readonly TemplateValue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  block.split('\n').forEach((raw, index) => {
    if (raw.trim() === '' || raw.trim().startsWith('#')) return;
    const match = FRONT_MATTER_LINE.exec(raw);
    if (!match) {
      throw new TemplateError(
        'In front matter, each line is "key: value" (the value may be one {{variable}}).',
        { line: index + 2, column: 1 },
      );
    }
    const [, key = '', rest = ''] = match;
    const whole = ONE_TOKEN.exec(rest.trim());
    let value: unknown;
    if (whole) {
      const v = values[Number(whole[1])]!;
      value =
        v.kind === 'list'
          ? v.names
          : v.kind === 'flag'
            ? v.on
            : v.kind === 'url'
              ? (v.href ?? v.text)
              : valueText(v);
    } else if (rest.includes(TOKEN_OPEN)) {
      value = rest.replace(TOKEN, (_, i: string) => valueText(values[Number(i)]!)).trim();
    } else {
      try {
        value = parseYaml(rest);
      } catch {
        value = rest;
      }
    }
    if (value === '' || value === null || (Array.isArray(value) && value.length === 0)) return;
    out[key.trim()] = value;
  });
  return out;
}

export interface RenderedTemplate {
  frontMatter: Record<string, unknown> | null;
  tree: Root;
}

/** The template's front matter values and body tree for one episode, before serialising. */
export function renderTemplateTree(
  template: CompiledTemplate,
  episode: Episode,
  quotes: readonly Quote[],
): RenderedTemplate {
  const values: TemplateValue[] = [];
  let source = expand(template.nodes, [episodeScope(episode, quotes)], values);
  let matter: Record<string, unknown> | null = null;
  const head = FRONT_MATTER.exec(source);
  if (head) {
    matter = frontMatter(head[1]!, values);
    source = source.slice(head[0].length);
  }
  const tree = parseBody(template, source);
  new Substitution(values).children(tree);
  return { frontMatter: matter, tree };
}

function stripPositions(node: Nodes): void {
  delete node.position;
  if ('children' in node) for (const child of node.children as RootContent[]) stripPositions(child);
}

/** YAML every reader agrees on: double-quoted strings, no line folding. */
export function frontMatterText(values: Record<string, unknown>): string {
  const yaml = stringifyYaml(values, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
  });
  return `---\n${yaml}---\n\n`;
}

/** The template's Markdown for one episode. Throws TemplateError for a value in an image. */
export function renderTemplate(
  template: CompiledTemplate,
  episode: Episode,
  quotes: readonly Quote[],
): string {
  const { frontMatter: matter, tree } = renderTemplateTree(template, episode, quotes);
  const body = tree.children.length > 0 ? treeToMarkdown(tree) : '';
  return matter === null || Object.keys(matter).length === 0
    ? body
    : frontMatterText(matter) + body;
}
