import { urlAdapter } from './adapter';

/**
 * Podbean: show sites `<show>.podbean.com` with episodes at `/e/<slug>/`, and share pages on
 * `www.podbean.com/ew/…` and `/media/share/…`.
 */
export const podbean = urlAdapter({
  platform: 'podbean',
  host: /(^|\.)podbean\.com$/,
  episode: /^\/(e\/[\w-]+|ew\/[\w-]+|media\/share\/[\w-]+)/,
  show: /^\/?$/,
});
