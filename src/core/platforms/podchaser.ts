import { EPISODE_ADDRESSES } from './addresses';
import { directoryFields, urlAdapter } from './adapter';

/**
 * Podchaser: `/podcasts/<slug>-<id>/episodes/<slug>-<id>`. Its titles read
 * "Episode - Show - Podchaser".
 */
export const podchaser = urlAdapter({
  platform: 'podchaser',
  ...EPISODE_ADDRESSES.podchaser,
  show: /^\/podcasts\/[\w-]+\/?$/,
  fields: (page) => directoryFields(page, / - Podchaser$/i),
});
