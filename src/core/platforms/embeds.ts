import { EPISODE_PLAYER, hostPath } from './hosts';
import type { Page } from './page';
import { finding, type Layer } from './types';

const MAX_IFRAMES = 40;

/**
 * Embed services that website builders put between a post and the player (Squarespace and
 * Medium use Embedly; others Iframely): their iframe's own address carries the player's in a
 * parameter (`…/widgets/media.html?src=https%3A%2F%2Fplayer.simplecast.com%2F…`).
 */
const EMBED_SERVICE = /^(cdn\.embedly\.com\/widgets\/media\.html|(cdn\.)?iframe\.ly\/api\/iframe)/i;
/** The parameters those services name the player's address in, most specific first. */
const PLAYER_PARAMS = ['src', 'url'];
/** Where builders that load embeds lazily keep the address until the frame scrolls into view. */
const LAZY_SRC = ['src', 'data-src', 'data-lazy-src'];

/**
 * Layer 3: players of podcast hosts embedded in the page (a blog post around one Simplecast
 * or Buzzsprout episode), placed directly or through an embed service. One or two such
 * players make an episode page; a wall of them is a list of episodes, so only weak show
 * evidence.
 */
export const embedsLayer: Layer = (page) => {
  const frames = page.tags('iframe');
  const players = new Set<string>();
  for (let i = 0; i < frames.length && i < MAX_IFRAMES; i++) {
    const where = playerOf(page, frames[i]!);
    if (where) players.add(where);
  }
  if (players.size === 0) return null;
  const host = [...players][0]!.split('/')[0];
  return [
    finding('media', 0.5, `embedded player (${host})`),
    players.size <= 2
      ? finding('episode', 0.6, `embedded episode player (${host})`)
      : finding('show', 0.4, `${players.size} embedded episode players`),
  ];
};

/** The `host/path?query` of the podcast player an iframe shows, or '' for anything else. */
function playerOf(page: Page, frame: Element): string {
  for (const attribute of LAZY_SRC) {
    const where = hostPath(page.href(frame.getAttribute(attribute)));
    if (!where) continue;
    if (EPISODE_PLAYER.test(where)) return where;
    if (!EMBED_SERVICE.test(where)) continue;
    const params = new URL(`https://${where}`).searchParams;
    for (const name of PLAYER_PARAMS) {
      const inner = hostPath(page.href(params.get(name)));
      if (EPISODE_PLAYER.test(inner)) return inner;
    }
  }
  return '';
}
