import { PODCAST_FEED, hostPath } from './hosts';
import { clean } from './text';
import { finding, type Layer } from './types';

/**
 * Layer 2: the RSS feed a page links to. Every blog has one (TechCrunch, The Verge), so only
 * a feed on a podcast host or one that calls itself a podcast is evidence. The first feed's
 * URL is kept either way for the episode record, at no weight.
 */
export const rssLayer: Layer = (page) => {
  const links = page
    .tags('link')
    .filter(
      (l) =>
        l.getAttribute('type') === 'application/rss+xml' &&
        /\balternate\b/i.test(l.getAttribute('rel') ?? ''),
    );
  let first = '';
  for (let i = 0; i < links.length && i < 5; i++) {
    const url = page.href(links[i]!.getAttribute('href'));
    if (!url) continue;
    const title = clean(links[i]!.getAttribute('title'));
    const fields = { feedUrl: url, show: podcastTitle(title) };
    if (PODCAST_FEED.test(hostPath(url)) || /podcast/i.test(title)) {
      return finding('episode', 0.4, 'podcast feed link', fields);
    }
    first ||= url;
  }
  return first ? finding('episode', 0, '', { feedUrl: first }) : null;
};

/** "Podcast Feed: Show (MP3 Feed)" (PowerPress) → "Show"; a generic "Podcast RSS feed" → ''. */
function podcastTitle(title: string): string {
  const name = title
    .replace(/^podcast feed:\s*/i, '')
    .replace(/\s*\([^)]*feed\)$/i, '')
    .replace(/\s*[»|-]\s*(rss\s*)?feed$/i, '');
  return /\b(rss|feed)\b/i.test(name) ? '' : name;
}
