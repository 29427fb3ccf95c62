import { EPISODE_ADDRESSES } from './addresses';
import { clean, splitPair } from './text';
import { urlAdapter } from './adapter';

/**
 * overcast.fm: `/+<id>` is an episode (its share links add `/h:mm:ss`); `/itunes<id>` and
 * `/p<id>-` are shows. The canonical link names the publisher's page, not Overcast's, so
 * the Overcast URL stays the episode's URL.
 */
export const overcast = urlAdapter({
  platform: 'overcast',
  ...EPISODE_ADDRESSES.overcast,
  show: /^\/(itunes\d+|p\d+-)/,
  fields: (page) => {
    // "Episode — Show" in og:title; the page shows the same as h2 and h3.
    const pair = splitPair(clean(page.meta('og:title')), ' — ');
    return {
      title: pair?.[0] || page.text('h2'),
      show: pair?.[1] || page.text('h3'),
    };
  },
});
