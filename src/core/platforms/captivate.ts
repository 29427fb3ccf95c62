import { urlAdapter } from './adapter';

/** Captivate show sites: `<show>.captivate.fm/episode/<slug>`. */
export const captivate = urlAdapter({
  platform: 'captivate',
  host: /^(?!(player|feeds|www|app)\.)[\w-]+\.captivate\.fm$/,
  episode: /^\/episode\/[\w-]+/,
  show: /^\/(episodes\/?)?$/,
});
