import { describeRange, normalizeWhitespace } from '../core/anchor';
import { detectPodcastPage } from '../core/detect';
import type { PageState } from '../messages/schemas';
import { currentTime, findMediaElement } from './player';

/** The selection as a quote candidate, or null when nothing (or only whitespace) is selected. */
function readSelection(doc: Document, timeSec: number | null): PageState['selection'] {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const text = normalizeWhitespace(selection.toString());
  if (text === '') return null;
  const range = selection.getRangeAt(0);
  return { text, anchor: describeRange(doc.body, range, timeSec), speaker: null };
}

/** Everything the popup and the capture path need to know about this page, right now. */
export function readPageState(doc: Document, url: string): PageState {
  const timeSec = currentTime(doc);
  return {
    url,
    title: doc.title.slice(0, 2_000),
    detection: detectPodcastPage(doc, url),
    selection: readSelection(doc, timeSec),
    timeSec,
    hasMedia: findMediaElement(doc) !== null,
  };
}
