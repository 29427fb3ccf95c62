import { urlAdapter } from './adapter';
import { clean, splitPair, withoutSuffix } from './text';

/**
 * Podchaser: `/podcasts/<slug>-<id>/episodes/<slug>-<id>`. Its titles read
 * "Episode - Show - Podchaser".
 */
export const podchaser = urlAdapter({
  platform: 'podchaser',
  host: /^(www\.)?podchaser\.com$/,
  episode: /^\/podcasts\/[\w-]+\/episodes\/[\w-]+/,
  show: /^\/podcasts\/[\w-]+\/?$/,
  fields: (page) => {
    const title = withoutSuffix(clean(page.meta('og:title') || page.doc.title), / - Podchaser$/i);
    const pair = splitPair(title, ' - ');
    return { title: page.text('h1') || pair?.[0] || title, show: pair?.[1] ?? '' };
  },
});
