import { directoryFields, urlAdapter } from './adapter';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Pocket Casts: share pages `pca.st/episode/<uuid>` (and short `pca.st/<id>`), the web player
 * `play.pocketcasts.com/podcasts/<show>/<episode>` and the directory
 * `pocketcasts.com/podcast/<slug>/<show>/<slug>/<episode>`.
 */
export const pocketCasts = urlAdapter({
  platform: 'pocketcasts',
  host: /^(pca\.st|(www\.|play\.)?pocketcasts\.com)$/,
  episode: new RegExp(
    `^/(episode/${UUID}|podcasts?/(.+/)?${UUID}/(.+/)?${UUID}|(?=[a-z]*\\d)[a-z0-9]{6,12}/?$)`,
    'i',
  ),
  show: new RegExp(`^/podcasts?/(.+/)?${UUID}/?$`, 'i'),
  spa: true,
  // Its pages are titled "Episode - Show - Pocket Casts".
  fields: (page) => directoryFields(page, / - Pocket Casts$/i),
});
