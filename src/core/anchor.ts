import type { QuoteAnchor, TextQuoteSelector } from './model';

/** How much text either side of a quote is kept to find it again (Hypothesis keeps 32). */
export const CONTEXT_CHARS = 32;

/** Collapses runs of whitespace, as a person reads the text. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The text nodes under `root`, in document order, with where each starts in the joined text. */
export interface TextIndex {
  text: string;
  nodes: Text[];
  starts: number[];
}

export function indexText(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text;
    nodes.push(text);
    starts.push(length);
    parts.push(text.data);
    length += text.data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/** The offset in the joined text of a (container, offset) boundary point of a Range. */
function offsetOf(index: TextIndex, container: Node, offset: number): number {
  if (container.nodeType === 3) {
    const i = index.nodes.indexOf(container as Text);
    return i < 0 ? 0 : index.starts[i]! + offset;
  }
  // An element boundary: the offset of the first text node at or after that child.
  const child = container.childNodes[offset] ?? null;
  for (let i = 0; i < index.nodes.length; i++) {
    const node = index.nodes[i]!;
    if (child === null) {
      if (!container.contains(node)) continue;
      // after the last child: past every text node inside the container
      const next = index.nodes.slice(i).findIndex((n) => !container.contains(n));
      return next < 0 ? index.text.length : index.starts[i + next]!;
    }
    if (child === node || child.contains(node)) return index.starts[i]!;
    if (child.compareDocumentPosition(node) & 4 /* FOLLOWING */) return index.starts[i]!;
  }
  return index.text.length;
}

/** Describes a selection as W3C selectors over the text of `root`. */
export function describeRange(root: Node, range: Range, timeSec: number | null): QuoteAnchor {
  const index = indexText(root);
  const start = offsetOf(index, range.startContainer, range.startOffset);
  const end = Math.max(start, offsetOf(index, range.endContainer, range.endOffset));
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: index.text.slice(start, end),
    prefix: index.text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: index.text.slice(end, end + CONTEXT_CHARS),
  };
  return { quote, position: { type: 'TextPositionSelector', start, end }, timeSec };
}

/** The DOM Range for text offsets [start, end) of an index, or null if out of bounds. */
export function rangeForOffsets(index: TextIndex, start: number, end: number): Range | null {
  if (start < 0 || end > index.text.length || start > end || index.nodes.length === 0) return null;
  const locate = (offset: number, preferNext: boolean): [Text, number] => {
    for (let i = index.nodes.length - 1; i >= 0; i--) {
      const s = index.starts[i]!;
      if (offset > s || (offset === s && (preferNext || i === 0))) {
        return [index.nodes[i]!, offset - s];
      }
    }
    return [index.nodes[0]!, 0];
  };
  const [startNode, startOffset] = locate(start, true);
  const [endNode, endOffset] = locate(end, false);
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, Math.min(startOffset, startNode.data.length));
  range.setEnd(endNode, Math.min(endOffset, endNode.data.length));
  return range;
}

/** Finds a saved quote on the page again: the exact text, the occurrence nearest the hint. */
export function anchorQuote(root: Node, anchor: QuoteAnchor): Range | null {
  const index = indexText(root);
  const { exact } = anchor.quote;
  if (!exact) return null;
  const hint = anchor.position?.start ?? 0;
  let best = -1;
  for (let at = index.text.indexOf(exact); at >= 0; at = index.text.indexOf(exact, at + 1)) {
    if (best < 0 || Math.abs(at - hint) < Math.abs(best - hint)) best = at;
  }
  return best < 0 ? null : rangeForOffsets(index, best, best + exact.length);
}
