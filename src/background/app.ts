/**
 * The background's behaviour, apart from the browser events that trigger it (index.ts), so
 * that tests can drive the shortcut, the menu and every message through the same functions.
 */
import { episodeIdForUrl } from '../core/episode';
import type { PageKind } from '../core/detect';
import type { BackgroundReplies, CaptureResult } from '../messages/protocol';
import { createRouter } from '../messages/router';
import {
  BackgroundMessageSchema,
  type CaptureReply,
  type ContentMessage,
  type OpenQuoteReply,
  type PageDetectedReply,
  type PageState,
  type QuoteWaiting,
  type TakeQuoteFocusReply,
} from '../messages/schemas';
import type { SenderInfo } from '../messages/senders';
import type { Store } from '../store/store';
import {
  captureFromTab,
  captureMoment,
  feedbackFor,
  refuseTooMany,
  saveSelection,
} from './capture';
import { createHighlightLog, placeQuotesForPage, savedQuotesForPage } from './highlights';
import { createQuoteFocus } from './quote-focus';
import { createCaptureRateLimit } from './rate-limit';
import { saveTranscriptWords } from './transcript-capture';
import { floatingButtonEnabled } from './settings';
import { createUndoLog } from './undo';

export const COMMAND_SAVE_QUOTE = 'save-quote';
export const MENU_SAVE_QUOTE = 'earmark-save-quote';

export interface BackgroundDeps {
  store: Store;
  self: { id: string; origin: string };
  /** Sends a message to a tab's content script (top frame); may reject if it has none. */
  tellTab(tabId: number, message: ContentMessage): Promise<unknown>;
  /** The icon's state: the page's kind (live detection) and the quotes saved for it. */
  showBadge(tabId: number, kind: PageKind, quoteCount: number): Promise<void>;
  /** Adds the content script (its watch part, or all) to a frame whose script asked for it. */
  loadContentScript(tabId: number, frameId: number, part: 'watch' | 'all'): Promise<void>;
  /**
   * Opens the side panel beside a tab for a click on its page; resolves whether it is open.
   * Must start opening before it returns: browsers allow it only during the click's gesture.
   */
  openPanel(tabId: number): Promise<boolean>;
  /** Tells the extension's open views (popup, side panel); none listening is no error. */
  tellViews(message: QuoteWaiting): Promise<unknown>;
  /** Localised text. */
  t(key: string): string;
}

export function createBackground(deps: BackgroundDeps) {
  const { store, tellTab } = deps;
  const undoLog = createUndoLog();
  const highlightLog = createHighlightLog();
  const quoteFocus = createQuoteFocus();
  const capturing = new Map<number, Promise<CaptureResult>>();
  const rate = createCaptureRateLimit();
  /** What each tab's page was when last reported or captured from, for the badge after Undo. */
  const pageKinds = new Map<number, PageKind>();

  /**
   * Every capture ends here: remember it for Undo, update the badge, and tell the page (its
   * confirmation, or the reason and the draft). The page hears "saved" only after the
   * store's transaction committed, because `capture` resolves only then.
   */
  async function finishCapture(
    tabId: number,
    capture: () => Promise<CaptureResult>,
    draftPage: PageState | null = null,
    tell = true,
  ): Promise<CaptureResult> {
    let result: CaptureResult;
    try {
      result = rate.allow(tabId) ? await capture() : await refuseTooMany(tabId, draftPage);
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (result.ok) {
      undoLog.remember(tabId, result.quote.id);
      pageKinds.set(tabId, result.pageKind);
      await updateBadge(tabId, result.episode.id);
    }
    // A page Earmark can't reach (a browser page, say) gets no confirmation; the popup, if
    // it asked, shows the result itself, and so does a content script that asked.
    if (tell)
      await tellTab(tabId, { type: 'capture/feedback', result: feedbackFor(result) }).catch(
        () => undefined,
      );
    return result;
  }

  /** A quote saved or undone: the count changes, the page stays what it is (issue 20). */
  async function updateBadge(tabId: number, episodeId: string): Promise<void> {
    const count = await store.countQuotes(episodeId);
    const kind = pageKinds.get(tabId) ?? 'none';
    await deps.showBadge(tabId, kind, count).catch(() => undefined);
  }

  /**
   * The shortcut, the context menu, the popup's button and the page's own key and button all
   * run this. A second request while one is running joins it: a key held down, or a browser
   * that delivers both the command and the page's key, saves one quote, not two.
   */
  function captureSelection(tabId: number, tell = true): Promise<CaptureResult> {
    const running = capturing.get(tabId);
    if (running) return running;
    // Frame 0: the top frame's content script reads same-origin frames' selections too.
    const done = finishCapture(tabId, () => captureFromTab(store, tabId, 0), null, tell).finally(
      () => capturing.delete(tabId),
    );
    capturing.set(tabId, done);
    return done;
  }

  const tabOf = (sender: SenderInfo): number => {
    if (sender.tab?.id === undefined) throw new Error('No tab sent this.');
    return sender.tab.id;
  };

  const route = createRouter<typeof BackgroundMessageSchema, BackgroundReplies>(
    BackgroundMessageSchema,
    {
      'content/load': {
        from: 'content-script',
        handle: async (message, sender) => {
          const tabId = tabOf(sender);
          const frameId = sender.frameId ?? 0;
          if (message.part) {
            await deps.loadContentScript(tabId, frameId, message.part);
            return { ok: true };
          }
          // Until the person acts, a page gets no more than detection; a page whose episode
          // has saved quotes gets all at once, so its highlights come back without a second
          // round (issue 16). The count is the one the badge shows.
          const seen = message.seen;
          if (seen && !sameOrigin(seen.url, sender.url)) {
            return { ok: false, error: 'This address is not the page’s own.' };
          }
          const url = seen?.url ?? sender.url;
          const saved =
            url === undefined
              ? 0
              : await Promise.resolve()
                  .then(() => store.countQuotes(episodeIdForUrl(url)))
                  .catch(() => 0);
          if (seen && frameId === 0) {
            pageKinds.set(tabId, seen.kind);
            await deps.showBadge(tabId, seen.kind, saved);
          }
          // The first look was sure of the page: detection waits for the person's first use.
          const part = saved > 0 ? 'all' : seen ? null : 'watch';
          if (part) await deps.loadContentScript(tabId, frameId, part);
          return { ok: true };
        },
      },
      'page/detected': {
        from: 'content-script',
        handle: async (message, sender) => {
          const tabId = sender.tab?.id;
          if (tabId === undefined || sender.frameId !== 0) return { ok: true };
          const [quoteCount, floatingButton] = await Promise.all([
            store.countQuotes(episodeIdForUrl(message.url)),
            floatingButtonEnabled(store),
          ]);
          const kind = message.detection.kind;
          pageKinds.set(tabId, kind);
          await deps.showBadge(tabId, kind, quoteCount);
          const reply: PageDetectedReply = { quoteCount, floatingButton };
          return { ok: true, ...reply };
        },
      },
      'capture/save': {
        from: 'extension-page',
        handle: async (message) => captureSelection(message.tabId),
      },
      'capture/moment': {
        from: 'extension-page',
        handle: async (message) =>
          finishCapture(message.tabId, () => captureMoment(store, message.tabId, message.text)),
      },
      'capture/transcript': {
        from: 'extension-page',
        handle: async (message) =>
          finishCapture(message.tabId, () => saveTranscriptWords(store, message.tabId, message)),
      },
      'capture/from-page': {
        from: 'content-script',
        handle: async (_message, sender) => {
          // The outcome goes back in the reply, which the content script waits for: if the
          // service worker stops before answering, the page knows and keeps the words.
          const result = await captureSelection(tabOf(sender), false);
          const reply: CaptureReply = { result: feedbackFor(result) };
          return { ok: true, ...reply };
        },
      },
      'capture/retry': {
        from: 'content-script',
        handle: async (message, sender) => {
          const tabId = tabOf(sender);
          // A draft goes back only to the site it came from.
          if (!sameOrigin(message.page.url, sender.url)) {
            return { ok: false, error: 'This draft belongs to another page.' };
          }
          const result = await finishCapture(
            tabId,
            () => saveSelection(store, message.page, { retry: true }),
            message.page,
            false,
          );
          const reply: CaptureReply = { result: feedbackFor(result) };
          return { ok: true, ...reply };
        },
      },
      'quote/undo': {
        from: 'content-script',
        handle: async (message, sender) => {
          const tabId = tabOf(sender);
          if (!undoLog.take(tabId, message.quoteId)) {
            return { ok: false, error: deps.t('errorUndoExpired') };
          }
          const deleted = await store.deleteQuote(message.quoteId);
          if (deleted) await updateBadge(tabId, deleted.episodeId);
          return { ok: true };
        },
      },
      'highlights/anchor': {
        from: 'content-script',
        handle: async (message, sender) => {
          const tabId = tabOf(sender);
          // The page's current URL names the episode (a single-page app moves with
          // pushState), on the sender's own site only: a page can't ask about another's quotes.
          if (!sameOrigin(message.url, sender.url)) {
            return { ok: false, error: 'This address is not the page’s own.' };
          }
          const reply = await placeQuotesForPage(store, message.url, message.texts);
          if (sender.frameId === 0) highlightLog.record(tabId, reply);
          return { ok: true, ...reply };
        },
      },
      'highlights/quotes': {
        from: 'content-script',
        handle: async (message, sender) => {
          const tabId = tabOf(sender);
          if (!sameOrigin(message.url, sender.url)) {
            return { ok: false, error: 'This address is not the page’s own.' };
          }
          // The page places what it can itself and says nothing of it: what an earlier pass
          // found is forgotten, and a pass that needs the matcher records its own.
          if (sender.frameId === 0) highlightLog.forget(tabId);
          return { ok: true, ...(await savedQuotesForPage(store, message.url)) };
        },
      },
      'highlights/status': {
        from: 'extension-page',
        handle: async (message) => ({ ok: true, status: highlightLog.forTab(message.tabId) }),
      },
      'highlights/open': {
        from: 'content-script',
        handle: async (message, sender) => {
          const tabId = tabOf(sender);
          // Before any await: the click's user gesture ends with this task.
          const opening = deps.openPanel(tabId);
          // A page shows its own episode's quotes only.
          const quote = await store.quote(message.quoteId);
          const onPage = sameOrigin(message.url, sender.url);
          if (!onPage || !quote || quote.episodeId !== episodeIdForUrl(message.url)) {
            return { ok: false, error: deps.t('errorQuoteNotOnPage') };
          }
          quoteFocus.ask(tabId, quote.id);
          await deps.tellViews({ type: 'quote/waiting', tabId }).catch(() => undefined);
          const reply: OpenQuoteReply = { opened: await opening };
          return { ok: true, ...reply };
        },
      },
      'quote/take-focus': {
        from: 'extension-page',
        handle: async (message) => {
          const reply: TakeQuoteFocusReply = { quoteId: quoteFocus.take(message.tabId) };
          return { ok: true, ...reply };
        },
      },
    },
    deps.self,
  );

  return {
    route,
    captureSelection,
    onCommand(command: string, tabId: number | undefined): Promise<CaptureResult> | null {
      if (command !== COMMAND_SAVE_QUOTE || tabId === undefined) return null;
      return captureSelection(tabId);
    },
    /**
     * The browser's shortcut, as the service worker receives it. The page is asked to run its
     * own capture, which holds the words and waits for the reply: if this worker stops
     * mid-save, the page still says so and keeps the words to retry (issue 18). Only a tab
     * Earmark can't reach at all (a browser page, which has no words to keep) is captured
     * from here, and told what failed where it can be.
     */
    async onShortcut(
      command: string,
      tabId: number | undefined,
    ): Promise<'page' | CaptureResult | null> {
      if (command !== COMMAND_SAVE_QUOTE || tabId === undefined) return null;
      const start = async () => {
        const reply = (await tellTab(tabId, { type: 'capture/start' })) as { ok?: unknown };
        if (reply?.ok !== true) throw new Error('The page did not start the capture.');
      };
      try {
        await start();
        return 'page';
      } catch {
        // No full content script there yet (a page Earmark only glanced at, or one it never
        // loaded into): the shortcut's activeTab grant lets it add one.
        try {
          await deps.loadContentScript(tabId, 0, 'all');
          await start();
          return 'page';
        } catch {
          return captureSelection(tabId);
        }
      }
    },
    onMenuClick(menuItemId: string | number, tabId: number | undefined) {
      if (menuItemId !== MENU_SAVE_QUOTE || tabId === undefined) return null;
      return captureSelection(tabId);
    },
    onTabRemoved(tabId: number): void {
      pageKinds.delete(tabId);
      highlightLog.forget(tabId);
      quoteFocus.forget(tabId);
      rate.forget(tabId);
    },
  };
}

function sameOrigin(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
