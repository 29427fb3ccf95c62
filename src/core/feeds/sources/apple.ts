import type { FeedSource } from '../find-feed';

/** Apple's page data is large; the show's feed sits in its first part. */
const MAX_SCRIPT_CHARS = 3_000_000;

/**
 * The 2025 Apple Podcasts page carries the show in its own JSON (`"showOffer":{…,"feedUrl":…}`,
 * test/fixtures/real/pages/apple-podcasts-episode-2025.html). Read as text, not parsed: the
 * script is megabytes and only this one value is wanted.
 */
export const appleFeed: FeedSource = (page) => {
  if (page.platform !== 'apple' && !/(^|\.)apple\.com$/.test(page.host)) return [];
  for (const script of page.tags('script')) {
    const text = (script.textContent ?? '').slice(0, MAX_SCRIPT_CHARS);
    const match = /"feedUrl"\s*:\s*"((?:[^"\\]|\\.){1,2048})"/.exec(text);
    if (!match) continue;
    let value: string;
    try {
      value = JSON.parse(`"${match[1]!}"`) as string;
    } catch {
      continue;
    }
    const url = page.href(value);
    if (url) return [{ url, source: 'platform' }];
  }
  return [];
};
