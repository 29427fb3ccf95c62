import { urlAdapter } from './adapter';
import { clean, splitPair, withoutSuffix } from './text';

/**
 * Listen Notes: `/podcasts/<show>/<episode>-<id>/` is an episode, `/podcasts/<show>-<id>/` a
 * show. Its titles read "Episode - Show - Listen Notes".
 */
export const listenNotes = urlAdapter({
  platform: 'listennotes',
  host: /^(www\.)?listennotes\.com$/,
  episode: /^\/([a-z]{2}\/)?podcasts\/[\w-]+\/[\w-]+\/?$/,
  show: /^\/([a-z]{2}\/)?podcasts\/[\w-]+\/?$/,
  fields: (page) => {
    const title = withoutSuffix(
      clean(page.meta('og:title') || page.doc.title),
      / - Listen Notes$/i,
    );
    const pair = splitPair(title, ' - ');
    return { title: page.text('h1') || pair?.[0] || title, show: pair?.[1] ?? '' };
  },
});
