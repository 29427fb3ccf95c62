import { EPISODE_ADDRESSES, POCKETCASTS_UUID as UUID } from './addresses';
import { directoryFields, urlAdapter } from './adapter';

/**
 * Pocket Casts: share pages `pca.st/episode/<uuid>` (and short `pca.st/<id>`), the web player
 * `play.pocketcasts.com/podcasts/<show>/<episode>` and the directory
 * `pocketcasts.com/podcast/<slug>/<show>/<slug>/<episode>`.
 */
export const pocketCasts = urlAdapter({
  platform: 'pocketcasts',
  ...EPISODE_ADDRESSES.pocketcasts,
  show: new RegExp(`^/podcasts?/(.+/)?${UUID}/?$`, 'i'),
  spa: true,
  // Its pages are titled "Episode - Show - Pocket Casts".
  fields: (page) => directoryFields(page, / - Pocket Casts$/i),
});
