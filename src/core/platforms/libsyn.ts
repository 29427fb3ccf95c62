import { EPISODE_ADDRESSES } from './addresses';
import { urlAdapter } from './adapter';

/** Libsyn show sites: `<show>.libsyn.com/<episode-slug>`; the root lists the episodes. */
export const libsyn = urlAdapter({
  platform: 'libsyn',
  ...EPISODE_ADDRESSES.libsyn,
  show: /^\/(page\/\d+\/?)?$/,
});
