/**
 * Step 3 of rendering a template (render.ts): the tokens in the parsed tree become values.
 * Text nodes get the values' text (serialising escapes it), a block value alone in a
 * paragraph becomes the paragraphs and lists of `blocksOf`, link targets become web addresses
 * or go, and the template's own HTML becomes text. Parts left empty by empty values go too.
 */
import type { Link, Nodes, Parents, PhrasingContent, RootContent } from 'mdast';
import { blocksOf, normaliseLine } from '../markdown';
import { webHref } from '../web-url';
import type { TemplateValue } from './model';
import { TemplateError } from './syntax';
import { ONE_TOKEN, TOKEN_OPEN, fillTokens } from './tokens';

/** A value as one line of text (also a block value used inside a line). */
export function valueText(value: TemplateValue): string {
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

/** A parsed block and how far its tokens' numbers are from the episode's values (render.ts). */
export interface PlacedBlock {
  node: RootContent;
  by: number;
}

/**
 * One episode's values put into a parsed template. The parsed nodes are never changed: a
 * template keeps them for the next episode (render.ts, `parseBody`), so every node is new.
 */
export class Substitution {
  /** Added to a token's number: a piece's tokens are numbered from 0 where it was parsed. */
  private by = 0;
  /** The emphasis, strong and strikethrough nodes the node being filled is inside. */
  private readonly styles = new Set<string>();

  constructor(private readonly values: readonly TemplateValue[]) {}

  value(index: number): TemplateValue {
    return this.values[index + this.by]!;
  }

  /** Each token in `text` replaced by its value's text. */
  private filled(text: string): string {
    return fillTokens(text, (i) => valueText(this.value(i)));
  }

  /** The document's blocks with the values in them. */
  blocks(placed: readonly PlacedBlock[]): RootContent[] {
    const out: Nodes[] = [];
    for (const { node, by } of placed) {
      this.by = by;
      for (const filled of this.node(node, 'root')) out.push(filled);
    }
    return tidied(out, 'root') as RootContent[];
  }

  /** `parent`'s children with the values in them. */
  children(parent: Parents): Nodes[] {
    const out: Nodes[] = [];
    for (const child of parent.children as Nodes[]) {
      for (const filled of this.node(child, parent.type)) out.push(filled);
    }
    return tidied(out, parent.type);
  }

  node(node: Nodes, parentType: string): Nodes[] {
    switch (node.type) {
      case 'text':
        return this.text(node.value);
      case 'paragraph': {
        const only = node.children.length === 1 ? node.children[0] : undefined;
        const match = only?.type === 'text' ? ONE_TOKEN.exec(only.value.trim()) : null;
        const value = match ? this.value(Number(match[1])) : undefined;
        if (value?.kind === 'block') return blocksOf(value.text);
        return [{ ...node, children: this.children(node) as PhrasingContent[] }];
      }
      case 'link':
        return this.link(node);
      case 'inlineCode':
      case 'code': {
        // Code is shown as it is: the serialiser picks a fence the value can't close.
        let value = this.filled(node.value);
        // A code span's line endings are spaces to a reader; an empty value between two would
        // leave a blank line, which ends the paragraph the span is in.
        if (node.type === 'inlineCode') value = value.replace(/\r?\n|\r/g, ' ');
        return [{ ...node, value }];
      }
      case 'html': {
        // Templates make Markdown, not HTML: the template's own `<b>` is written as those
        // characters (a value in it too), so no export holds HTML, whoever wrote it.
        const out = this.text(node.value);
        return FLOW_PARENTS.has(parentType)
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
        return [{ ...node }];
      case 'emphasis':
      case 'strong':
      case 'delete': {
        // Italic inside italic is italic to a reader, and no writer can tell the two apart
        // from the outside: `***a&***b***` repeated by a loop nests them (found by the
        // template-safety property). The inner one gives its children to the outer.
        if (this.styles.has(node.type)) return this.children(node);
        this.styles.add(node.type);
        try {
          return [{ ...node, children: this.children(node) as PhrasingContent[] }];
        } finally {
          this.styles.delete(node.type);
        }
      }
      default:
        if ('children' in node) {
          return [{ ...node, children: this.children(node) } as Nodes];
        }
        return [{ ...node }];
    }
  }

  text(value: string): Nodes[] {
    if (!value.includes(TOKEN_OPEN)) return [{ type: 'text', value }];
    const filled = this.filled(value);
    // A line ending here is the template's (values hold none): a line that held only an
    // empty value goes, as a standalone section's line does, and so do spaces an empty value
    // left at a line's ends, which a parser would drop. Most text has no line ending at all.
    if (!filled.includes('\n')) return [{ type: 'text', value: filled }];
    return [{ type: 'text', value: filled.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/\n+/g, '\n') }];
  }

  /** A link keeps its target only when that is a web address; otherwise its text stays. */
  link(node: Link): Nodes[] {
    const children = this.children(node) as PhrasingContent[];
    const title = node.title ? this.filled(node.title) : node.title;
    let href: string | null;
    if (!node.url.includes(TOKEN_OPEN)) {
      // The template's own link: kept when it goes to a web address, as a value's would.
      href = webHref(node.url);
    } else {
      const whole = ONE_TOKEN.exec(node.url);
      if (whole) {
        const value = this.value(Number(whole[1]));
        href = value.kind === 'url' ? value.href : webHref(valueText(value));
      } else {
        // A value inside an address is one path or query part: encoded, it can't add another.
        href = webHref(fillTokens(node.url, (i) => encodeURIComponent(valueText(this.value(i)))));
      }
    }
    if (href === null) return children;
    return [{ ...node, title, url: href, children }];
  }
}

/** The filled children of a node of type `parentType`, left as a reader would see them. */
function tidied(out: Nodes[], parentType: string): Nodes[] {
  const kept = mergeNeighbours(out.filter((node) => !isEmpty(node)));
  const endsInBreak = () => kept[0]?.type === 'break' || kept[kept.length - 1]?.type === 'break';
  // A line break with nothing after it (its value was empty) is no break to a reader; nor is
  // one followed only by white space, which tidyEnds drops (found by template-safety.test.ts).
  do {
    while (kept[kept.length - 1]?.type === 'break') kept.pop();
    while (kept[0]?.type === 'break') kept.shift();
    if (parentType === 'paragraph' || parentType === 'heading') {
      tidyEnds(kept, parentType === 'heading');
    }
  } while (endsInBreak());
  return kept;
}

/**
 * Neighbours of one kind that a reader sees as one become one: texts, code spans (written
 * side by side, two spans' backticks would read as one run: `a``b`), and two emphases
 * (`_a__b_` is no emphasis at all).
 */
function mergeNeighbours(nodes: Nodes[]): Nodes[] {
  const out: Nodes[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (last?.type === 'text' && node.type === 'text') {
      out[out.length - 1] = { ...last, value: last.value + node.value };
    } else if (last?.type === 'inlineCode' && node.type === 'inlineCode') {
      out[out.length - 1] = { ...last, value: last.value + node.value };
    } else if (
      (last?.type === 'emphasis' || last?.type === 'strong' || last?.type === 'delete') &&
      node.type === last.type
    ) {
      const children = [...last.children, ...node.children] as Nodes[];
      out[out.length - 1] = { ...last, children: mergeNeighbours(children) as PhrasingContent[] };
    } else {
      out.push(node);
    }
  }
  return out;
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
