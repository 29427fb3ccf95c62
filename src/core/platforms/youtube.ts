import type { Page } from './page';
import { clean, withoutSuffix } from './text';
import { finding, type PlatformAdapter } from './types';

const SAYS_PODCAST = /\bpodcast\b|\bepisode\b|\bep\.?\s?#?\d+\b/i;

/**
 * youtube.com and youtu.be. A watch page is media (a trailer, a music video) unless the page
 * itself says podcast: its title, tags or keywords, or YouTube's podcast badge.
 */
export const youtube: PlatformAdapter = {
  platform: 'youtube',
  spa: true,
  matches: (page) => /^(youtube\.com|m\.youtube\.com|youtu\.be)$/.test(page.host),
  read(page) {
    const path = page.url.pathname;
    const isVideo =
      page.host === 'youtu.be' || /^\/(live|shorts)\/[\w-]+/.test(path) || path === '/watch';
    if (!isVideo) return null;
    const fields = {
      title: videoTitle(page, / - YouTube$/),
      show: page.text('#owner #channel-name a, ytd-channel-name a') || channelName(page),
      audioUrl: null,
    };
    return saysPodcast(page)
      ? finding('episode', 0.7, 'youtube video that says podcast', fields)
      : finding('media', 0.8, 'youtube video', fields);
  },
};

/** The live heading first: YouTube keeps the first video's meta tags while you navigate. */
export function videoTitle(page: Page, suffix: RegExp): string {
  return (
    page.text('h1.ytd-watch-metadata, #title h1') ||
    clean(page.meta('og:title')) ||
    withoutSuffix(clean(page.doc.title), suffix)
  );
}

function channelName(page: Page): string {
  return clean(page.attr('[itemprop="author"] [itemprop="name"]', 'content'));
}

export function saysPodcast(page: Page): boolean {
  const tags = page
    .marks('meta[property="og:video:tag"]')
    .slice(0, 30)
    .map((el) => el.getAttribute('content') ?? '')
    .join(' ');
  const words = `${page.doc.title} ${page.meta('og:title')} ${page.meta('keywords')} ${tags}`;
  return (
    SAYS_PODCAST.test(words) ||
    // The "Podcast" badge and the podcast playlist link of the live page.
    page.doc.querySelector('a[href^="/podcasts"], a[href*="list="][href*="podcast"]') !== null
  );
}
