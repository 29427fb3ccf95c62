import { urlAdapter } from './adapter';

/** Buzzsprout: `/<show id>/episodes/<episode id>-<slug>` (older pages drop `episodes/`). */
export const buzzsprout = urlAdapter({
  platform: 'buzzsprout',
  host: /(^|\.)buzzsprout\.com$/,
  episode: /^\/\d+\/(episodes\/)?\d+/,
  show: /^\/\d+\/?$/,
});
