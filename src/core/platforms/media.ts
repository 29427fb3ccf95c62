import { finding, type Layer } from './types';

// A page with hundreds of media elements is not a player page; looking at a few is enough.
const MAX_ELEMENTS = 30;
const AD = /\bad\b|advert|sponsor|ad-slot|preroll/i;

/**
 * Layer 3: native media elements. An `<audio>` element is playable audio and weak podcast
 * evidence; a `<video>` counts only when a person would listen to it: muted autoplay loops and
 * ad slots are not content (The Verge's article has nine such videos and is not media).
 */
export const mediaLayer: Layer = (page) => {
  const all = [...page.tags('audio'), ...page.tags('video')];
  let audio: Element | null = null;
  let video = false;
  for (let i = 0; i < all.length && i < MAX_ELEMENTS; i++) {
    const el = all[i]!;
    if (el.localName === 'audio') {
      audio ??= el;
    } else if (!el.hasAttribute('muted') && !isAd(el)) {
      video = true;
    }
  }
  if (audio) {
    const src =
      audio.getAttribute('src') || audio.querySelector('source[src]')?.getAttribute('src');
    const audioUrl = page.href(src);
    return [
      finding('media', 0.6, 'audio element'),
      finding('episode', 0.25, 'audio element', { audioUrl }),
    ];
  }
  return video ? finding('media', 0.5, 'video element') : null;
};

function isAd(el: Element): boolean {
  const label = `${el.getAttribute('title') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('class') ?? ''}`;
  return AD.test(label);
}
