import { OTHER_PLATFORM_HOSTS } from './addresses';
import { hostedFields } from './adapter';
import { finding, type PlatformAdapter } from './types';

/**
 * Substack posts (`/p/<slug>`, on substack.com or a publication's own domain). Most posts are
 * writing; a podcast post carries Substack's podcast player (and a Twitter card for the
 * `/embed/podcast/` player). Only those are episodes.
 */
export const substack: PlatformAdapter = {
  platform: 'substack',
  matches: (page) =>
    OTHER_PLATFORM_HOSTS.substack.host.test(page.host) ||
    page.tags('link').some((l) => l.getAttribute('href')?.includes('substackcdn.com')),
  read(page) {
    if (!/^\/p\/[\w-]+/.test(page.url.pathname)) return null;
    const podcast =
      page.meta('twitter:player').includes('/embed/podcast/') ||
      page.doc.querySelector('.podcast-player, .player-wrapper-outer, audio') !== null;
    return podcast ? finding('episode', 0.85, 'substack podcast post', hostedFields(page)) : null;
  },
};
