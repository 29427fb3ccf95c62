import { OTHER_PLATFORM_HOSTS } from './addresses';
import { clean } from './text';
import { finding, type PlatformAdapter } from './types';

const NOT_A_USER = /^\/(discover|search|stream|upload|you|charts|pages|terms-of-use|tags)(\/|$)/;

/**
 * soundcloud.com: a track is media (mostly music) unless it is filed under the podcast
 * genre or says podcast in its title; the show is the uploader.
 */
export const soundcloud: PlatformAdapter = {
  platform: 'soundcloud',
  spa: true,
  matches: (page) => OTHER_PLATFORM_HOSTS.soundcloud.host.test(page.host),
  read(page) {
    const path = page.url.pathname;
    if (NOT_A_USER.test(path) || !/^\/[\w-]+\/[\w-]+/.test(path)) return null;
    const fields = {
      title: clean(page.meta('og:title')) || page.text('h1'),
      show: page.text('.soundTitle__username, h2 a[href^="/"]'),
    };
    const podcast =
      page.doc.querySelector('a[href="/tags/podcast" i], a[href^="/tags/podcast%20" i]') ||
      /\b(podcast|episode)\b/i.test(fields.title);
    return podcast
      ? finding('episode', 0.65, 'soundcloud track filed as podcast', fields)
      : finding('media', 0.8, 'soundcloud track', fields);
  },
};
