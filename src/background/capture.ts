import browser from 'webextension-polyfill';
import { normalizeWhitespace } from '../core/whitespace';
import { episodeIdForUrl, seedFromDetection } from '../core/episode';
import type { Episode, QuoteAnchor } from '../core/model';
import { speakerOf } from '../core/people';
import { isSamePassage } from '../core/same-passage';
import { clockHasHours, formatEpisodeClock } from '../core/time';
import { readTab } from '../browser/tab-client';
import type { CaptureFailure, CaptureResult } from '../messages/protocol';
import { MAX_QUOTE_CHARS, type CaptureFeedback, type PageState } from '../messages/schemas';
import type { Store } from '../store/store';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A capture refused because the tab asked for too many (rate-limit.ts). The selection comes
 * back as a draft to retry once the pause is over.
 */
export async function refuseTooMany(
  tabId: number,
  draftPage: PageState | null,
): Promise<CaptureFailure> {
  const error = browser.i18n.getMessage('errorTooManyCaptures');
  let page = draftPage;
  if (!page) {
    try {
      page = await readTab(tabId, 0);
    } catch {
      return { ok: false, error };
    }
  }
  const text = page.selection ? normalizeWhitespace(page.selection.text) : '';
  if (text === '' || text.length > MAX_QUOTE_CHARS) return { ok: false, error };
  return { ok: false, error, draft: { text, page } };
}

/** The one capture path behind the popup button, the shortcut, the menu and the page's own. */
export async function captureFromTab(
  store: Store,
  tabId: number,
  frameId = 0,
): Promise<CaptureResult> {
  let page: PageState;
  try {
    page = await readTab(tabId, frameId);
  } catch (error) {
    return { ok: false, error: reason(error) };
  }
  return saveSelection(store, page);
}

/**
 * Saves the page's selection as a quote; refuses with a reason rather than cutting text.
 * Resolves only after the store's transaction committed, so "saved" is never premature.
 */
export async function saveSelection(
  store: Store,
  page: PageState,
  options: { retry?: boolean } = {},
): Promise<CaptureResult> {
  const selection = page.selection;
  if (!selection) {
    return { ok: false, error: browser.i18n.getMessage('errorNoSelection') };
  }
  // The content script normalises too; a retried draft comes back from the page, so again.
  const text = normalizeWhitespace(selection.text);
  if (text.length > MAX_QUOTE_CHARS) {
    return {
      ok: false,
      error: browser.i18n.getMessage('errorQuoteTooLong', [
        text.length.toLocaleString(),
        MAX_QUOTE_CHARS.toLocaleString(),
      ]),
      draft: { text, page: null },
    };
  }
  try {
    const seed = seedFromDetection(page.url, page.title, page.detection);
    const stored = await store.episode(episodeIdForUrl(seed.url));
    // A retry asks whether its own unconfirmed save went through: the store answers that with
    // the saved quote as a success, so it is not refused here as a repeat.
    const already =
      stored && !options.retry ? await alreadySaved(store, stored, text, selection.anchor) : null;
    if (already) return already;
    const { episode, quote } = await store.saveCapture({
      seed,
      text,
      timeSec: page.timeSec,
      anchor: selection.anchor,
      speakerName: selection.speaker,
      retry: options.retry ?? false,
      // A draft from before the page said so counts as confirmed, as it was then.
      speakerConfirmed: selection.speakerConfirmed ?? true,
    });
    return { ok: true, episode, quote, pageKind: page.detection.kind };
  } catch (error) {
    return { ok: false, error: reason(error), draft: { text, page } };
  }
}

/**
 * The same words at the same place, saved before for this episode: refused, with the quote to
 * open instead (a second press of the key or the floating button, the menu after the key).
 * The background joins captures of one tab that overlap (app.ts), so two at once can't both
 * miss each other here.
 */
async function alreadySaved(
  store: Store,
  episode: Episode,
  text: string,
  anchor: QuoteAnchor | null,
): Promise<CaptureFailure | null> {
  const quotes = await store.quotesForEpisode(episode.id);
  const saved = quotes.find((quote) => isSamePassage(quote, text, anchor));
  if (!saved) return null;
  const hours = clockHasHours(
    episode.durationSec,
    quotes.map((q) => q.timeSec),
  );
  const error =
    saved.timeSec === null
      ? browser.i18n.getMessage('captureAlreadySavedNoTime')
      : browser.i18n.getMessage('captureAlreadySaved', [formatEpisodeClock(saved.timeSec, hours)]);
  return { ok: false, error, saved: { quoteId: saved.id } };
}

/**
 * "Mark this moment": the player's time with no page text (players like Spotify have nothing
 * to highlight), or with words the person typed. Refused when there is neither a time nor
 * text, since such a quote would say nothing.
 */
export async function captureMoment(
  store: Store,
  tabId: number,
  typed = '',
): Promise<CaptureResult> {
  let page: PageState;
  try {
    page = await readTab(tabId);
  } catch (error) {
    return { ok: false, error: reason(error) };
  }
  const text = normalizeWhitespace(typed);
  if (text.length > MAX_QUOTE_CHARS) {
    return {
      ok: false,
      error: browser.i18n.getMessage('errorQuoteTooLong', [
        text.length.toLocaleString(),
        MAX_QUOTE_CHARS.toLocaleString(),
      ]),
      draft: { text, page: null },
    };
  }
  if (page.timeSec === null && text === '') {
    return { ok: false, error: browser.i18n.getMessage('errorNoMoment') };
  }
  try {
    const { episode, quote } = await store.saveCapture({
      seed: seedFromDetection(page.url, page.title, page.detection),
      text,
      timeSec: page.timeSec,
      anchor: null,
      speakerName: null,
    });
    return { ok: true, episode, quote, pageKind: page.detection.kind };
  } catch (error) {
    const draft = text === '' ? {} : { draft: { text, page: null } };
    return { ok: false, error: reason(error), ...draft };
  }
}

/** What the page's confirmation shows for a capture result. */
export function feedbackFor(result: CaptureResult): CaptureFeedback {
  if (!result.ok) {
    return {
      ok: false,
      error: result.error.slice(0, 2_000),
      text: result.draft?.text ?? null,
      retry: result.draft?.page ?? null,
      ...(result.saved ? { savedQuoteId: result.saved.quoteId } : {}),
    };
  }
  const { quote, episode } = result;
  const speaker = speakerOf(quote, episode.participants)?.name ?? null;
  return {
    ok: true,
    quoteId: quote.id,
    text: quote.text,
    timeSec: quote.timeSec,
    speaker: speaker?.slice(0, 2_000) ?? null,
    hours: clockHasHours(episode.durationSec, [quote.timeSec]),
  };
}
