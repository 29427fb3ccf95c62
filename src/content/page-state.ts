import { describeRange } from '../core/text-range';
import { normalizeWhitespace } from '../core/whitespace';
import { detectPodcastPage, type Detection } from '../core/detect';
import { guessSpeakerTurn, type SpeakerGuess } from '../core/speaker';
import type { PageState } from '../messages/schemas';
import { currentTime, findMediaElement } from './player';
import { holdSelection, type HeldSelection } from './selection';

/** The selection as a quote candidate, or null when nothing (or only whitespace) is selected. */
function readSelection(held: HeldSelection | null): PageState['selection'] {
  if (!held) return null;
  const { doc, range } = held;
  const text = normalizeWhitespace(held.text);
  // Anchored in the selection's own document: highlights look for it in each document.
  const anchor = describeRange(doc.body, range);
  // Words the document's text doesn't hold (a shadow root's) can't be highlighted again:
  // saved without an anchor, like a typed quote, rather than listed as lost.
  const anchorable = normalizeWhitespace(anchor.quote.exact) !== '';
  const speaker = speakerOf(range);
  return {
    text,
    anchor: anchorable ? anchor : null,
    speaker: speaker?.name.slice(0, 200) ?? null,
    speakerConfirmed: speaker?.confirmed ?? false,
  };
}

/** Who said the selected words, from the transcript's markup; a guess, so never fatal. */
function speakerOf(range: Range): SpeakerGuess | null {
  try {
    return guessSpeakerTurn(range);
  } catch {
    return null;
  }
}

/** What the page tells the media session (Spotify and YouTube set it), for detection. */
function mediaSession(): { title?: string; artist?: string; album?: string } | null {
  const metadata = navigator.mediaSession?.metadata;
  if (!metadata) return null;
  return { title: metadata.title, artist: metadata.artist, album: metadata.album };
}

export function detectPage(doc: Document, url: string): Detection {
  return detectPodcastPage(doc, url, { mediaSession: mediaSession() });
}

/** Everything the popup and the capture path need to know about this page, right now. */
export function readPageState(
  doc: Document,
  url: string,
  held: HeldSelection | null = holdSelection(doc),
  timeSec: number | null = currentTime(doc),
): PageState {
  return { ...readPageWithoutSelection(doc, url, timeSec), selection: readSelection(held) };
}

/**
 * The page with nothing selected: what the popup asks on opening. Kept apart so that the
 * watch part can answer it without the selection's describing and speaker code (issue 16).
 */
export function readPageWithoutSelection(
  doc: Document,
  url: string,
  timeSec: number | null = currentTime(doc),
): PageState {
  return {
    url,
    title: doc.title.slice(0, 2_000),
    detection: detectPage(doc, url),
    selection: null,
    timeSec,
    hasMedia: findMediaElement(doc) !== null,
  };
}
