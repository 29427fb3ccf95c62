import { urlAdapter } from './adapter';

/** Libsyn show sites: `<show>.libsyn.com/<episode-slug>`; the root lists the episodes. */
export const libsyn = urlAdapter({
  platform: 'libsyn',
  host: /^(?!(html5-player|traffic|feeds|www|secure|static)\.)[\w-]+\.libsyn\.com$/,
  episode: /^\/(?!(rss|page|category|size|webpage|website)(\/|$))[\w-]{3,}\/?$/,
  show: /^\/(page\/\d+\/?)?$/,
});
