import { EPISODE_PLAYER, hostPath } from './hosts';
import { finding, type Layer } from './types';

/**
 * Layer 2: Twitter player cards. A card whose player is a podcast host's episode player
 * (Transistor, Overcast, Acast) is episode evidence; any other player card is playable media.
 * `twitter:player:stream` is the file itself, when it is audio.
 */
export const twitterLayer: Layer = (page) => {
  if (page.meta('twitter:card') !== 'player') return null;
  const player = page.meta('twitter:player');
  const stream = page.meta('twitter:player:stream');
  const isAudio = /^audio\//i.test(page.meta('twitter:player:stream:content_type'));
  const fields = { audioUrl: isAudio ? page.href(stream) : '' };
  if (EPISODE_PLAYER.test(hostPath(player))) {
    return [
      finding('episode', 0.5, 'twitter player card of a podcast host', fields),
      finding('media', 0.5, 'twitter player card'),
    ];
  }
  return finding('media', isAudio ? 0.5 : 0.4, 'twitter player card', fields);
};
