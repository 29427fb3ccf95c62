/**
 * Text ranges as W3C Web Annotation selectors: the content script's half of anchoring. A
 * quote is described over the text of a root node (its text nodes joined in document order):
 * the exact words with some context either side, and their offsets as a hint
 * (`describeRange`); a place found again in that text becomes a Range (`rangeForOffsets`).
 * Finding the words again is match-quote.ts's job, in the background.
 *
 * The ideas follow hypothesis/client's `src/annotator/anchoring/text-range.ts`; the code is ours.
 */
import { firstIndexWhere } from './bisect';
import type { QuoteAnchor, TextQuoteSelector } from './model';

/** How much text either side of a quote is kept to find it again (Hypothesis keeps 32). */
export const CONTEXT_CHARS = 32;

/** The text nodes under `root`, in document order, with where each starts in the joined text. */
export interface TextIndex {
  text: string;
  nodes: Text[];
  starts: number[];
}

/**
 * Elements whose text is never shown on the page: it can change between visits (inline data,
 * nonces) without the reader seeing a difference, so it must not move offsets or feed contexts.
 */
const UNRENDERED_TAGS = ['script', 'style', 'noscript', 'template'] as const;
const UNRENDERED = UNRENDERED_TAGS.join(', ');

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SHOW_TEXT = 4;
const DOCUMENT_POSITION_FOLLOWING = 4;
const DOCUMENT_POSITION_CONTAINED_BY = 16;
// Range.compareBoundaryPoints' `how`, as numbers: core does not rely on the page's globals.
const START_TO_START = 0;
const END_TO_END = 2;

function isIndexed(node: Node): node is Text {
  if (node.nodeType !== TEXT_NODE) return false;
  const parent = node.parentElement;
  return !(parent && parent.matches(UNRENDERED));
}

/** The elements under (or being) `root` whose own text nodes are not indexed. */
export function unrenderedElements(root: Node): Element[] {
  let found: Element[] = [];
  if ('getElementsByTagName' in root) {
    // By tag, not the selector list: the browser keeps each tag's list while the page is
    // unchanged, where `querySelectorAll` walked all of a long transcript page on every call
    // (8–16 ms for 40k elements in Chromium; the lists' second call ~0).
    for (const tag of UNRENDERED_TAGS) {
      const list = (root as Element).getElementsByTagName(tag);
      for (let i = 0, el = list[0]; el; el = list[++i]) found.push(el);
    }
  } else if ('querySelectorAll' in root) {
    found = [...(root as ParentNode).querySelectorAll(UNRENDERED)];
  }
  if (root.nodeType === ELEMENT_NODE && (root as Element).matches(UNRENDERED))
    found.push(root as Element);
  return found;
}

/** The text nodes that `isIndexed` refuses under `root`, found without visiting every node. */
function unrenderedTexts(root: Node): Set<Node> {
  const texts = new Set<Node>();
  for (const element of unrenderedElements(root)) {
    for (const child of element.childNodes) if (child.nodeType === TEXT_NODE) texts.add(child);
  }
  return texts;
}

/**
 * Indexes the rendered text under `root`. One walk over the text nodes: O(nodes); reuse the
 * index for many lookups (`anchorQuotes`) rather than calling this per quote. The unrendered
 * text is found first, by selector, because asking each of 100k nodes for its parent's name
 * doubles the walk's cost.
 */
export function indexText(root: Node): TextIndex {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const skip = unrenderedTexts(root);
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (skip.size > 0 && skip.has(node)) continue;
    const text = node as Text;
    const data = text.data;
    nodes.push(text);
    starts.push(length);
    parts.push(data);
    length += data.length;
  }
  return { text: parts.join(''), nodes, starts };
}

/**
 * The offset in the joined text of a boundary point (container, offset) of a Range.
 *
 * Selections often start or end on element boundaries (triple-click, select-all, a drag that
 * ends past a paragraph), so a point inside an element maps to the first indexed text at or
 * after it. Found by binary search over the nodes in document order: O(log nodes).
 * Points before `root` map to 0, points after it to the text's length.
 */
function offsetOfPoint(index: TextIndex, container: Node, offset: number): number {
  const { nodes, starts, text } = index;
  if (container.nodeType === TEXT_NODE) {
    const i = firstIndexWhere(
      nodes.length,
      (k) =>
        nodes[k] === container ||
        (container.compareDocumentPosition(nodes[k]!) & DOCUMENT_POSITION_FOLLOWING) !== 0,
    );
    if (nodes[i] === container) {
      const length = (container as Text).data.length;
      return starts[i]! + Math.min(Math.max(offset, 0), length);
    }
    // A text node that is not indexed (inside <script>…): the point is next to it.
    return i < nodes.length ? starts[i]! : text.length;
  }
  const child = container.childNodes[offset] ?? null;
  const i =
    child === null
      ? // After the container's last child: the first text following the whole container.
        firstIndexWhere(nodes.length, (k) => {
          const position = container.compareDocumentPosition(nodes[k]!);
          return (
            (position & DOCUMENT_POSITION_FOLLOWING) !== 0 &&
            (position & DOCUMENT_POSITION_CONTAINED_BY) === 0
          );
        })
      : // Before `child`: the first text that is `child`, inside it, or after it.
        firstIndexWhere(
          nodes.length,
          (k) =>
            nodes[k] === child ||
            (child.compareDocumentPosition(nodes[k]!) & DOCUMENT_POSITION_FOLLOWING) !== 0,
        );
  return i < nodes.length ? starts[i]! : text.length;
}

/** The text offsets [start, end) that a Range covers in an index. */
export function offsetsOfRange(index: TextIndex, range: Range): { start: number; end: number } {
  const start = offsetOfPoint(index, range.startContainer, range.startOffset);
  const end = Math.max(start, offsetOfPoint(index, range.endContainer, range.endOffset));
  return { start, end };
}

/** W3C selectors for the text offsets [start, end) of an index. */
export function describeOffsets(index: TextIndex, start: number, end: number): QuoteAnchor {
  const { text } = index;
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
  return { quote, position: { type: 'TextPositionSelector', start, end } };
}

/**
 * Describes a selection as W3C selectors over the text of `root`.
 *
 * `exact` is the raw page text the range covers, whitespace and all (it equals
 * `range.toString()` except for text in <script>/<style>, which is never indexed), so that it
 * can be found verbatim again; the quote shown to the person is normalised elsewhere.
 *
 * The result is the same as `describeOffsets` over `indexText(root)`, but only the text nodes
 * near the selection are visited: its position is counted from the native `textContent` of
 * what precedes it. A capture on a transcript of 100k nodes then costs about what it costs on
 * a short page (bench: capture; test/unit/anchor-roundtrip.test.ts checks the equality).
 */
export function describeRange(root: Node, range: Range): QuoteAnchor {
  const clipped = clipToRoot(root, range);
  const local = indexAround(root, clipped);
  const { start, end } = offsetsOfRange(local, clipped);
  const anchor = describeOffsets(local, start, end);
  const position = { start: local.base + start, end: local.base + end };
  return { ...anchor, position: { type: 'TextPositionSelector', ...position } };
}

/**
 * `range`, cut to the part inside `root`. A range wholly outside it collapses at the nearer
 * edge: moving one end past the other moves both.
 */
function clipToRoot(root: Node, range: Range): Range {
  const inside = (root.ownerDocument ?? (root as Document)).createRange();
  inside.selectNodeContents(root);
  const clipped = range.cloneRange();
  // A range in another tree (inside a shadow root) can't be compared with this one, and has
  // none of its text: it describes nothing rather than failing the capture.
  const tree = root.getRootNode();
  if (range.startContainer.getRootNode() !== tree || range.endContainer.getRootNode() !== tree) {
    clipped.setStart(root, 0);
    clipped.collapse(true);
    return clipped;
  }
  if (clipped.compareBoundaryPoints(START_TO_START, inside) < 0) clipped.setStart(root, 0);
  if (clipped.compareBoundaryPoints(END_TO_END, inside) > 0) {
    clipped.setEnd(root, root.childNodes.length);
  }
  return clipped;
}

/**
 * A text index of the nodes a range covers and CONTEXT_CHARS of text either side (more where a
 * node is long), with `base`: where its first node starts in the text of all of `root`.
 */
function indexAround(root: Node, range: Range): TextIndex & { base: number } {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  const nextIndexed = (): Text | null => {
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (isIndexed(node)) return node;
    }
    return null;
  };
  /** The first indexed text at or after a boundary point. */
  const textFrom = (container: Node, offset: number): Text | null => {
    let node: Node | null =
      container.nodeType === TEXT_NODE ? container : (container.childNodes[offset] ?? null);
    if (!node) {
      // After the container's last child: the first node after the whole container.
      for (node = container; node !== root && !node.nextSibling; node = node.parentNode!);
      if (node === root) return null;
      node = node.nextSibling!;
    }
    if (isIndexed(node)) return node;
    walker.currentNode = node;
    return nextIndexed();
  };
  const first = textFrom(range.startContainer, range.startOffset);
  const last = textFrom(range.endContainer, range.endOffset);

  // Before the selection: back from its first text (or from the end of root).
  const before: Text[] = [];
  let beforeLength = 0;
  let cursor: Node = root;
  if (first) cursor = first;
  else while (cursor.lastChild) cursor = cursor.lastChild;
  walker.currentNode = cursor;
  if (!first && isIndexed(cursor)) {
    before.push(cursor);
    beforeLength += cursor.length;
  }
  while (beforeLength < CONTEXT_CHARS) {
    const node = walker.previousNode();
    if (!node) break;
    if (!isIndexed(node)) continue;
    before.push(node);
    beforeLength += node.length;
  }
  const nodes = before.reverse();

  // The selection's text, then on past the text at its end until there is enough context.
  if (first) {
    walker.currentNode = first;
    let passedEnd = false;
    let afterLength = 0;
    for (let node: Text | null = first; node; node = nextIndexed()) {
      nodes.push(node);
      if (passedEnd) afterLength += node.length;
      if (node === last) passedEnd = true;
      if (passedEnd && afterLength >= CONTEXT_CHARS) break;
    }
  }

  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const node of nodes) {
    starts.push(length);
    parts.push(node.data);
    length += node.length;
  }
  return {
    text: parts.join(''),
    nodes,
    starts,
    base: nodes[0] ? indexedLengthBefore(root, nodes[0]) : 0,
  };
}

/**
 * How much indexed text of `root` comes before one of its text nodes: the text of everything
 * before it, read per preceding sibling of it and of its ancestors (`textContent` is native and
 * fast), less the unrendered text in that. Range.toString would be simpler, but happy-dom (the
 * unit tests' DOM) takes a minute for it on a page of 3,000 paragraphs.
 */
function indexedLengthBefore(root: Node, node: Text): number {
  let length = 0;
  for (let at: Node = node; at !== root && at.parentNode; at = at.parentNode) {
    for (let sibling = at.previousSibling; sibling; sibling = sibling.previousSibling) {
      if (sibling.nodeType === TEXT_NODE || sibling.nodeType === ELEMENT_NODE) {
        length += sibling.textContent?.length ?? 0;
      }
    }
  }
  for (const element of unrenderedElements(root)) {
    for (const child of element.childNodes) {
      if (
        child.nodeType === TEXT_NODE &&
        (child.compareDocumentPosition(node) & DOCUMENT_POSITION_FOLLOWING) !== 0
      ) {
        length -= (child as Text).length;
      }
    }
  }
  return length;
}

/**
 * The DOM Range for text offsets [start, end) of an index, or null if out of bounds.
 * The range starts in the node holding its first character and ends in the node holding its
 * last, so that it never begins with the tail of a neighbouring element. O(log nodes).
 */
export function rangeForOffsets(index: TextIndex, start: number, end: number): Range | null {
  const { nodes, starts, text } = index;
  if (start < 0 || end > text.length || start > end || nodes.length === 0) return null;
  // The last node starting at or before `offset`: empty nodes share their start with the next
  // node, so this is the non-empty node holding the character at `offset` (if any).
  const nodeAt = (offset: number): number =>
    Math.max(0, firstIndexWhere(nodes.length, (k) => starts[k]! > offset) - 1);
  const startIndex = start < text.length ? nodeAt(start) : nodes.length - 1;
  const endIndex = end > start ? nodeAt(end - 1) : startIndex;
  const startNode = nodes[startIndex]!;
  const endNode = nodes[endIndex]!;
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, Math.min(start - starts[startIndex]!, startNode.data.length));
  range.setEnd(endNode, Math.min(Math.max(end - starts[endIndex]!, 0), endNode.data.length));
  return range;
}
