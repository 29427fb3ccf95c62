/**
 * A fast Markdown writer for the few node types an overview is made of (issue 16, part 3).
 *
 * Why not only mdast-util-to-markdown: measured on 500 overviews (bench `backup`, and a Node
 * CPU profile of the same data), ~95% of the time went into its serialiser, most of it in
 * `safe()` (every text node is matched against ~50 escape patterns, each a regular expression
 * run over the whole text, after a scope check against the construct stack) and in
 * `containerPhrasing`'s pairing of emphasis markers, which an overview never has. Keeping
 * only the patterns whose character occurs in a text saved ~15%: not enough for the budget.
 *
 * So this writer handles root, heading, paragraph, text, break, link, list, listItem,
 * blockquote and thematicBreak, with the same options as the export
 * (`-` bullets, one space after the marker, ATX headings, `[text](url)` links) and the same
 * joins between blocks, and escapes text by a simpler rule that never depends on context it
 * can't see:
 *
 * - everywhere: `\ ` `` ` `` `* _ [ ] < & ~ |` get a backslash (so no emphasis, code, link,
 *   image, HTML, autolink, character reference, strikethrough or table can start), and the
 *   GFM autolink starts `x://`, `www.` and `a@b` are broken by a backslash, as the export
 *   always did;
 * - at the start of a line: `# > + - =` and the `.`/`)` after digits get a backslash, and a
 *   leading space or tab becomes a character reference (no heading, quote, list, setext
 *   underline, thematic break or indented code);
 * - before a line break, a space or tab becomes a character reference (no hard break);
 * - at the end of a heading, `#` gets a backslash (no closing sequence).
 *
 * It escapes a few characters the library leaves alone in context (an intra-word `_`, a `&`
 * before a space); on ordinary prose the two write the same bytes (test/unit/markdown-write.test.ts
 * compares them, and the golden files did not change). Anything else in a tree (emphasis,
 * code, HTML, images, tables, link titles, URLs with spaces) returns `null`, and the caller
 * uses mdast-util-to-markdown. The safety suite (markdown-safety.test.ts) parses every
 * output back and compares it with the tree it was written from.
 */
import type { Heading, List, ListItem, Nodes, Parents, PhrasingContent, Root } from 'mdast';

class Unsupported extends Error {}

/**
 * Escaped wherever they are, as mdast-util-to-markdown's `unsafe` patterns for phrasing and
 * the export's GFM additions: what could open code, emphasis, a link or image, HTML, an
 * entity, strikethrough, a table cell or a GFM autolink; a backslash that would escape what
 * follows it (or a space, which may become a character reference). `_` is decided in `escapeMatch`. Each alternative starts with the character it
 * escapes and looks behind only after it: a look-behind first is tried at every position and
 * made this the export's slowest line (bench `backup`).
 */
const ALWAYS =
  /\\(?=[!-/:-@[-`{-~\r\n \t]|$)|[`*[~|_]|&(?=[#A-Za-z])|<(?=[!/?A-Za-z])|\((?<=\]\()|:(?<=[A-Za-z]:)(?=\/\/)|\.(?<=(?:^|[^\w])[Ww]{3}\.)|@(?<=[\w.+-]@)(?=[\w-])/g;
/** In a link's text, `]` too, or it would end the text. */
const ALWAYS_IN_LABEL = new RegExp(`${ALWAYS.source}|\\]`, 'g');
/** At a line start, what could open a block: heading, quote, list, setext underline, break. */
const LINE_START = /^(?:[#>=]|[+-](?=[ \t\n])|-(?=-)|\d+(?:\.(?=[ \t\n])|\)))/;
/** The same when the line ends there: an empty list item. */
const LINE_START_AT_END = /^(?:[#>=]|[+-](?=[ \t\n]|$)|-(?=-)|\d+(?:\.(?=[ \t\n]|$)|\)))/;
const WORD = /[\p{L}\p{N}\p{M}]/u;

const charRef = (char: string): string => `&#x${char.codePointAt(0)!.toString(16).toUpperCase()};`;

/** An `_` between two letters can neither open nor close emphasis: `snake_case` stays as is. */
function escapeMatch(match: string, offset: number, value: string): string {
  if (
    match === '_' &&
    WORD.test(value.charAt(offset - 1)) &&
    (WORD.test(value.charAt(offset + 1)) ||
      (value.charAt(offset + 1) === '_' && intraWordRun(value, offset)))
  ) {
    return match;
  }
  if (match === '_' && value.charAt(offset - 1) === '_' && intraWordRun(value, offset)) {
    return match;
  }
  return `\\${match}`;
}

/** Whether the run of `_` around `offset` sits between two letters. */
function intraWordRun(value: string, offset: number): boolean {
  let start = offset;
  while (value.charAt(start - 1) === '_') start--;
  let end = offset;
  while (value.charAt(end + 1) === '_') end++;
  return WORD.test(value.charAt(start - 1)) && WORD.test(value.charAt(end + 1));
}

function escapeLineStart(line: string, lineEnds = true): string {
  const first = line.charAt(0);
  if (first === ' ' || first === '\t') return charRef(first) + line.slice(1);
  const match = (lineEnds ? LINE_START_AT_END : LINE_START).exec(line);
  if (match === null) return line;
  const at = match[0].length - 1;
  return `${line.slice(0, at)}\\${line.slice(at)}`;
}

/**
 * `value` as Markdown text. `atLineStart`: nothing but a container's marker precedes it on
 * its line. `inHeading`: it may not hold a line ending.
 */
function escapeText(
  value: string,
  atLineStart: boolean,
  inHeading: boolean,
  inLabel: boolean,
  endsBlock: boolean,
): string {
  let out = value.replace(inLabel ? ALWAYS_IN_LABEL : ALWAYS, escapeMatch);
  if (out.includes('\n') || out.includes('\r')) {
    // A heading is one line; elsewhere a line ending stays one, unless it would end the
    // paragraph: next to another, or first on a line of its own.
    if (inHeading) return out.replace(/\r|\n/g, (m) => charRef(m));
    out = out
      .replace(/\r/g, '&#xD;')
      .replace(/\n{2,}|^\n/g, (run) =>
        run.length > 1 || atLineStart ? '&#xA;'.repeat(run.length) : run,
      )
      .split('\n')
      .map((line, index, lines) => {
        let written =
          index > 0 ? escapeLineStart(line, index < lines.length - 1 || endsBlock) : line;
        const last = written.charAt(written.length - 1);
        if (index < lines.length - 1 && (last === ' ' || last === '\t')) {
          written = written.slice(0, -1) + charRef(last);
        }
        return written;
      })
      .join('\n');
  }
  return atLineStart ? escapeLineStart(out, endsBlock) : out;
}

/** The end of a paragraph or heading: a parser drops trailing white space and line endings. */
function keepEnd(value: string): string {
  const last = value.charAt(value.length - 1);
  if (last !== ' ' && last !== '\t' && last !== '\n') return value;
  // A hard break last stays as the library writes it. A backslash before a space is escaped
  // (ALWAYS), so the `&` of the reference is never escaped.
  if (last === '\n' && /(?<!\\)(?:\\\\)*\\\n$/.test(value)) return value;
  return value.slice(0, -1) + charRef(last);
}

function hasLineBreak(node: PhrasingContent): boolean {
  if (node.type === 'break') return true;
  if (node.type === 'text') return /[\r\n]/.test(node.value);
  return 'children' in node && node.children.some(hasLineBreak);
}

class Writer {
  /** The bullet of the list just written, as mdast-util-to-markdown's `bulletLastUsed`. */
  private bulletLastUsed: string | undefined;

  flow(parent: Parents): string {
    const children = parent.children as Nodes[];
    let out = '';
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      out += this.block(child, parent);
      if (child.type !== 'list') this.bulletLastUsed = undefined;
      if (i < children.length - 1) out += between(child, children[i + 1]!, parent);
    }
    return out;
  }

  block(node: Nodes, parent: Parents): string {
    switch (node.type) {
      case 'heading':
        return this.heading(node);
      case 'paragraph':
        return keepEnd(this.phrasing(node.children, true, false));
      case 'blockquote':
        return indent(this.flow(node), '> ', '> ');
      case 'list':
        return this.list(node, parent);
      case 'thematicBreak':
        // `---` first in a file opens front matter to a note app: use the other rule there.
        return parent.type === 'root' && parent.children[0] === node ? '***' : '---';
      default:
        throw new Unsupported(node.type);
    }
  }

  heading(node: Heading): string {
    const rank = Math.max(Math.min(6, node.depth || 1), 1);
    const sequence = '#'.repeat(rank);
    // A line break makes the library write a setext heading (or a space): leave it that.
    if (node.children.some(hasLineBreak)) throw new Unsupported('heading with a line break');
    let value = keepEnd(this.phrasing(node.children, false, true));
    if (value.endsWith('#') && !value.endsWith('\\#')) value = `${value.slice(0, -1)}\\#`;
    const head = value.charAt(0);
    if (head === ' ' || head === '\t') value = charRef(head) + value.slice(1);
    return value ? `${sequence} ${value}` : sequence;
  }

  list(node: List, parent: Parents): string {
    let bullet = node.ordered ? '.' : '-';
    const other = node.ordered ? ')' : '*';
    const first = node.children[0];
    if (first !== undefined && first.children.length === 0) throw new Unsupported('empty item');
    if (
      parent !== undefined &&
      this.bulletLastUsed !== undefined &&
      bullet === this.bulletLastUsed
    ) {
      bullet = other;
    }
    // `- ---` is one thematic break, not a list item holding one: the other bullet, as
    // mdast-util-to-markdown does (a template's own `- ***` comes out `* ---`).
    // Right after a list that had `*` for the same reason, `+` keeps the two lists apart.
    if (!node.ordered && bullet === '-' && node.children.some(startsWithRule)) {
      bullet = this.bulletLastUsed === other ? '+' : other;
    }
    let out = '';
    const items = node.children;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      out += this.listItem(item, node, i, bullet);
      this.bulletLastUsed = undefined;
      if (i < items.length - 1) out += between(item, items[i + 1]!, node);
    }
    this.bulletLastUsed = bullet;
    return out;
  }

  listItem(node: ListItem, parent: List, index: number, bullet: string): string {
    if (node.checked === true || node.checked === false) throw new Unsupported('task item');
    if (node.children.length === 0) throw new Unsupported('empty item');
    const marker = parent.ordered
      ? `${(typeof parent.start === 'number' && parent.start > -1 ? parent.start : 1) + index}${bullet}`
      : bullet;
    const pad = ' '.repeat(marker.length + 1);
    return indent(this.flow(node), `${marker} `, pad);
  }

  phrasing(
    nodes: readonly PhrasingContent[],
    lineStart: boolean,
    inHeading: boolean,
    inLabel = false,
  ): string {
    let out = '';
    let atLineStart = lineStart;
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]!;
      switch (node.type) {
        case 'text': {
          let text = escapeText(
            node.value,
            atLineStart,
            inHeading,
            inLabel,
            index === nodes.length - 1,
          );
          // `!` before a link would make it an image.
          if (nodes[index + 1]?.type === 'link' && /(?<!\\)(?:\\\\)*!$/.test(text)) {
            text = `${text.slice(0, -1)}\\!`;
          }
          out += text;
          break;
        }
        case 'break':
          out += '\\\n';
          atLineStart = true;
          continue;
        case 'link':
          // A link inside a link's text is not a link: leave that to the library.
          if (inLabel) throw new Unsupported('nested link');
          out += this.link(node.url, node.title, node.children, inHeading);
          break;
        default:
          throw new Unsupported(node.type);
      }
      atLineStart = false;
    }
    return out;
  }

  link(
    url: string,
    title: string | null | undefined,
    children: PhrasingContent[],
    inHeading: boolean,
  ): string {
    // Whitespace or control characters need `<…>`; a title needs quoting: the library does both.
    if (title || url === '' || /[\0- \u007F<>]/.test(url)) throw new Unsupported('link');
    const label = this.phrasing(children, false, inHeading, true);
    return `[${label}](${url.replace(/[()]|&(?=[#A-Za-z])|\\(?=[!-/:-@[-`{-~]|$)/g, '\\$&')})`;
  }
}

function startsWithRule(item: ListItem): boolean {
  return item.children[0]?.type === 'thematicBreak';
}

/** What separates two blocks: the join rules of mdast-util-to-markdown (`join.js`). */
function between(left: Nodes, right: Nodes, parent: Parents): string {
  if (!('spread' in parent) || typeof parent.spread !== 'boolean') return '\n\n';
  if (parent.spread) return '\n\n';
  if (left.type === 'blockquote' && right.type === 'blockquote') return '\n\n';
  if (
    left.type === 'paragraph' &&
    right.type === 'list' &&
    right.ordered &&
    typeof right.start === 'number' &&
    right.start !== 1
  ) {
    return '\n\n';
  }
  if (left.type === 'paragraph' && right.type === 'thematicBreak') return '\n\n';
  let tail: Nodes = left;
  while (
    (tail.type === 'blockquote' || tail.type === 'list' || tail.type === 'listItem') &&
    tail.children.length > 0
  ) {
    tail = tail.children[tail.children.length - 1]!;
  }
  if (tail.type !== 'paragraph') return '\n';
  const leftEndsInContainer = left !== (tail as Nodes);
  if ((left.type === 'paragraph' || leftEndsInContainer) && right.type === 'paragraph')
    return '\n\n';
  return '\n';
}

/** `value`'s lines behind a container's marker: `first` on the first, `rest` on the others. */
function indent(value: string, first: string, rest: string): string {
  // One pass instead of split/map/join (bench `backup`). A blank line gets the marker without
  // its trailing spaces, as mdast-util-to-markdown writes it.
  const head = value === '' || value.charAt(0) === '\n' ? first.trimEnd() : first;
  const blank = rest.trimEnd();
  return head + value.replace(/\n(?=([^\n]?))/g, (_, next: string) => `\n${next ? rest : blank}`);
}

/**
 * `tree` as Markdown when every node in it is one this writer knows, else `null` (then use
 * mdast-util-to-markdown). Cost: linear in the output, a few string passes per text node.
 */
export function writeSimpleMarkdown(tree: Root): string | null {
  try {
    const out = new Writer().flow(tree);
    return out === '' || out.endsWith('\n') ? out : `${out}\n`;
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}
