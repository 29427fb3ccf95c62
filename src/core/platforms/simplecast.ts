import { urlAdapter } from './adapter';

/**
 * Simplecast's own show sites, `<show>.simplecast.com/episodes/<slug>`. Shows on their own
 * domain (reactpodcast.com) are found by the generic layers: their feed and player.
 */
export const simplecast = urlAdapter({
  platform: 'simplecast',
  host: /^(?!(feeds|player|api|cdn|image|www)\.)[\w-]+\.simplecast\.com$/,
  episode: /^\/episodes\/[\w-]+/,
  show: /^\/(episodes\/?)?$/,
});
