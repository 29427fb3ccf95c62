import { EPISODE_ADDRESSES } from './addresses';
import { directoryFields, urlAdapter } from './adapter';

/**
 * Listen Notes: `/podcasts/<show>/<episode>-<id>/` is an episode, `/podcasts/<show>-<id>/` a
 * show. Its titles read "Episode - Show - Listen Notes".
 */
export const listenNotes = urlAdapter({
  platform: 'listennotes',
  ...EPISODE_ADDRESSES.listennotes,
  show: /^\/([a-z]{2}\/)?podcasts\/[\w-]+\/?$/,
  fields: (page) => directoryFields(page, / - Listen Notes$/i),
});
