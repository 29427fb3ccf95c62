/**
 * The service worker: wires browser events to the background's behaviour (app.ts): validated
 * messages, the shortcut, the context menu and the toolbar badge. No network, no remote code.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { syncAllSitesContentScript } from '../browser/all-sites';
import { openPanelFromPage } from '../browser/side-panel';
import { askFrame, injectContentScript } from '../browser/tab-client';
import { createStore } from '../store/store';
import { MENU_SAVE_QUOTE, createBackground } from './app';
import { showBadge } from './badge';

const background = createBackground({
  store: createStore(),
  self: { id: browser.runtime.id, origin: browser.runtime.getURL('') },
  tellTab: (tabId, message) => askFrame(tabId, 0)(message),
  showBadge,
  loadContentScript: (tabId, frameId, part) => injectContentScript(tabId, frameId, part),
  openPanel: openPanelFromPage,
  // Reaches the extension's pages, never a tab's content script.
  tellViews: (message) => browser.runtime.sendMessage(message),
  t: (key) => browser.i18n.getMessage(key),
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  background.route(message, sender),
);

browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({
    id: MENU_SAVE_QUOTE,
    title: browser.i18n.getMessage('menuSaveQuote'),
    contexts: ['selection'],
  });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  void background.onMenuClick(info.menuItemId, tab?.id);
});

browser.commands.onCommand.addListener((command, tab) => {
  void background.onShortcut(command, tab?.id);
});

browser.tabs.onRemoved.addListener((tabId) => background.onTabRemoved(tabId));

// "Detect on all sites" (all-sites.ts): keep the registration in step with the permission,
// on every start (an update renames the content script) and whenever the person changes it.
const syncAllSites = () => void syncAllSitesContentScript().catch(() => undefined);
syncAllSites();
browser.permissions.onAdded.addListener(syncAllSites);
browser.permissions.onRemoved.addListener(syncAllSites);
