import type { Fields } from './types';
import type { Page } from './page';
import { isJson, type Json } from './page';
import { clean, withoutEpisodeNumber } from './text';

/** Data attributes longer than this are not read: a player's data is a few kilobytes. */
const MAX_DATA_CHARS = 50_000;

/**
 * Transistor's embed page (`share.transistor.fm/e/<id>`, the player other sites put in an
 * iframe) shows nothing in its title but "Transistor Embed | …"; its player is built by
 * script from the episode and show the server wrote into `#embed-app`'s `data-episodes` and
 * `data-show` (test/fixtures/real/pages/transistor-embed-episode.html). Undefined when the
 * page has no such data.
 */
export function transistorEmbedFields(page: Page): Fields | undefined {
  const app = page.doc.getElementById('embed-app');
  const episodes = app && readJson(app.getAttribute('data-episodes'));
  const episode = Array.isArray(episodes) ? episodes[0] : undefined;
  if (!isJson(episode)) return undefined;
  const show = readJson(app!.getAttribute('data-show'));
  const number = typeof episode.number === 'number' ? episode.number : null;
  const text = (json: unknown, key: string) => (isJson(json) ? clean(json[key]) : '');
  return {
    // "#032 – Title" where the data gives the number 32 on its own: the number is noise.
    title: withoutEpisodeNumber(text(episode, 'title'), number),
    show: text(show, 'title'),
    durationSec: typeof episode.duration === 'number' ? episode.duration : undefined,
    audioUrl: page.href(text(episode, 'trackable_media_url') || text(episode, 'media_url')),
    feedUrl: page.href(text(show, 'feed_url')),
    imageUrl: page.href(text(episode, 'artwork')),
    canonicalUrl: page.href(text(episode, 'share_url')),
  };
}

function readJson(value: string | null): Json | unknown[] | null {
  if (!value || value.length > MAX_DATA_CHARS) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return isJson(parsed) || Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}
