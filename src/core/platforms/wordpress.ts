import { parseClock } from '../time';
import { toIsoDate } from './dates';
import { finding, type Layer } from './types';

const POWERPRESS = '.powerpress_player, .powerpress_links';
const SSP_PLAYER = '.podcast_player, .castos-player, .ssp-player, .podcast_meta';

/**
 * Generic layer for WordPress podcast plugins: Blubrry PowerPress (its player and "Podcast:
 * Play in new window | Download" links) and Seriously Simple Podcasting (its generator tag,
 * player and meta line). Both mark the episode's own post; a home page lists several.
 */
export const wordpressLayer: Layer = (page) => {
  const powerpress = page.marks(POWERPRESS);
  if (powerpress.length > 0) {
    const players = powerpress.filter((el) => el.matches('.powerpress_player')).length;
    return finding(players > 2 ? 'show' : 'episode', 0.75, 'powerpress player', {
      audioUrl: page.href(
        page.attr('.powerpress_link_d', 'href') || page.attr('.powerpress_player source', 'src'),
      ),
    });
  }
  const generator = page
    .marks('meta[name="generator"]')
    .some((el) => el.getAttribute('content')?.startsWith('Seriously Simple Podcasting'));
  if (page.marks(SSP_PLAYER).length === 0) {
    return generator ? finding('episode', 0.3, 'seriously simple podcasting site') : null;
  }
  const duration = page.text('.podcast-meta-duration').replace(/^\D*/, '');
  const date = page
    .text('.podcast-meta-date')
    .replace(/^[^\d\p{L}]*(recorded on|released on)?\s*/iu, '');
  return finding('episode', generator ? 0.8 : 0.7, 'seriously simple podcasting player', {
    audioUrl: page.href(
      page.attr('.podcast-meta-download', 'href') || page.attr('.podcast_player source', 'src'),
    ),
    durationSec: parseClock(duration) ?? undefined,
    publishedAt: toIsoDate(date, page.lang),
  });
};
