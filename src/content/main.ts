/**
 * The content script: a thin shell over core. It reports what the page is (for the badge),
 * answers the extension's questions about the page, offers the page's own ways to capture
 * (Alt+Shift+Q, the floating button), shows the confirmation, and draws saved quotes. It never
 * touches IndexedDB (here it would be the page's database, not ours): it asks the background.
 */
import type { Detection } from '../core/detect';
import { copyText } from '../browser/clipboard';
import { findFeeds } from '../core/feeds/find-feed';
import { readPage } from '../core/platforms/page';
import { createRouter } from '../messages/router';
import type { ContentReplies } from '../messages/protocol';
import { ContentMessageSchema, type CaptureFeedback } from '../messages/schemas';
import { watchCaptureKeys } from './capture-keys';
import { watchSelectionForButton } from './floating-button';
import { createHighlighter } from './highlights';
import { detectPage, readPageState } from './page-state';
import { currentTime, seekTo } from './player';
import { extensionSelf, onMessage, sendToBackground as ask, t } from './runtime';
import { showNotice, showToast, type ToastActions } from './toast';

// A second injection (the toolbar click on a page that already has us) must not double up.
const FLAG = '__earmarkContentScript';
const scope = globalThis as unknown as Record<string, boolean>;
if (!scope[FLAG]) {
  scope[FLAG] = true;
  start();
}

function start(): void {
  const highlighter = createHighlighter(document, {
    place: async (texts) => {
      const reply = await ask({ type: 'highlights/anchor', texts });
      return reply.ok ? reply : null;
    },
    seek: (timeSec) => seekTo(document, timeSec),
    open: (quoteId) => {
      void ask({ type: 'highlights/open', quoteId }).then((reply) => {
        // Where the side panel can't open from a page's click (Firefox), the popup will show
        // the quote: say where to click. A failure says why.
        if (reply.ok && reply.opened) return;
        const text = reply.ok ? t('toastOpenQuoteHint') : reply.error;
        showNotice(document, text, { error: !reply.ok, t });
      });
    },
  });

  const toastActions: ToastActions = {
    async undo(quoteId) {
      const reply = await ask({ type: 'quote/undo', quoteId });
      if (!reply.ok) return reply.error;
      highlighter.refresh();
      return null;
    },
    retry(page) {
      void ask({ type: 'capture/retry', page });
    },
    copy: copyText,
    t,
  };
  const showFeedback = (feedback: CaptureFeedback) => showToast(document, feedback, toastActions);

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
        handle: async () => ({ ok: true, timeSec: currentTime(document) }),
      },
      'page/feeds': {
        from: 'extension-page',
        handle: async () => ({
          ok: true,
          feeds: findFeeds(readPage(document, new URL(location.href))),
        }),
      },
      'capture/feedback': {
        from: 'extension-page',
        handle: async (message) => {
          showFeedback(message.result);
          if (message.result.ok) highlighter.refresh();
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

  // The outcome arrives as `capture/feedback`, as for the shortcut and the menu.
  const capture = () => void ask({ type: 'capture/from-page' });

  const keys = new AbortController();
  watchCaptureKeys(document, { onCapture: capture, signal: keys.signal });

  let button: AbortController | null = null;
  const offerButton = (show: boolean) => {
    if (show === (button !== null)) return;
    if (!show) {
      button?.abort();
      button = null;
      return;
    }
    button = new AbortController();
    watchSelectionForButton(document, {
      label: t('floatingSaveQuote'),
      onSave: capture,
      signal: button.signal,
    });
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
      // A frame other than the top one hears no count: it looks for quotes all the same.
      highlighter.update('quoteCount' in reply ? reply.quoteCount : 1);
      offerButton(
        'floatingButton' in reply && reply.floatingButton && detection.kind === 'episode',
      );
    });
  };
  reportPage();
  followNavigation(reportPage);
}

/** Single-page apps change episodes without a reload: re-detect when the URL or title changes. */
function followNavigation(onChange: () => void): void {
  let url = location.href;
  let title = document.title;
  const check = () => {
    if (location.href === url && document.title === title) return;
    url = location.href;
    title = document.title;
    onChange();
  };
  addEventListener('popstate', check);
  const titleElement = document.querySelector('title');
  if (titleElement) new MutationObserver(check).observe(titleElement, { childList: true });
  // pushState fires no event a content script can hear; a cheap check while visible covers it.
  setInterval(() => {
    if (document.visibilityState === 'visible') check();
  }, 1_000);
}
