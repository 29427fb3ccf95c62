import type { FeedSource } from '../find-feed';

const FEED_TYPES = /^application\/(rss|atom)\+xml$/i;

/** `<link rel="alternate" type="application/rss+xml" href>`: a blog's feed too, so it comes with the others. */
export const rssLinkFeed: FeedSource = (page) =>
  page
    .tags('link')
    .filter(
      (l) =>
        FEED_TYPES.test(l.getAttribute('type') ?? '') &&
        /\balternate\b/i.test(l.getAttribute('rel') ?? ''),
    )
    .slice(0, 5)
    .map((l) => ({ url: page.href(l.getAttribute('href')), source: 'rss-link' as const }))
    .filter((c) => c.url);
