import { matchQuoteIn, searchableText, type QuoteMatch } from '../core/match-quote';
import { episodeIdForUrl } from '../core/episode';
import type { Quote } from '../core/model';
import type { VerbatimQuote } from '../core/verbatim';
import type { HighlightsReply, PlacedQuote, SavedQuotesReply } from '../messages/schemas';

/**
 * Finds an episode's saved quotes in the texts a content script sent (its document and
 * same-origin frames), with core's matcher: exact words at the position hint first, then
 * anywhere, then an approximate match scored by quote, prefix, suffix and position.
 *
 * Why here and not in the content script: the matcher and its approximate-search library
 * would add ~3 kB gzipped to a content script that runs on every podcast page, and only pages
 * with saved quotes need them. The content script turns the offsets back into Ranges over
 * the same text it sent (core/page-text.ts). It asks for this only when some quote is not
 * verbatim where it was saved: those it places itself (`savedQuotes`, core/verbatim.ts).
 */
export function placeQuotes(
  episodeId: string,
  quotes: readonly Quote[],
  texts: readonly string[],
): HighlightsReply {
  const prepared = texts.map(searchableText);
  const placed: PlacedQuote[] = [];
  const orphans: string[] = [];
  for (const quote of quotes) {
    // A moment saved without page text has nothing to find: it is not an orphan.
    if (!quote.anchor) continue;
    const hint = quote.anchor.position?.start ?? null;
    let best: { root: number; match: QuoteMatch } | null = null;
    for (let root = 0; root < prepared.length; root++) {
      const match = matchQuoteIn(prepared[root]!, quote.anchor.quote, hint);
      if (match && (!best || match.score > best.match.score)) best = { root, match };
      if (best?.match.score === 1) break;
    }
    if (best) {
      const { start, end } = best.match;
      placed.push({ quoteId: quote.id, root: best.root, start, end, timeSec: quote.timeSec });
    } else {
      orphans.push(quote.id);
    }
  }
  return { episodeId, placed, orphans };
}

/** The quotes of the page at `pageUrl`, placed in its texts. */
export async function placeQuotesForPage(
  store: { quotesForEpisode(episodeId: string): Promise<Quote[]> },
  pageUrl: string,
  texts: readonly string[],
): Promise<HighlightsReply> {
  const episodeId = episodeIdForUrl(pageUrl);
  return placeQuotes(episodeId, await store.quotesForEpisode(episodeId), texts);
}

/**
 * The episode's quotes that have words on a page, as the content script checks them against
 * the text it holds: those still verbatim where they were it draws without sending that text.
 */
export function savedQuotes(episodeId: string, quotes: readonly Quote[]): SavedQuotesReply {
  const withWords: VerbatimQuote[] = [];
  for (const quote of quotes) {
    if (!quote.anchor) continue;
    withWords.push({
      quoteId: quote.id,
      quote: quote.anchor.quote,
      start: quote.anchor.position?.start ?? null,
      timeSec: quote.timeSec,
    });
  }
  return { episodeId, quotes: withWords };
}

/** The quotes of the page at `pageUrl`, for the page to place itself where it can. */
export async function savedQuotesForPage(
  store: { quotesForEpisode(episodeId: string): Promise<Quote[]> },
  pageUrl: string,
): Promise<SavedQuotesReply> {
  const episodeId = episodeIdForUrl(pageUrl);
  return savedQuotes(episodeId, await store.quotesForEpisode(episodeId));
}

/**
 * What each tab's last highlight pass found, so the popup or side panel can list orphans
 * without asking the page. Lost when the service worker stops; the page's next pass (on load,
 * on navigation, on DOM changes) reports again.
 */
export function createHighlightLog() {
  const byTab = new Map<number, HighlightsReply>();
  return {
    record(tabId: number, reply: HighlightsReply): void {
      byTab.set(tabId, reply);
    },
    forTab(tabId: number): HighlightsReply | null {
      return byTab.get(tabId) ?? null;
    },
    forget(tabId: number): void {
      byTab.delete(tabId);
    },
  };
}
