import type { FeedSource } from '../find-feed';

/**
 * Hosts whose feed address follows from the show's page address, in the shape each host
 * publishes its feeds. The least trusted source: used only when the page names no feed.
 */
const RULES: readonly { host: RegExp; feed: (url: URL) => string | null }[] = [
  // share.transistor.fm/s/<id> has no show; <show>.transistor.fm/episodes/<slug> does.
  {
    host: /^([a-z0-9-]+)\.transistor\.fm$/,
    feed: (u) => {
      const show = /^([a-z0-9-]+)\.transistor\.fm$/.exec(u.hostname)![1]!;
      return show === 'share' ? null : `https://feeds.transistor.fm/${show}`;
    },
  },
  // www.buzzsprout.com/<show id>/<episode id>
  {
    host: /^(www\.)?buzzsprout\.com$/,
    feed: (u) => {
      const id = /^\/(\d+)(\/|$)/.exec(u.pathname)?.[1];
      return id ? `https://feeds.buzzsprout.com/${id}.rss` : null;
    },
  },
  // <show>.podbean.com/e/<slug>
  {
    host: /^([a-z0-9-]+)\.podbean\.com$/,
    feed: (u) => {
      const show = /^([a-z0-9-]+)\.podbean\.com$/.exec(u.hostname)![1]!;
      return show === 'www' ? null : `https://feed.podbean.com/${show}/feed.xml`;
    },
  },
  // anchor.fm/<show> (now Spotify for Creators) keeps the feed at anchor.fm/s/<id>/podcast/rss,
  // which the page does not name: nothing to derive.
];

export const hostFeed: FeedSource = (page) => {
  const url = page.url;
  for (const rule of RULES) {
    if (!rule.host.test(url.hostname.toLowerCase())) continue;
    const feed = rule.feed(url);
    if (feed) return [{ url: feed, source: 'host' }];
  }
  return [];
};
