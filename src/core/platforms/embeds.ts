import { EPISODE_PLAYER, hostPath } from './hosts';
import { finding, type Layer } from './types';

const MAX_IFRAMES = 40;

/**
 * Layer 3: players of podcast hosts embedded in the page (a blog post around one Simplecast
 * or Buzzsprout episode). One or two such players make an episode page; a wall of them is a
 * list of episodes, so only weak show evidence.
 */
export const embedsLayer: Layer = (page) => {
  const frames = page.tags('iframe');
  const players = new Set<string>();
  for (let i = 0; i < frames.length && i < MAX_IFRAMES; i++) {
    const where = hostPath(page.href(frames[i]!.getAttribute('src')));
    if (EPISODE_PLAYER.test(where)) players.add(where);
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
