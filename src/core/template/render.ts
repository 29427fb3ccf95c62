/**
 * Renders a template for one episode (issue 14), so that no value can become Markdown
 * structure or HTML, whatever the template:
 *
 * 1. Sections are expanded and every `{{value}}` becomes an opaque token (two private-use
 *    characters around a number): the Markdown source holds the template's text and tokens,
 *    never a value.
 * 2. That source is parsed (mdast-util-from-markdown, or simple-blocks.ts for the plainest
 *    pieces, to the same tree): all structure comes from the template.
 * 3. Tokens are replaced in the tree (substitute.ts) by text nodes (a block value alone in a paragraph by the
 *    paragraphs and `- ` lists of `blocksOf`, as the overview does), link targets by web
 *    addresses only (the template's own links too); a token inside an image is refused. The
 *    template's own HTML becomes text: templates make Markdown, not HTML.
 * 4. The tree is serialised (treeToMarkdown), which escapes every text node; front matter is
 *    written by the YAML library from typed values.
 *
 * test/unit/template-safety.test.ts parses outputs of every preset and of generated
 * templates back and checks it.
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse as parseYaml } from 'yaml';
import { frontMatterBlock } from '../front-matter';
import { treeToMarkdown } from '../markdown';
import type { Episode, Quote } from '../model';
import {
  checkNames,
  episodeScope,
  isPresent,
  lookUpValue,
  type TemplateScope,
  type TemplateValue,
} from './model';
import { simpleBlocks } from './simple-blocks';
import { Substitution, valueText, type PlacedBlock } from './substitute';
import { TemplateError, parseTemplate, type TemplateNode } from './syntax';
import { ONE_TOKEN, TOKEN_CLOSE, TOKEN_OPEN, fillTokens } from './tokens';

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
 * The body's blocks. Cut into pieces (PIECE_BREAK), each piece with its tokens renumbered
 * from 0 is parsed once per template, and its blocks are placed with how far to move the
 * numbers back (the substitution reads them so, and never changes a kept block): the 20
 * quotes of an episode are one parse, not 20, and the next episode reuses them.
 */
function parseBody(template: CompiledTemplate, source: string): PlacedBlock[] {
  const pieces = template.pieces;
  // Checked on the expanded source: repeated, a template's single backtick makes a fence.
  if (pieces === null || RUNS_ACROSS_BLANK_LINES.test(source)) {
    const tree = fromMarkdown(source);
    stripPositions(tree);
    return tree.children.map((node) => ({ node, by: 0 }));
  }
  const cut = source.split(PIECE_BREAK).map((piece) => {
    let first = -1;
    const key = fillTokens(piece, (i) => {
      if (first === -1) first = i;
      return `${TOKEN_OPEN}${i - first}${TOKEN_CLOSE}`;
    });
    return { key, first };
  });
  const unparsed = [...new Set(cut.map((piece) => piece.key).filter((key) => !pieces.has(key)))];
  if (pieces.size + unparsed.length > MAX_PIECES) pieces.clear();
  parseTogether(unparsed).forEach((blocks, i) => pieces.set(unparsed[i]!, blocks));
  const placed: PlacedBlock[] = [];
  for (const { key, first } of cut) {
    for (const node of pieces.get(key)!) placed.push({ node, by: Math.max(first, 0) });
  }
  return placed;
}

/**
 * The blocks of each piece. Most pieces are plain enough to build without the parser
 * (simple-blocks.ts); the others come from one parse of them all joined by blank lines: a
 * piece parses alone to the blocks it makes anywhere (PIECE_BREAK), and a parse's setup
 * (micromark's constructs, mdast's handlers) costs more than a short piece's own parse.
 */
function parseTogether(keys: readonly string[]): RootContent[][] {
  const blocks = keys.map((key) => simpleBlocks(key));
  const rest = keys.filter((_, i) => blocks[i] === null);
  const parsed = rest.map((): RootContent[] => []);
  if (rest.length > 0) {
    const tree = fromMarkdown(rest.join('\n\n'));
    let piece = 0;
    let nextStart = rest[0]!.length + 2;
    for (const block of tree.children) {
      const offset = block.position?.start.offset ?? 0;
      while (piece + 1 < rest.length && offset >= nextStart) {
        piece += 1;
        nextStart += rest[piece]!.length + 2;
      }
      stripPositions(block);
      parsed[piece]!.push(block);
    }
  }
  let next = 0;
  return blocks.map((simple) => simple ?? parsed[next++]!);
}

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
      value = fillTokens(rest, (i) => valueText(values[i]!)).trim();
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
  const children = new Substitution(values).blocks(parseBody(template, source));
  return { frontMatter: matter, tree: { type: 'root', children } };
}

function stripPositions(node: Nodes): void {
  delete node.position;
  if ('children' in node) for (const child of node.children as RootContent[]) stripPositions(child);
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
    : frontMatterBlock(matter) + body;
}
