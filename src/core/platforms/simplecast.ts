import { EPISODE_ADDRESSES } from './addresses';
import { urlAdapter } from './adapter';

/**
 * Simplecast's own show sites, `<show>.simplecast.com/episodes/<slug>`. Shows on their own
 * domain (reactpodcast.com) are found by the generic layers: their feed and player.
 */
export const simplecast = urlAdapter({
  platform: 'simplecast',
  ...EPISODE_ADDRESSES.simplecast,
  show: /^\/(episodes\/?)?$/,
});
