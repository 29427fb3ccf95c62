import { readableDocuments } from './frames';
import { parseClock } from './time';

/**
 * The playback time of the page's player, read without touching the page: pure functions over
 * a Document and over what the content script passes in. When no time can be known the answer
 * is null, never 0:00 (issue 3): a quote stamped 0:00 would send the reader to the wrong moment.
 */

/** Where a time came from, best first. */
// The Media Session API has no getter for the position a page reports, and the content script
// runs in its own world, where it can't see the page's calls: a time from it can't be read.
export type PlayerTimeSource = 'media-element' | 'position-text';

export interface PlayerTime {
  seconds: number;
  source: PlayerTimeSource;
}

export interface PlayerTimeOptions {
  /** Elements showing the elapsed time as text; the defaults cover the known players. */
  positionSelectors?: readonly string[];
}

/**
 * Players that keep their media element out of the DOM (Spotify) still show the elapsed time.
 * Spotify: the fixture's `playback-position`; YouTube's and SoundCloud's control bars.
 */
export const POSITION_SELECTORS: readonly string[] = [
  '[data-testid="playback-position"]',
  '.ytp-time-current',
  '.playbackTimeline__timePassed [aria-hidden="true"]',
  '.playbackTimeline__timePassed',
];

// Bounds on the work: a page with hundreds of media elements is not a player page.
const MAX_MEDIA = 50;

/** The page's media elements, and those of the same-origin frames the page lets us reach. */
export function mediaElements(doc: Document): HTMLMediaElement[] {
  const found: HTMLMediaElement[] = [];
  for (const d of readableDocuments(doc)) {
    for (const tag of ['audio', 'video'] as const) {
      const list = d.getElementsByTagName(tag);
      for (let i = 0, el = list[0]; el && found.length < MAX_MEDIA; el = list[++i]) found.push(el);
    }
  }
  return found;
}

/**
 * The element a person is listening to: one that is playing (audible before muted: muted
 * autoplay loops are decoration), else the longest. Null when the page has none.
 */
export function pickMediaElement(doc: Document): HTMLMediaElement | null {
  let best: HTMLMediaElement | null = null;
  let bestRank = -1;
  for (const el of mediaElements(doc)) {
    const playing = !el.paused && !el.ended;
    const rank = (playing ? (el.muted ? 1 : 2) : 0) * 1e9 + finiteOr(el.duration, 0);
    if (rank > bestRank) {
      best = el;
      bestRank = rank;
    }
  }
  return best;
}

/**
 * The element's position, when it means something: the element has loaded its metadata or
 * has moved. A fresh element without a source reports 0, which is not a time.
 */
export function mediaElementTime(
  el: Pick<HTMLMediaElement, 'currentTime' | 'readyState'>,
): number | null {
  const t = el.currentTime;
  if (!Number.isFinite(t) || t < 0) return null;
  return el.readyState >= 1 || t > 0 ? t : null;
}

/** The elapsed time a player shows as text ("12:34"); its "-:--" placeholder is no time. */
export function positionTextTime(
  doc: Document,
  selectors: readonly string[] = POSITION_SELECTORS,
): number | null {
  for (const selector of selectors) {
    const seconds = parseClock(visibleText(doc, selector));
    if (seconds !== null) return seconds;
  }
  return null;
}

/**
 * The playback time, from the best source the page offers: its media element, then the
 * player's visible position. Null when neither knows.
 */
export function readPlayerTime(doc: Document, options: PlayerTimeOptions = {}): PlayerTime | null {
  const el = pickMediaElement(doc);
  const fromElement = el ? mediaElementTime(el) : null;
  if (fromElement !== null) return { seconds: fromElement, source: 'media-element' };
  const fromText = positionTextTime(doc, options.positionSelectors);
  return fromText === null ? null : { seconds: fromText, source: 'position-text' };
}

/** The first match's text, bounded; '' for no match or a selector the caller got wrong. */
function visibleText(doc: Document, selector: string): string {
  try {
    return doc.querySelector(selector)?.textContent?.slice(0, 40) ?? '';
  } catch {
    return '';
  }
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
