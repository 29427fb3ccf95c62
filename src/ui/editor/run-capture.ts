/**
 * What the popup's and side panel's capture buttons do once pressed: ask the background to
 * save, then say what happened. A module of its own, loaded on the first press: the popup's
 * first render carries only the buttons (bench: sizes, popup ≤ 30 kB).
 */
import type { VNode } from 'preact';
import { clockHasHours, formatEpisodeClock } from '../../core/time';
import type { CaptureResult } from '../../messages/protocol';
import type { PageState } from '../../messages/schemas';
import type { PopupApi } from '../api';
import { t } from '../i18n';
import type { Notice } from '../components/Notice';

export interface CaptureView {
  notify: (notice: Notice) => void;
  /** The words of a failed capture, to retry or copy; null clears them. */
  keep: (kept: VNode | null) => void;
  /** Shows a quote in the list (one saved before). */
  reveal: (quoteId: string) => void;
  /** Reads the episode again after a save. */
  reload: () => Promise<void>;
  retry: () => void;
}

/** Saves the selection, or with `moment` only the player's time (words typed afterwards). */
export async function runCapture(
  api: PopupApi,
  tabId: number,
  opened: PageState | null,
  moment: boolean,
  view: CaptureView,
): Promise<void> {
  // No answer (undefined, or a closed port) is the background stopping mid-save.
  const result: CaptureResult = (await (
    moment ? api.captureMoment(tabId) : api.capture(tabId)
  ).catch(() => undefined)) ?? { ok: false, error: t('popupNoAnswer') };
  if (!result.ok && result.saved) {
    // Saved before: said calmly, with that quote to show instead of a copy.
    const quoteId = result.saved.quoteId;
    view.notify({
      text: result.error,
      action: { label: t('popupShowSaved'), run: () => view.reveal(quoteId) },
    });
    return;
  }
  if (!result.ok) {
    view.notify({ text: result.error, error: true });
    // Its words stay in view to retry or copy (issue 18), never lost with it.
    const { keptWords } = await import('./KeptWords');
    if (!moment) view.keep(await keptWords(api, tabId, result, opened, view.retry));
    return;
  }
  const { timeSec } = result.quote;
  const clock = (seconds: number) =>
    formatEpisodeClock(seconds, clockHasHours(result.episode.durationSec, [seconds]));
  view.notify({
    text: moment
      ? t('popupMarked', clock(timeSec ?? 0))
      : timeSec === null
        ? t('popupSavedNoTime')
        : t('popupSaved', clock(timeSec)),
  });
  await view.reload();
}
