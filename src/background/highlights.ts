import { matchQuoteIn, searchableText, type QuoteMatch } from '../core/match-quote';
import { episodeIdForUrl } from '../core/episode';
import type { Quote } from '../core/model';
import type { HighlightsReply, PlacedQuote } from '../messages/schemas';

/**
 * Finds an episode's saved quotes in the texts a content script sent (its document and
 * same-origin frames), with core's matcher: exact words at the position hint first, then
 * anywhere, then an approximate match scored by quote, prefix, suffix and position.
 *
 * Why here and not in the content script: the matcher and its approximate-search library
 * would add ~3 kB gzipped to a content script that runs on every podcast page, and only pages
 * with saved quotes need them. The content script turns the offsets back into Ranges with
 * core's `rangeForOffsets` over the same `indexText` it sent; together that is `anchorQuotes`.
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
