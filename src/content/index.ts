/**
 * The content script: a thin shell over core. It reports what the page is (for the badge),
 * answers the extension's questions about the page, and never touches IndexedDB (here it
 * would be the page's database, not ours).
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { detectPodcastPage } from '../core/detect';
import { createRouter } from '../messages/router';
import { ContentMessageSchema } from '../messages/schemas';
import { readPageState } from './page-state';
import { seekTo } from './player';

const self = { id: browser.runtime.id, origin: browser.runtime.getURL('') };

// A second injection (the toolbar click on a page that already has us) must not double up.
const FLAG = '__earmarkContentScript';
const scope = globalThis as unknown as Record<string, boolean>;
if (!scope[FLAG]) {
  scope[FLAG] = true;
  start();
}

function start(): void {
  const route = createRouter(
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
    },
    self,
  );
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    route(message, sender),
  );
  reportPage();
  followNavigation(reportPage);
}

let lastReported = '';

/** Tells the background what this page is, so the toolbar icon can say so. */
function reportPage(): void {
  const url = location.href;
  const detection = detectPodcastPage(document, url);
  const key = `${url}|${detection.kind}|${detection.episode?.title ?? ''}`;
  if (key === lastReported) return;
  lastReported = key;
  browser.runtime.sendMessage({ type: 'page/detected', url, detection }).catch(() => {
    // The background may be restarting; the next navigation or popup open reports again.
  });
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
