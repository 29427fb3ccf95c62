import type { Episode } from './model';
import { formatClockLong } from './time';

/**
 * A link to a moment of the episode in the platform's own format (see docs/deep-links.md for
 * which formats the platforms' own share links confirm), else a W3C media fragment `#t=SECONDS`.
 * Returns the page URL unchanged when it cannot be parsed.
 */
export function deepLink(episode: Pick<Episode, 'url' | 'platform'>, seconds: number): string {
  const t = Math.max(0, Math.floor(seconds));
  let url: URL;
  try {
    url = new URL(episode.url);
  } catch {
    return episode.url;
  }
  url.hash = '';
  switch (episode.platform) {
    case 'youtube':
    case 'youtube-music':
    case 'spotify':
    case 'apple':
    case 'pocketcasts':
      url.searchParams.set('t', String(t));
      return url.toString();
    case 'overcast': {
      // Overcast shares moments as https://overcast.fm/+ID/h:mm:ss.
      const id = /^\/(\+[^/]+)/.exec(url.pathname)?.[1];
      if (id) {
        url.pathname = `/${id}/${formatClockLong(t)}`;
        url.search = '';
        return url.toString();
      }
      break;
    }
    default:
      break;
  }
  url.hash = `t=${t}`;
  return url.toString();
}
