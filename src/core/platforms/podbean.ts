import { EPISODE_ADDRESSES } from './addresses';
import { urlAdapter } from './adapter';

/**
 * Podbean: show sites `<show>.podbean.com` with episodes at `/e/<slug>/`, and share pages on
 * `www.podbean.com/ew/…` and `/media/share/…`.
 */
export const podbean = urlAdapter({
  platform: 'podbean',
  ...EPISODE_ADDRESSES.podbean,
  show: /^\/?$/,
});
