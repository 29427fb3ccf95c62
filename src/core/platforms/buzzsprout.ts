import { EPISODE_ADDRESSES } from './addresses';
import { urlAdapter } from './adapter';

/** Buzzsprout: `/<show id>/episodes/<episode id>-<slug>` (older pages drop `episodes/`). */
export const buzzsprout = urlAdapter({
  platform: 'buzzsprout',
  ...EPISODE_ADDRESSES.buzzsprout,
  show: /^\/\d+\/?$/,
});
