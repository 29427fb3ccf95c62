import { EPISODE_ADDRESSES } from './addresses';
import { urlAdapter } from './adapter';

/** Captivate show sites: `<show>.captivate.fm/episode/<slug>`. */
export const captivate = urlAdapter({
  platform: 'captivate',
  ...EPISODE_ADDRESSES.captivate,
  show: /^\/(episodes\/?)?$/,
});
