/**
 * The page's player, as the content script sees it. Which element, and what time it is at,
 * are core's pure decisions (core/player.ts); this file only acts on the live page.
 */
import { pickMediaElement, readPlayerTime } from '../core/player';

/** The media element a person is listening to, here or in a same-origin frame. */
export function findMediaElement(doc: Document): HTMLMediaElement | null {
  return pickMediaElement(doc);
}

/**
 * The playback time in seconds: the media element's, else the player's visible position
 * (Spotify keeps its element out of the DOM). Null when the page has no time to give.
 */
export function currentTime(doc: Document): number | null {
  return readPlayerTime(doc)?.seconds ?? null;
}

export function seekTo(doc: Document, seconds: number): boolean {
  const media = pickMediaElement(doc);
  if (!media) return false;
  media.currentTime = seconds;
  return true;
}
