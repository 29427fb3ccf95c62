/**
 * The rendered text of a page, read for finding saved quotes again (issue 16): the same text
 * as `indexText` and the same Ranges as `rangeForOffsets`, without visiting every text node.
 *
 * `indexText` walks all text nodes and keeps each one: on a 3-hour transcript that is ~110k
 * nodes, each wrapped for script and copied, ~100–150 ms before a highlight can be drawn.
 * Here the text comes from the browser's native `textContent`, element by element, and only
 * the elements that hold unrendered text (script, style, noscript, template) and their
 * ancestors are taken apart. A Range is found by going down from the root to the text node
 * holding an offset, summing the text lengths of the children at each level up to it; those
 * sums are kept, so 50 quotes on one page cost about two native reads of its text, not a walk.
 *
 * One difference from `indexText`: CDATA sections (only in SVG or MathML written with
 * `<![CDATA[`) count as text here, as they do in `textContent` and in the offsets a capture
 * records (text-range.ts' `indexedLengthBefore`).
 */
import { firstIndexWhere } from './bisect';
import { unrenderedElements } from './text-range';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

export interface PageText {
  /** The rendered text under the root: its text nodes joined in document order. */
  readonly text: string;
  /**
   * The DOM Range for text offsets [start, end), or null if out of bounds: it starts in the
   * node holding its first character and ends in the node holding its last (as
   * `rangeForOffsets`; an empty range at the very end sits after the last character).
   */
  range(start: number, end: number): Range | null;
}

/**
 * A node's children measured so far, and where each one's text starts within the node's text
 * (one more entry: where the last measured one ends). Measured up to the offset asked for, so
 * a quote early in a long paragraph doesn't read the rest of it.
 */
interface Children {
  nodes: Node[];
  starts: number[];
  /** The next child to measure; null once all are. */
  next: Node | null;
}

export function readPageText(root: Node): PageText {
  const unrendered = new Set<Node>(unrenderedElements(root));
  // The nodes whose textContent is not their rendered text: the unrendered elements and every
  // ancestor of one, up to the root (always taken apart, so its children are known at once).
  const mixed = new Set<Node>([root]);
  for (const element of unrendered) {
    for (let node: Node | null = element; node && !mixed.has(node); node = node.parentNode) {
      mixed.add(node);
    }
  }
  const children = new Map<Node, Children>();

  /** The rendered length of `node`, a child of `parent`; its text goes to `parts` if given. */
  const measure = (node: Node, parent: Node, parts?: string[]): number => {
    switch (node.nodeType) {
      case TEXT_NODE:
      case CDATA_SECTION_NODE: {
        if (unrendered.has(parent)) return 0;
        const data = (node as CharacterData).data;
        parts?.push(data);
        return data.length;
      }
      case ELEMENT_NODE: {
        if (mixed.has(node)) return childrenOf(node, Infinity, parts).starts.at(-1)!;
        const text = node.textContent ?? '';
        parts?.push(text);
        return text.length;
      }
      default:
        // Comments and processing instructions are no part of the text.
        return 0;
    }
  };

  /** The children of `node`, measured until one ends after `offset` (all: Infinity). */
  const childrenOf = (node: Node, offset: number, parts?: string[]): Children => {
    let list = children.get(node);
    if (!list) {
      list = { nodes: [], starts: [0], next: node.firstChild };
      children.set(node, list);
    }
    let length = list.starts.at(-1)!;
    while (list.next && length <= offset) {
      const child = list.next;
      length += measure(child, node, parts);
      list.nodes.push(child);
      list.starts.push(length);
      list.next = child.nextSibling;
    }
    return list;
  };

  const parts: string[] = [];
  childrenOf(root, Infinity, parts);
  const text = parts.join('');

  /** The text node holding the character at `offset` (0 ≤ offset < text.length), and where in it. */
  const locate = (offset: number): { node: CharacterData; offset: number } => {
    let node = root;
    let at = offset;
    while (node.nodeType !== TEXT_NODE && node.nodeType !== CDATA_SECTION_NODE) {
      const { nodes, starts } = childrenOf(node, at);
      // The first child whose text ends after `at`: empty children are passed over.
      const i = firstIndexWhere(nodes.length, (k) => starts[k + 1]! > at);
      at -= starts[i]!;
      node = nodes[i]!;
    }
    return { node: node as CharacterData, offset: at };
  };

  return {
    text,
    range(start, end) {
      if (start < 0 || end > text.length || start > end || text.length === 0) return null;
      const first =
        start < text.length
          ? locate(start)
          : (({ node, offset }) => ({ node, offset: offset + 1 }))(locate(text.length - 1));
      let last = first;
      if (end > start) {
        const holding = locate(end - 1);
        last = { node: holding.node, offset: holding.offset + 1 };
      }
      const range = (root.ownerDocument ?? (root as Document)).createRange();
      range.setStart(first.node, first.offset);
      range.setEnd(last.node, last.offset);
      return range;
    },
  };
}
