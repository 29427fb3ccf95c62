/**
 * Feeds the person pasted, remembered per show (issue 13): a page that names no feed
 * (Spotify) gets the address once, and the show's next episode offers it again. Kept in the
 * store's `meta` under SHOW_FEEDS_KEY as a list of `[show key, feed address]`, oldest first;
 * what is read back is checked, so a damaged value costs the memory, never the panel.
 */
import { personKey } from '../people';
import { webHref } from '../web-url';

export const SHOW_FEEDS_KEY = 'showFeeds';
/** Shows remembered at most; the oldest is forgotten first. */
export const MAX_SHOW_FEEDS = 500;

export type ShowFeeds = readonly (readonly [show: string, feedUrl: string])[];

/** A show's name folded as people's names are (case, accents, punctuation); '' for none. */
function showKey(show: string): string {
  return personKey(show);
}

/** The stored value as ShowFeeds: entries that are not a show and a web address are dropped. */
export function readShowFeeds(value: unknown): ShowFeeds {
  if (!Array.isArray(value)) return [];
  const feeds: [string, string][] = [];
  for (const entry of value.slice(-MAX_SHOW_FEEDS)) {
    if (!Array.isArray(entry) || entry.length !== 2) continue;
    const [key, url] = entry as unknown[];
    const href = typeof url === 'string' ? webHref(url) : null;
    if (typeof key === 'string' && key !== '' && href !== null) feeds.push([key, href]);
  }
  return feeds;
}

/** The feed remembered for `show`, or null. */
export function rememberedFeed(feeds: ShowFeeds, show: string): string | null {
  const key = showKey(show);
  if (key === '') return null;
  return feeds.find(([k]) => k === key)?.[1] ?? null;
}

/**
 * `feeds` with `feedUrl` remembered for `show`, as the newest. Unchanged for a show without
 * a name or an address that is not a web address.
 */
export function rememberFeed(feeds: ShowFeeds, show: string, feedUrl: string): ShowFeeds {
  const key = showKey(show);
  const href = webHref(feedUrl);
  if (key === '' || href === null) return feeds;
  return [...feeds.filter(([k]) => k !== key), [key, href] as const].slice(-MAX_SHOW_FEEDS);
}

/** `feeds` without `show`'s feed. */
export function forgetFeed(feeds: ShowFeeds, show: string): ShowFeeds {
  const key = showKey(show);
  return feeds.filter(([k]) => k !== key);
}
