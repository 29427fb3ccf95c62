/**
 * The service worker: routes validated messages, runs the capture path for the shortcut and
 * the context menu, and keeps the toolbar badge current. No network, no remote code.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { episodeIdForUrl } from '../core/episode';
import { createRouter } from '../messages/router';
import { BackgroundMessageSchema } from '../messages/schemas';
import { createStore } from '../store/store';
import { showBadge } from './badge';
import { captureFromTab, type CaptureResult } from './capture';

const store = createStore();
const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };
const MENU_SAVE_QUOTE = 'earmark-save-quote';

async function afterCapture(tabId: number, result: CaptureResult): Promise<CaptureResult> {
  if (result.ok) {
    const count = await store.countQuotes(result.episode.id);
    await showBadge(tabId, 'episode', count);
  }
  return result;
}

const route = createRouter(
  BackgroundMessageSchema,
  {
    'page/detected': {
      from: 'content-script',
      handle: async (message, sender) => {
        const tabId = sender.tab?.id;
        if (tabId === undefined || sender.frameId !== 0) return { ok: true };
        const count =
          message.detection.kind === 'episode'
            ? await store.countQuotes(episodeIdForUrl(message.url))
            : 0;
        await showBadge(tabId, message.detection.kind, count);
        return { ok: true };
      },
    },
    'capture/save': {
      from: 'extension-page',
      handle: async (message) =>
        afterCapture(message.tabId, await captureFromTab(store, message.tabId)),
    },
  },
  self,
);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  route(message, sender),
);

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({
    id: MENU_SAVE_QUOTE,
    title: browser.i18n.getMessage('menuSaveQuote'),
    contexts: ['selection'],
  });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId !== MENU_SAVE_QUOTE || tab?.id === undefined) return;
  void captureFromTab(store, tab.id, info.frameId ?? 0).then((r) => afterCapture(tab.id!, r));
});

browser.commands.onCommand.addListener((command, tab) => {
  if (command !== 'save-quote' || tab?.id === undefined) return;
  void captureFromTab(store, tab.id).then((r) => afterCapture(tab.id!, r));
});
