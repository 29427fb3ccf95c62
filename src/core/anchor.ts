/**
 * Finding saved quotes on a page in one process: text-range.ts (the page's text as an index,
 * and ranges) joined with match-quote.ts (finding the words again). The extension splits the
 * two between the content script and the background; this whole-page form serves tests, the
 * bench and any caller that holds both the page and the quotes.
 */
import type { QuoteAnchor } from './model';
import { matchQuoteIn, searchableText, type SearchableText } from './match-quote';
import { indexText, rangeForOffsets, type TextIndex } from './text-range';

function anchorInIndex(
  index: TextIndex,
  prepared: SearchableText,
  anchor: QuoteAnchor | null,
): Range | null {
  if (!anchor) return null;
  const match = matchQuoteIn(prepared, anchor.quote, anchor.position?.start ?? null);
  return match ? rangeForOffsets(index, match.start, match.end) : null;
}

/** Finds a saved quote on the page again, or null when it is an orphan. See `matchQuote`. */
export function anchorQuote(root: Node, anchor: QuoteAnchor): Range | null {
  const index = indexText(root);
  return anchorInIndex(index, searchableText(index.text), anchor);
}

/**
 * Finds many saved quotes on one page: the text is indexed (and collapsed, if needed) once.
 * The result is parallel to `anchors`; null marks an orphan (or a quote saved without anchor).
 */
export function anchorQuotes(
  root: Node,
  anchors: readonly (QuoteAnchor | null)[],
): (Range | null)[] {
  const index = indexText(root);
  const prepared = searchableText(index.text);
  return anchors.map((anchor) => anchorInIndex(index, prepared, anchor));
}
