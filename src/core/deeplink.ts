import type { Episode, Platform } from './model';
import { formatClock, formatClockLong } from './time';
import { webHref } from './web-url';

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
  return deepLinker(episode)(seconds);
}

/**
 * `deepLink` for many moments of one episode: its address is parsed once, not per quote (an
 * export of 500 episodes makes 10,000 links).
 */
export function deepLinker(
  episode: Pick<Episode, 'url' | 'platform'>,
): (seconds: number) => string {
  const { url: page, platform } = episode;
  let url: URL;
  try {
    url = new URL(page);
  } catch {
    return () => page;
  }
  const at = (seconds: number) => Math.max(0, Math.floor(seconds));
  if (T_PARAM.has(platform)) {
    url.hash = '';
    // YouTube also starts at `time_continue` or `start`; one start time per link.
    url.searchParams.delete('time_continue');
    url.searchParams.delete('start');
    return (seconds) => {
      if (!Number.isFinite(seconds)) return page;
      url.searchParams.set('t', String(at(seconds)));
      return url.toString();
    };
  }
  // Overcast shares moments as https://overcast.fm/+ID/h:mm:ss.
  const id = platform === 'overcast' ? /^\/(\+[\w-]+)/.exec(url.pathname)?.[1] : undefined;
  if (!id && /^#[/!]/.test(url.hash)) return () => page;
  url.hash = '';
  const base = id ? `${url.origin}/${id}/` : `${url.href}#t=`;
  return (seconds) => {
    if (!Number.isFinite(seconds)) return page;
    const t = at(seconds);
    // SoundCloud writes the moment as clock time in the fragment: #t=1:05.
    return base + (id ? formatClockLong(t) : platform === 'soundcloud' ? formatClock(t) : t);
  };
}

/**
 * Links to moments of one episode with the web address each is (`webHref`'s answer, null when
 * the page's address is not one), for exports that write many: nothing is parsed per moment.
 */
export function momentLinks(
  episode: Pick<Episode, 'url' | 'platform'>,
): (seconds: number) => { link: string; href: string | null } {
  const linkAt = deepLinker(episode);
  const pageHref = webHref(episode.url);
  return (seconds) => {
    const link = linkAt(seconds);
    // Any link but the page's own address is a parsed URL's serialisation: webHref gives it back.
    return { link, href: pageHref === null ? null : link === episode.url ? pageHref : link };
  };
}
