import { finding, type Layer } from './types';

// `\b` does not see a boundary before "é", so "épisode" goes without one.
const PODCAST_WORDS = /\b(podcast|episode|episodio|folge)\b|épisode|\bep\.?\s?#?\d+\b/i;
const PODCAST_PATH = /\/(episodes?|podcasts?|ep)(\/|[-_]|$)/i;

/**
 * Layer 4: words, only as weak evidence and only where they are cheap to read: the URL path,
 * the titles and a transcript landmark. Never the body text (cost, and every news
 * article mentions podcasts).
 */
export const wordsLayer: Layer = (page) => {
  const found: string[] = [];
  if (PODCAST_PATH.test(page.url.pathname)) found.push('url');
  if (PODCAST_WORDS.test(`${page.doc.title} ${page.meta('og:title')}`)) {
    found.push('title');
  }
  const doc = page.doc;
  if (doc.getElementById('transcript') || doc.getElementsByClassName('transcript')[0]) {
    found.push('transcript');
  }
  if (found.length === 0) return null;
  return finding(
    'episode',
    Math.min(0.35, 0.2 * found.length),
    `podcast words (${found.join(', ')})`,
  );
};
