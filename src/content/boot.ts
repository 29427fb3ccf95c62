/**
 * The content script the manifest declares: about a kilobyte that runs on every matched page.
 * It takes a cheap first look (`mightBePodcastPage`) and only then asks the background to add
 * more: issue 3's "heavier parts load only once a page is a podcast page". The background adds
 * the watch part (detection, first-use listeners: watch.ts), or all of it where the episode
 * has saved quotes (ADR 0012). A click on the toolbar icon loads everything regardless.
 */
import { mightBePodcastPage } from '../core/precheck';
import { sendToBackground } from './runtime';

const FLAG = '__earmarkBoot';
const scope = globalThis as unknown as Record<string, boolean>;
if (!scope[FLAG]) {
  scope[FLAG] = true;
  boot();
}

/**
 * How long after load (and after each move of a single-page app) the page is watched for a
 * player its scripts build: a host's embed page shows nothing in the HTML it serves (issue 20).
 */
const WATCH_MS = 30_000;
/** Changes are batched: at most one first look per this many milliseconds. */
const WATCH_EVERY_MS = 250;

function boot(): void {
  let url = location.href;
  let loaded = false;
  let watching: MutationObserver | null = null;
  let watchUntil = 0;
  let queued = false;

  const stopWatching = () => {
    watching?.disconnect();
    watching = null;
  };
  const check = () => {
    if (loaded || !mightBePodcastPage(document)) return;
    loaded = true;
    clearInterval(timer);
    removeEventListener('popstate', onNavigate);
    stopWatching();
    void sendToBackground({ type: 'content/load' });
  };
  /** Looks again as the page builds itself, for WATCH_MS, a few times a second at most. */
  const watch = () => {
    watchUntil = Date.now() + WATCH_MS;
    if (loaded || watching) return;
    watching = new MutationObserver(() => {
      if (Date.now() > watchUntil) return stopWatching();
      if (queued) return;
      queued = true;
      setTimeout(() => {
        queued = false;
        check();
      }, WATCH_EVERY_MS);
    });
    // `src`: a lazy embed (a builder's iframe) gets its player's address after load.
    watching.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['src'],
    });
  };
  const onNavigate = () => {
    check();
    watch();
  };
  // A single-page app may turn into an episode page later: look again as it navigates
  // (pushState fires no event a content script hears; a string comparison a second is cheap).
  const timer = setInterval(() => {
    if (document.visibilityState !== 'visible' || location.href === url) return;
    url = location.href;
    onNavigate();
  }, 1_000);
  addEventListener('popstate', onNavigate);
  onNavigate();
}
