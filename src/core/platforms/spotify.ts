import { parseClock } from '../time';
import { EPISODE_ADDRESSES } from './addresses';
import { toIsoDate } from './dates';
import { clean } from './text';
import { finding, type PlatformAdapter } from './types';
import type { Page } from './page';

/**
 * open.spotify.com. The page is typed `music.song` with `MusicGroup` JSON-LD, so its URL and
 * its live markup are the evidence. `og:audio` is a short preview clip, never the episode.
 */
export const spotify: PlatformAdapter = {
  platform: 'spotify',
  spa: true,
  matches: (page) => EPISODE_ADDRESSES.spotify.host.test(page.url.hostname),
  read(page) {
    const path = page.url.pathname.replace(/^\/intl-[\w-]+/, '');
    if (EPISODE_ADDRESSES.spotify.episode.test(page.url.pathname)) {
      return finding('episode', 0.95, 'spotify episode URL', {
        title: page.text('main [data-testid="episodeTitle"]') || clean(page.meta('og:title')),
        show: showName(page),
        audioUrl: null,
        durationSec: parseClock(page.meta('music:duration')) ?? undefined,
        publishedAt: toIsoDate(page.meta('music:release_date')),
      });
    }
    if (/^\/show\/\w+/.test(path)) {
      const name = page.text('main h1') || clean(page.meta('og:title'));
      return finding('show', 0.85, 'spotify show URL', { title: name, show: name, audioUrl: null });
    }
    if (/^\/(track|album|playlist|artist)\//.test(path)) {
      return finding('media', 0.6, 'spotify music URL', { audioUrl: null });
    }
    return null;
  },
};

function showName(page: Page): string {
  const live = page.text('main [data-testid="showTitle"]');
  if (live) return live;
  // "Listen to this episode from <show> on Spotify. …"
  const described = /^Listen to this episode from (.+?) on Spotify\./.exec(
    page.meta('og:description'),
  );
  return clean(described?.[1]) || page.text('main a[href^="/show/"]');
}
