import type { Episode, Platform } from './model';
import { formatClock, formatClockLong } from './time';

/** Platforms whose episode pages start at `?t=SECONDS` (see docs/deep-links.md). */
const T_PARAM: ReadonlySet<Platform> = new Set([
  'youtube',
  'youtube-music',
  'spotify',
  'apple',
  'pocketcasts',
]);

/**
 * A link to a moment of the episode in the platform's own format (docs/deep-links.md says
 * which formats the platforms' own share links confirm), else a W3C media fragment
 * `#t=SECONDS` on the page URL. Returns the page URL unchanged when it cannot be parsed, when
 * the time is not a number, or when the page routes by its fragment (`#/episode/…`), where a
 * media fragment would replace the route.
 */
export function deepLink(episode: Pick<Episode, 'url' | 'platform'>, seconds: number): string {
  if (!Number.isFinite(seconds)) return episode.url;
  const t = Math.max(0, Math.floor(seconds));
  let url: URL;
  try {
    url = new URL(episode.url);
  } catch {
    return episode.url;
  }
  if (T_PARAM.has(episode.platform)) {
    url.hash = '';
    // YouTube also starts at `time_continue` or `start`; one start time per link.
    url.searchParams.delete('time_continue');
    url.searchParams.delete('start');
    url.searchParams.set('t', String(t));
    return url.toString();
  }
  if (episode.platform === 'overcast') {
    // Overcast shares moments as https://overcast.fm/+ID/h:mm:ss.
    const id = /^\/(\+[\w-]+)/.exec(url.pathname)?.[1];
    if (id) return `${url.origin}/${id}/${formatClockLong(t)}`;
  }
  if (/^#[/!]/.test(url.hash)) return episode.url;
  // SoundCloud writes the moment as clock time in the fragment: #t=1:05.
  url.hash = `t=${episode.platform === 'soundcloud' ? formatClock(t) : t}`;
  return url.toString();
}
