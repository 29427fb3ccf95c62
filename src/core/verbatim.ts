/**
 * The cheapest way to find a saved quote again, shared by the background's matcher
 * (match-quote.ts, its first layer) and the content script: the page unchanged around the
 * quote, so its words and their whole context are where they were saved.
 *
 * On a revisit that is nearly every quote, and the content script checks it on the text it
 * already holds, without sending that text to the background (issue 16): only a quote that
 * moved or changed needs the matcher.
 */
import type { TextQuoteSelector } from './model';
import { normalizeWhitespace } from './whitespace';

/** Whether the quote and its whole context are at `at` in `raw`, character for character. */
export function isVerbatimAt(
  raw: string,
  { exact, prefix, suffix }: TextQuoteSelector,
  at: number,
): boolean {
  return (
    at >= prefix.length &&
    raw.startsWith(exact, at) &&
    raw.startsWith(suffix, at + exact.length) &&
    raw.startsWith(prefix, at - prefix.length)
  );
}

/** A saved quote as the content script gets it: its words, context and where they were. */
export interface VerbatimQuote {
  quoteId: string;
  quote: TextQuoteSelector;
  /** Where the words started in the page's text when saved; null when unknown. */
  start: number | null;
  timeSec: number | null;
}

/** A quote found in the first of the page's texts (its document; frames come after). */
export interface VerbatimPlace {
  quoteId: string;
  root: 0;
  start: number;
  end: number;
  timeSec: number | null;
}

/**
 * Every quote placed where it was saved in `text` (the document's own text), or null as soon
 * as one is not there verbatim: that one needs the matcher, and the matcher places them all.
 * The same places the matcher gives, which looks at the document's text first and takes a
 * verbatim quote at its position at once.
 */
export function placeVerbatim(
  quotes: readonly VerbatimQuote[],
  text: string,
): VerbatimPlace[] | null {
  const placed: VerbatimPlace[] = [];
  for (const { quoteId, quote, start, timeSec } of quotes) {
    // Words of only spaces are never found (the matcher calls them orphans).
    if (start === null || normalizeWhitespace(quote.exact) === '') return null;
    if (!isVerbatimAt(text, quote, start)) return null;
    placed.push({ quoteId, root: 0, start, end: start + quote.exact.length, timeSec });
  }
  return placed;
}
