import { parseClock } from '../time';
import type { Page } from './page';
import { finding, type Layer } from './types';

/**
 * Generic layer for WordPress podcast plugins: Blubrry PowerPress (its player and "Podcast:
 * Play in new window | Download" links) and Seriously Simple Podcasting (its generator tag,
 * player and meta line). Both mark the episode's own post; a home page lists several.
 * Only WordPress pages are searched for the plugins' class names: each such search walks the
 * whole page, which on a long transcript costs milliseconds.
 */
export const wordpressLayer: Layer = (page) => {
  // A platform's page is not a WordPress post; its page is not searched for the plugins.
  if (page.platform || !isWordPress(page)) return null;
  const doc = page.doc;
  const players = doc.getElementsByClassName('powerpress_player');
  if (players[0] || doc.getElementsByClassName('powerpress_links')[0]) {
    return finding(players[2] ? 'show' : 'episode', 0.75, 'powerpress player', {
      audioUrl: page.href(
        page.attr('.powerpress_link_d', 'href') || page.attr('.powerpress_player source', 'src'),
      ),
    });
  }
  const generator = page
    .tags('meta')
    .some((m) => m.getAttribute('content')?.startsWith('Seriously Simple Podcasting'));
  const player = ['podcast_player', 'castos-player', 'ssp-player', 'podcast_meta'].some(
    (name) => doc.getElementsByClassName(name)[0],
  );
  if (!player)
    return generator ? finding('episode', 0.3, 'seriously simple podcasting site') : null;
  return finding('episode', generator ? 0.8 : 0.7, 'seriously simple podcasting player', {
    audioUrl: page.href(
      page.attr('.podcast-meta-download', 'href') || page.attr('.podcast_player source', 'src'),
    ),
    durationSec: parseClock(page.text('.podcast-meta-duration').replace(/^\D*/, '')) ?? undefined,
  });
};

/** WordPress names itself in its asset paths and its REST API link, both already indexed. */
function isWordPress(page: Page): boolean {
  const paths = /\/wp-(content|includes)\//;
  return (
    page.tags('link').some((l) => paths.test(l.getAttribute('href') ?? '')) ||
    page.tags('script').some((s) => paths.test(s.getAttribute('src') ?? '')) ||
    page
      .tags('meta')
      .some((m) => /^(WordPress|Seriously Simple)/.test(m.getAttribute('content') ?? ''))
  );
}
