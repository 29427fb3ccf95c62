import { EPISODE_ADDRESSES } from './addresses';
import { clean, splitPair, withoutSuffix } from './text';
import { urlAdapter } from './adapter';

/**
 * Acast: `play.acast.com/s/<show>/<episode>`, `shows.acast.com/<show>/episodes/<episode>`
 * and the embed player. Its first og:title is the bare episode title; the document title
 * reads "Episode | Show on Acast". Its og:audio is the real episode file.
 */
export const acast = urlAdapter({
  platform: 'acast',
  ...EPISODE_ADDRESSES.acast,
  show: /^\/(s\/)?[^/?]+\/?$/,
  fields: (page) => {
    const pair = splitPair(withoutSuffix(clean(page.doc.title), / on Acast$/i), ' | ');
    return {
      title: clean(page.meta('og:title')) || pair?.[0],
      show: pair?.[1] || page.text('h1'),
    };
  },
});
