import { directoryFields, urlAdapter } from './adapter';

/**
 * Podchaser: `/podcasts/<slug>-<id>/episodes/<slug>-<id>`. Its titles read
 * "Episode - Show - Podchaser".
 */
export const podchaser = urlAdapter({
  platform: 'podchaser',
  host: /^(www\.)?podchaser\.com$/,
  episode: /^\/podcasts\/[\w-]+\/episodes\/[\w-]+/,
  show: /^\/podcasts\/[\w-]+\/?$/,
  fields: (page) => directoryFields(page, / - Podchaser$/i),
});
