import browser from 'webextension-polyfill';
import { seedFromDetection } from '../core/episode';
import type { Episode, Quote } from '../core/model';
import { readTab } from '../messages/page-client';
import { MAX_QUOTE_CHARS, type PageState } from '../messages/schemas';
import type { Store } from '../store/store';

export type CaptureResult =
  | { ok: true; episode: Episode; quote: Quote }
  | { ok: false; error: string };

/** The one capture path behind the popup button, the shortcut and the context menu. */
export async function captureFromTab(
  store: Store,
  tabId: number,
  frameId = 0,
): Promise<CaptureResult> {
  let page: PageState;
  try {
    page = await readTab(tabId, frameId);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  return saveSelection(store, page);
}

/** Saves the page's selection as a quote; refuses with a reason rather than cutting text. */
export async function saveSelection(store: Store, page: PageState): Promise<CaptureResult> {
  const selection = page.selection;
  if (!selection) {
    return { ok: false, error: browser.i18n.getMessage('errorNoSelection') };
  }
  if (selection.text.length > MAX_QUOTE_CHARS) {
    return {
      ok: false,
      error: browser.i18n.getMessage('errorQuoteTooLong', [
        selection.text.length.toLocaleString(),
        MAX_QUOTE_CHARS.toLocaleString(),
      ]),
    };
  }
  const { episode, quote } = await store.saveCapture({
    seed: seedFromDetection(page.url, page.title, page.detection),
    text: selection.text,
    timeSec: page.timeSec,
    anchor: selection.anchor,
    speakerName: selection.speaker,
  });
  return { ok: true, episode, quote };
}
