import type { Platform } from '../model';
import { OTHER_PLATFORM_HOSTS } from './addresses';
import type { Page } from './page';
import { clean, withoutSuffix } from './text';
import { finding, type PlatformAdapter } from './types';

const SAYS_PODCAST = /\b(podcast|episode)\b|\bep\.?\s?#?\d+\b/i;

/**
 * A video platform: a watch page is media (a trailer, a music video) unless the page itself
 * says podcast (its title, tags or keywords, or a link to its podcast playlist); a podcast
 * URL is an episode. The live heading wins: the app keeps the first video's meta tags.
 */
function videoAdapter(platform: Platform, host: RegExp, suffix: RegExp): PlatformAdapter {
  return {
    platform,
    spa: true,
    matches: (page) => host.test(page.host),
    read(page) {
      const path = page.url.pathname;
      const fields = {
        title:
          page.text('h1.ytd-watch-metadata, #title h1') ||
          clean(page.meta('og:title')) ||
          withoutSuffix(clean(page.doc.title), suffix),
        show:
          page.text('#owner #channel-name a, ytmusic-player-bar .byline a') ||
          clean(page.attr('[itemprop="author"] [itemprop="name"]', 'content')),
        audioUrl: null,
      };
      if (/^\/podcast\/[\w-]+/.test(path)) {
        return finding('episode', 0.9, `${platform} podcast URL`, fields);
      }
      if (!(page.host === 'youtu.be' || path === '/watch' || /^\/(live|shorts)\//.test(path))) {
        return null;
      }
      return saysPodcast(page, fields.title)
        ? finding('episode', 0.7, `${platform} video that says podcast`, fields)
        : finding('media', 0.8, `${platform} video`, fields);
    },
  };
}

function saysPodcast(page: Page, title: string): boolean {
  const tags = page
    .tags('meta')
    .filter((m) => m.getAttribute('property') === 'og:video:tag')
    .map((m) => m.getAttribute('content'));
  const words = [title, page.doc.title, page.meta('keywords'), ...tags].join(' ');
  return (
    SAYS_PODCAST.test(words.slice(0, 5_000)) ||
    page.doc.querySelector('a[href*="list="][href*="podcast" i]') !== null
  );
}

/** youtube.com, m.youtube.com and youtu.be. */
export const youtube = videoAdapter('youtube', OTHER_PLATFORM_HOSTS.youtube.host, / - YouTube$/);

/** music.youtube.com: `/podcast/<id>` is an episode; `/watch` plays music unless it says podcast. */
export const youtubeMusic = videoAdapter(
  'youtube-music',
  OTHER_PLATFORM_HOSTS.youtubeMusic.host,
  / - YouTube Music$/,
);
