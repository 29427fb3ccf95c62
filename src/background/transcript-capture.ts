/**
 * Words selected in the transcript panel, saved through the one capture path (ADR 0001): the
 * tab's page names the episode, the panel gives the words, the cue's start and its speaker.
 */
import { readTab } from '../browser/tab-client';
import type { PageState } from '../messages/schemas';
import type { Store } from '../store/store';
import type { CaptureResult } from '../messages/protocol';
import { saveSelection } from './capture';

export interface TranscriptWords {
  text: string;
  /** The start of the cue the words are in: the player's time lags behind what was heard. */
  timeSec: number;
  speaker: string | null;
}

export async function saveTranscriptWords(
  store: Store,
  tabId: number,
  words: TranscriptWords,
): Promise<CaptureResult> {
  let page: PageState;
  try {
    page = await readTab(tabId);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  // No page anchor: the words are in the transcript, not on the page, so the page's highlighter
  // must not list them as lost. The panel finds them again by their cue's time and text.
  return saveSelection(store, {
    ...page,
    timeSec: words.timeSec,
    selection: { text: words.text, anchor: null, speaker: words.speaker },
  });
}
