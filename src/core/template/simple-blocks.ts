/**
 * The blocks of a template piece written in the plainest Markdown (headings, paragraphs,
 * block quotes of paragraphs, one-level `- ` lists, and `[text](address)` links), built
 * without the full parser, or null for anything else, which render.ts then parses whole.
 *
 * Why: a template's first render parses its pieces, and a parse's setup and first run cost
 * most of one exported note (issue 14's budget of 5 ms). The presets' pieces, like most
 * people's, are only these forms. Whatever might mean more (an emphasis marker, a backslash,
 * an entity, HTML, code, indentation, a line a block could run on into) returns null: this
 * is a shortcut, never a second reading of Markdown. test/unit/simple-blocks.test.ts checks
 * that every tree it builds is the one mdast-util-from-markdown makes of the same text.
 */
import type { BlockContent, Link, Paragraph, PhrasingContent, RootContent, Text } from 'mdast';

/** Characters with a meaning in CommonMark's inline syntax, and tabs, NUL, CR. */
const INLINE_SYNTAX = /[\\`*_<&\t\0\r]|!\[/;
/** A line that could start a block other than a paragraph, or continue one. */
const NOT_A_PARAGRAPH_START = /^(?:[ #>=+*_~`<|-]|\d{1,9}[.)]|$)/;
const HEADING = /^(#{1,6}) (.*)$/;
const LIST_ITEM = /^- (.*)$/;
/** A link's address: no spaces, brackets, parentheses or quotes, so no title or nesting. */
// eslint-disable-next-line no-control-regex -- CommonMark refuses control characters there
const ADDRESS = /^[^\s()<>[\]"'\x00-\x1f\x7f]+$/;

/** The piece's blocks, or null when it holds anything but the plain forms above. */
export function simpleBlocks(piece: string): RootContent[] | null {
  if (INLINE_SYNTAX.test(piece)) return null;
  const lines = piece.replace(/\n+$/, '').split('\n');
  const blocks: RootContent[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line === '') {
      i += 1;
      continue;
    }
    const heading = HEADING.exec(line);
    let block: RootContent | null;
    let end = i + 1;
    if (heading) {
      const content = heading[2]!;
      // A closing run of `#`, or spaces a parser would trim, are left to the parser.
      if (content.includes('#') || content.trim() !== content || content === '') return null;
      const children = inline(content);
      block = children && {
        type: 'heading',
        depth: heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6,
        children,
      };
    } else if (line.startsWith('>')) {
      while (end < lines.length && lines[end]!.startsWith('>')) end += 1;
      block = blockQuote(lines.slice(i, end).map((l) => l.replace(/^> ?/, '')));
    } else if (LIST_ITEM.test(line)) {
      while (end < lines.length && LIST_ITEM.test(lines[end]!)) end += 1;
      block = list(lines.slice(i, end).map((l) => l.slice(2)));
      // After blank lines, another item would join this list and make it loose.
      let next = end;
      while (lines[next] === '') next += 1;
      if (next > end && next < lines.length && lines[next]!.startsWith('-')) return null;
    } else {
      while (end < lines.length && lines[end] !== '') end += 1;
      block = paragraph(lines.slice(i, end));
    }
    if (!block) return null;
    // A quote or a list runs on into a line that follows it without a blank line.
    if (block.type !== 'heading' && block.type !== 'paragraph' && end < lines.length) {
      if (lines[end] !== '') return null;
    }
    blocks.push(block);
    i = end;
  }
  return blocks;
}

function paragraph(lines: readonly string[]): Paragraph | null {
  for (const line of lines) {
    if (NOT_A_PARAGRAPH_START.test(line) || line.trimEnd() !== line) return null;
  }
  const children = inline(lines.join('\n'));
  return children && { type: 'paragraph', children };
}

function blockQuote(inner: readonly string[]): BlockContent | null {
  const children: BlockContent[] = [];
  for (let i = 0; i < inner.length;) {
    if (inner[i] === '') {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < inner.length && inner[end] !== '') end += 1;
    const block = paragraph(inner.slice(i, end));
    if (!block) return null;
    children.push(block);
    i = end;
  }
  return { type: 'blockquote', children };
}

function list(items: readonly string[]): BlockContent | null {
  const children = [];
  for (const item of items) {
    const block = paragraph([item]);
    if (!block) return null;
    children.push({ type: 'listItem' as const, spread: false, checked: null, children: [block] });
  }
  return { type: 'list', ordered: false, start: null, spread: false, children };
}

/** Text and `[text](address)` links; null for a bracket or parenthesis anywhere else. */
function inline(text: string): PhrasingContent[] | null {
  const out: PhrasingContent[] = [];
  let rest = text;
  while (rest !== '') {
    const open = rest.search(/[[\]]/);
    if (open === -1) {
      out.push(textNode(rest));
      break;
    }
    if (rest[open] === ']') return null;
    const close = rest.indexOf('](', open);
    const end = close === -1 ? -1 : rest.indexOf(')', close);
    if (end === -1) return null;
    const label = rest.slice(open + 1, close);
    const address = rest.slice(close + 2, end);
    if (label === '' || /[[\]()\n]/.test(label) || !ADDRESS.test(address)) return null;
    if (open > 0) out.push(textNode(rest.slice(0, open)));
    const link: Link = { type: 'link', title: null, url: address, children: [textNode(label)] };
    out.push(link);
    rest = rest.slice(end + 1);
  }
  return out;
}

function textNode(value: string): Text {
  return { type: 'text', value };
}
