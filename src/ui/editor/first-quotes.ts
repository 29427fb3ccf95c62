import type { Episode, Quote } from '../../core/model';
import type { Store } from '../../store/store';

/** Rows drawn before the rest of a long list is read: more than a popup or panel shows. */
export const FIRST_SCREEN_QUOTES = 30;

/**
 * The popup's first screen: its newest quotes. The first frame draws the rows in its first
 * ~370 px (6–7 short rows); each more read is a record more before that frame.
 */
export const FIRST_SCREEN_NEWEST = 10;

/** Which quotes a first screen shows: the popup's newest, or the side panel's playback order. */
export type FirstScreenOrder = 'newest' | 'playback';

export interface FirstScreen {
  /** The stored episode; undefined when the page's episode is not in the library. */
  episode: Episode | undefined;
  /** All of the episode's quotes, or the first screen of a long list. */
  quotes: Quote[];
  /** How many quotes are not in `quotes` yet. */
  unread: number;
  /**
   * Reads the whole list; null when `quotes` is all of it. The caller starts it after the
   * first frame, so that reading 1,000 quotes never delays it.
   */
  readRest: (() => Promise<Quote[]>) | null;
}

/**
 * An episode and its quotes for a first render. Reading 1,000 quotes takes ~35 ms in
 * Chromium, a third of the popup's time budget; the popup's newest quotes, or the side panel's
 * first screen in playback order, take a few ms through an index, so a long list is drawn from
 * those while the rest is read.
 */
export async function readFirstScreen(
  store: Store,
  episodeId: string,
  order: FirstScreenOrder,
): Promise<FirstScreen> {
  const readRest = () => store.quotesForEpisode(episodeId);
  if (order === 'newest') {
    // One read-only transaction of a dozen records: the episode, the count, the newest quotes.
    const glance = await store.episodeGlance(episodeId, FIRST_SCREEN_NEWEST);
    // Fewer than asked for is all of them; otherwise the rest is read, whatever the kept
    // count says (it only says how many to expect).
    const complete = glance.newest.length < FIRST_SCREEN_NEWEST;
    return {
      episode: glance.episode,
      quotes: glance.newest,
      unread: complete ? 0 : Math.max(0, glance.quoteCount - glance.newest.length),
      readRest: complete ? null : readRest,
    };
  }
  const [episode, count, first] = await Promise.all([
    store.episode(episodeId),
    store.countQuotes(episodeId),
    store.firstTimedQuotes(episodeId, FIRST_SCREEN_QUOTES),
  ]);
  const full = first.length === FIRST_SCREEN_QUOTES;
  if (!full && first.length === count) {
    return { episode, quotes: first, unread: 0, readRest: null };
  }
  // Quotes without a time come last but are not in the index: a short list is read whole.
  if (!full) return { episode, quotes: await readRest(), unread: 0, readRest: null };
  return { episode, quotes: first, unread: Math.max(0, count - first.length), readRest };
}
