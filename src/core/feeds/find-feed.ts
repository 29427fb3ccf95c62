/**
 * Where a page names its show's feed. Each source is a small pure function over the page
 * (`Page`, as detection reads it); the registry below runs them in order of trust. Add a source
 * by adding a file and a line.
 */
import type { Page } from '../platforms/page';
import { appleFeed } from './sources/apple';
import { hostFeed } from './sources/hosts';
import { jsonLdFeed } from './sources/jsonld';
import { rssLinkFeed } from './sources/rss-link';

export type FeedSourceName = 'rss-link' | 'json-ld' | 'platform' | 'host';

export interface FeedCandidate {
  url: string;
  source: FeedSourceName;
}

export type FeedSource = (page: Page) => FeedCandidate[];

export const FEED_SOURCES: readonly FeedSource[] = [rssLinkFeed, jsonLdFeed, appleFeed, hostFeed];

/** Every feed the page names, first the most trusted, each URL once. */
export function findFeeds(page: Page): FeedCandidate[] {
  const seen = new Set<string>();
  const found: FeedCandidate[] = [];
  for (const source of FEED_SOURCES) {
    let candidates: FeedCandidate[];
    try {
      candidates = source(page);
    } catch {
      // A source that trips on a strange page must not hide the others' answers.
      candidates = [];
    }
    for (const c of candidates) {
      if (c.url && !seen.has(c.url)) {
        seen.add(c.url);
        found.push(c);
      }
    }
  }
  return found.slice(0, 8);
}
