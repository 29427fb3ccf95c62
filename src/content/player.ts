/**
 * The page's player, as the content script sees it. The pure choice of element lives in
 * core; this file only touches the live page.
 */

/** The media element a person is listening to: the one playing, else the longest. */
export function findMediaElement(doc: Document): HTMLMediaElement | null {
  const media = [...doc.querySelectorAll<HTMLMediaElement>('audio, video')];
  const playing = media.find((m) => !m.paused && !m.ended);
  if (playing) return playing;
  const duration = (m: HTMLMediaElement) => (Number.isFinite(m.duration) ? m.duration : 0);
  return media.sort((a, b) => duration(b) - duration(a))[0] ?? null;
}

/** The playback time in seconds, or null when the page has no reachable player. */
export function currentTime(doc: Document): number | null {
  const media = findMediaElement(doc);
  return media && Number.isFinite(media.currentTime) ? media.currentTime : null;
}

export function seekTo(doc: Document, seconds: number): boolean {
  const media = findMediaElement(doc);
  if (!media) return false;
  media.currentTime = seconds;
  return true;
}
