/**
 * The popup's and side panel's window on the browser: a small adapter, so views stay plain
 * Preact components that tests can render with a fake of this one interface.
 */
import type { Runtime } from 'webextension-polyfill';
import browser from '../browser/extension-api';
import { copyText } from '../browser/clipboard';
import { downloadFile } from '../browser/download';
import { sidePanelOpener } from '../browser/side-panel';
import { askFrame, readTab, seekTab } from '../browser/tab-client';
import { askOver, type AskBackground, type CaptureResult } from '../messages/protocol';
import {
  parseWith,
  QuoteWaitingSchema,
  type HighlightsReply,
  type PageState,
} from '../messages/schemas';
import { createStore, type Store } from '../store/store';

export interface TargetTab {
  id: number;
  /** Null where the browser doesn't say (no access to the page). */
  url: string | null;
}

export interface PopupApi {
  store: Store;
  /**
   * The tab the popup is about (`?tab=ID` when opened as a page, else the active tab), with its
   * address where the browser gives it (the toolbar click's activeTab, or host access).
   */
  targetTab(): Promise<TargetTab | null>;
  /**
   * `?episode=ID`: the view edits that stored episode with no tab behind it (the library's
   * Edit link). Null when the view is about a tab.
   */
  targetEpisodeId(): string | null;
  readPage(tabId: number): Promise<PageState>;
  capture(tabId: number): Promise<CaptureResult>;
  /** "Mark this moment": the player's time with no text, for pages with nothing to select. */
  captureMoment(tabId: number): Promise<CaptureResult>;
  seek(tabId: number, timeSec: number): Promise<void>;
  /** Asks the tab's page to draw its highlights again: its episode's quotes changed. */
  refreshHighlights(tabId: number): Promise<void>;
  /** What the last highlight pass in the tab found (orphans included); null before one ran. */
  highlightStatus(tabId: number): Promise<HighlightsReply | null>;
  /** The library, the extension's options page. */
  openLibrary(): Promise<void>;
  download(fileName: string, text: string): void;
  copy(text: string): Promise<boolean>;
  /**
   * Side panel: calls back when the person switches tabs, so the panel follows the active
   * tab's episode. Returns the unsubscribe. Absent, or a no-op with `?tab=ID`.
   */
  followTarget?(onChange: () => void): () => void;
  /** The quote a click on the tab's page asked to show, once; null when none did. */
  takeQuoteFocus(tabId: number): Promise<string | null>;
  /** Calls back with the tab whenever a click on its page asks to show a quote. */
  onQuoteWaiting(listener: (tabId: number) => void): () => void;
  /** Opens the side panel beside the tab; null where the browser has none. */
  openSidePanel?: ((tabId: number) => Promise<void>) | null;
}

/** `?tab=ID` when a view is opened as a page (tests, or a link), else null. */
function tabParam(): number | null {
  const param = new URLSearchParams(location.search).get('tab');
  return param !== null && /^\d+$/.test(param) ? Number(param) : null;
}

export function browserApi(): PopupApi {
  const askBackground: AskBackground = askOver((message) => browser.runtime.sendMessage(message));
  return {
    // Rare (another tab holds the old database open): its message loads when it happens.
    store: createStore({
      onBlocked: () => void import('./upgrade-blocked').then((m) => m.showUpgradeBlocked()),
    }),
    async targetTab() {
      const fixed = tabParam();
      const tab =
        fixed !== null
          ? await browser.tabs.get(fixed).catch(() => ({ id: fixed, url: undefined }))
          : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? null };
    },
    readPage: (tabId) => readTab(tabId),
    // Captures go through the background, the one capture path the shortcut and menu use too.
    capture: (tabId) => askBackground({ type: 'capture/save', tabId }),
    captureMoment: (tabId) => askBackground({ type: 'capture/moment', tabId }),
    targetEpisodeId() {
      const id = new URLSearchParams(location.search).get('episode');
      return id !== null && id !== '' ? id : null;
    },
    seek: (tabId, timeSec) => seekTab(tabId, timeSec),
    async refreshHighlights(tabId) {
      // The top frame's content script draws in its same-origin frames too.
      await askFrame(tabId, 0)({ type: 'highlights/refresh' });
    },
    async highlightStatus(tabId) {
      // Undefined when nobody answered (the background is restarting): no status yet.
      const reply = await askBackground({ type: 'highlights/status', tabId });
      return reply?.ok ? reply.status : null;
    },
    openLibrary: () => browser.runtime.openOptionsPage(),
    download: (fileName, text) =>
      downloadFile(fileName, new Blob([text], { type: 'text/markdown;charset=utf-8' })),
    copy: copyText,
    followTarget(onChange) {
      if (tabParam() !== null) return () => undefined;
      const listener = () => onChange();
      browser.tabs.onActivated.addListener(listener);
      return () => browser.tabs.onActivated.removeListener(listener);
    },
    async takeQuoteFocus(tabId) {
      const reply = await askBackground({ type: 'quote/take-focus', tabId });
      return reply?.ok ? reply.quoteId : null;
    },
    onQuoteWaiting(listener) {
      const onMessage = (message: unknown, sender: Runtime.MessageSender) => {
        // Content scripts' messages reach extension pages too: hear only the background.
        if (sender.id !== browser.runtime.id || sender.tab !== undefined) return;
        const parsed = parseWith(QuoteWaitingSchema, message);
        if (parsed.ok) listener(parsed.value.tabId);
      };
      browser.runtime.onMessage.addListener(onMessage);
      return () => browser.runtime.onMessage.removeListener(onMessage);
    },
    openSidePanel: sidePanelOpener(),
  };
}
