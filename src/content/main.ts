/**
 * The content script: a thin shell over core. It reports what the page is (for the badge),
 * answers the extension's questions about the page, offers the page's own ways to capture
 * (Alt+Shift+Q, the floating button), shows the confirmation, and draws saved quotes. It never
 * touches IndexedDB (here it would be the page's database, not ours): it asks the background.
 *
 * On an episode page it is added on first use (issue 16): the start-up script's listeners
 * (`first-use.ts`) and, where it ran, the watch part (`watch.ts`) hand the page over here.
 * Injected alone (the popup's click on a page the start-up script never ran on), it does
 * everything itself.
 */
import type { Detection } from '../core/detect';
import { copyText } from '../browser/clipboard';
import { findFeeds } from '../core/feeds/find-feed';
import { readPage } from '../core/platforms/page';
import { createRouter } from '../messages/router';
import type { ContentReplies } from '../messages/protocol';
import { ContentMessageSchema, type CaptureFeedback } from '../messages/schemas';
import { watchCaptureKeys } from './capture-keys';
import { watchSelectionForButton, type SaveButton } from './floating-button';
import { createHighlighter } from './highlights';
import { followNavigation } from './navigation';
import { detectPage, readPageState } from './page-state';
import { holdSelection, type HeldSelection } from './selection';
import { contentParts, type PageReport } from './parts';
import { currentTime, seekTo } from './player';
import { watchPlayerClock, type PlayerClockWatch } from './player-clock';
import { extensionSelf, onMessage, sendToBackground as ask, t } from './runtime';
import { showNotice, showToast, type ToastActions, type ToastHandle } from './toast';

/** How long the page waits for a capture's outcome before it says so (and keeps waiting). */
const CAPTURE_WAIT_MS = 10_000;
/** The report waits at most this long for the first highlights (a background slow to answer)… */
const REPORT_AFTER_LOOK_MS = 300;
/** …and this long for the frame that shows them (a tab that paints no frame). */
const REPORT_AFTER_FRAME_MS = 100;

// A second injection (the toolbar click on a page that already has us) must not double up.
const FLAG = '__earmarkContentScript';
const scope = globalThis as unknown as Record<string, boolean>;
if (!scope[FLAG]) {
  scope[FLAG] = true;
  start();
}

function start(): void {
  // The start-up script's listeners and the watch part stop here, before this part listens:
  // no key or message is handled twice, no page reported twice.
  const parts = contentParts();
  const selectedAt = parts.firstUse?.handOver().selectedAt ?? null;
  const report = parts.watch?.handOver().report ?? null;
  /** Opens a saved quote in the side panel: a highlight's click, or "Open it" on a repeat save. */
  const openQuote = (quoteId: string) => {
    void ask({ type: 'highlights/open', quoteId, url: location.href }).then((reply) => {
      // Where the side panel can't open from a page's click (Firefox), the popup will show
      // the quote: say where to click. A failure says why.
      if (reply.ok && reply.opened) return;
      const text = reply.ok ? t('toastOpenQuoteHint') : reply.error;
      showNotice(document, text, { error: !reply.ok, t });
    });
  };
  const highlighter = createHighlighter(document, {
    saved: async () => {
      const reply = await ask({ type: 'highlights/quotes', url: location.href });
      return reply.ok ? reply : null;
    },
    place: async (texts) => {
      const reply = await ask({
        type: 'highlights/anchor',
        url: location.href,
        texts,
      });
      return reply.ok ? reply : null;
    },
    seek: (timeSec) => seekTo(document, timeSec),
    open: openQuote,
  });

  const toastActions: ToastActions = {
    async undo(quoteId) {
      const reply = await ask({ type: 'quote/undo', quoteId });
      if (!reply.ok) return reply.error;
      highlighter.refresh();
      return null;
    },
    open: openQuote,
    async retry(page) {
      const reply = await ask({ type: 'capture/retry', page });
      if (!reply.ok) return false;
      showCaptured(reply.result);
      return reply.result.ok;
    },
    copy: copyText,
    t,
  };
  const showFeedback = (feedback: CaptureFeedback) => showToast(document, feedback, toastActions);
  const showCaptured = (feedback: CaptureFeedback) => {
    const toast = showFeedback(feedback);
    if (feedback.ok) highlighter.refresh();
    // Saved now or before: the selection's button would only offer the same words again.
    if (feedback.ok || feedback.savedQuoteId) saveButton?.selectionSaved();
    return toast;
  };

  let playerClock: PlayerClockWatch | null = null;
  const route = createRouter<typeof ContentMessageSchema, ContentReplies>(
    ContentMessageSchema,
    {
      'page/read': {
        from: 'extension-page',
        handle: async () => ({ ok: true, page: readPageState(document, location.href) }),
      },
      'player/seek': {
        from: 'extension-page',
        handle: async (message) =>
          seekTo(document, message.timeSec)
            ? { ok: true }
            : { ok: false, error: 'This page has no player Earmark can reach.' },
      },
      'player/time': {
        from: 'extension-page',
        // Listened for from the panel's first question on, not before: most pages never have one.
        handle: async (message) => ({
          ok: true,
          ...(await (playerClock ??= watchPlayerClock(document)).read(message.after)),
        }),
      },
      'page/feeds': {
        from: 'extension-page',
        handle: async () => ({
          ok: true,
          feeds: findFeeds(readPage(document, new URL(location.href))),
        }),
      },
      'capture/start': {
        from: 'extension-page',
        handle: async () => {
          // The browser's shortcut: the same capture as the page's own key, never silent.
          if (!capture()) showNotice(document, t('errorNoSelection'), { error: true, t });
          return { ok: true };
        },
      },
      'capture/feedback': {
        from: 'extension-page',
        handle: async (message) => {
          showCaptured(message.result);
          return { ok: true };
        },
      },
      'highlights/refresh': {
        from: 'extension-page',
        handle: async () => {
          highlighter.refresh();
          return { ok: true };
        },
      },
    },
    extensionSelf(),
  );
  onMessage(route);

  /**
   * The page's own key and button. The outcome comes back in the reply; when none comes (the
   * service worker stopped mid-save) the words held here go once more as a retry, which finds
   * a save that did commit rather than repeating it. Whatever happens the page says so, with
   * the words kept (issue 18): never silence.
   */
  const capture = (
    held: HeldSelection | null = holdSelection(document),
    timeSec: number | null = currentTime(document),
  ): boolean => {
    if (!held) return false;
    const url = location.href;
    const draft = () => readPageState(document, url, held, timeSec);
    const failure = (error: string): CaptureFeedback => {
      const page = draft();
      return {
        ok: false,
        error,
        text: page.selection?.text ?? null,
        retry: page.selection ? page : null,
      };
    };
    let waiting: ToastHandle | null = null;
    const slow = setTimeout(() => {
      waiting = showFeedback(failure(t('toastNotConfirmedYet')));
    }, CAPTURE_WAIT_MS);
    void (async () => {
      let reply = await ask({ type: 'capture/from-page' });
      if (!reply.ok) {
        const page = draft();
        if (page.selection) reply = await ask({ type: 'capture/retry', page });
      }
      clearTimeout(slow);
      if (reply.ok) {
        (waiting as ToastHandle | null)?.close();
        showCaptured(reply.result);
      } else if (!waiting) {
        showFeedback(failure(t('toastNotConfirmed', reply.error)));
      }
    })();
    return true;
  };

  const keys = new AbortController();
  watchCaptureKeys(document, { onCapture: () => capture(), signal: keys.signal });

  let button: AbortController | null = null;
  let saveButton: SaveButton | null = null;
  const offerButton = (show: boolean) => {
    if (show === (button !== null)) return;
    if (!show) {
      button?.abort();
      button = null;
      saveButton = null;
      return;
    }
    button = new AbortController();
    saveButton = watchSelectionForButton(document, {
      label: t('floatingSaveQuote'),
      onSave: () => capture(),
      signal: button.signal,
      // A selection made before this part was added gets its button when it has settled.
      selectedAt,
    });
  };

  // Added before any report: the background sent all of it because the episode has saved
  // quotes (or the person clicked the icon, or acted where the first look was sure). Look for
  // them now, before the report, rather than a round trip later: highlights come back as soon
  // as they can (issue 16).
  let lookingAlready = report === null;
  const firstLook = lookingAlready ? highlighter.lookNow() : null;

  const apply = (detection: Detection, reply: PageReport['reply']) => {
    // A frame other than the top one hears no count: it looks for quotes all the same.
    const count = reply.quoteCount ?? 1;
    if (!(lookingAlready && count > 0)) highlighter.update(count);
    lookingAlready = false;
    offerButton(reply.floatingButton === true && detection.kind === 'episode');
  };

  let lastReported = '';
  /** Tells the background what this page is; it answers with the page's quotes and settings. */
  const reportPage = (): void => {
    const url = location.href;
    const detection: Detection = detectPage(document, url);
    const key = `${url}|${detection.kind}|${detection.episode?.title ?? ''}`;
    if (key === lastReported) return;
    lastReported = key;
    void ask({ type: 'page/detected', url, detection }).then((reply) => {
      if (!reply.ok) return;
      apply(detection, 'quoteCount' in reply ? reply : {});
    });
  };
  // What the watch part reported still holds while the page is where it was: no second report.
  if (report && report.url === location.href && report.title === document.title) {
    lastReported = report.key;
    apply(report.detection, report.reply);
  } else if (firstLook) {
    // Detection takes 20–60 ms of the page's thread on a long page: run now, it would hold
    // the highlights' reply and then the frame that shows them. The badge can wait that long.
    void shown(firstLook).then(reportPage);
  } else {
    reportPage();
  }
  followNavigation(reportPage);

  contentParts().main = {
    route: (message, sender) => route(message, sender),
    capture: (held, timeSec) => capture(held, timeSec),
  };
}

/** Once the first highlights are drawn and painted (each wait bounded): then the report. */
async function shown(look: Promise<void>): Promise<void> {
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  // A look that failed has nothing to show: the report goes at once.
  await Promise.race([look.catch(() => undefined), wait(REPORT_AFTER_LOOK_MS)]);
  // A hidden tab paints no frame: nothing to wait for.
  if (document.visibilityState !== 'visible') return;
  await Promise.race([
    // Called just before the frame paints; the task after it runs once it is painted.
    new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    wait(REPORT_AFTER_FRAME_MS),
  ]);
}
