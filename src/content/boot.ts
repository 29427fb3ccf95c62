/**
 * The content script the manifest declares, run on every matched page. It takes a cheap first
 * look (core/precheck.ts) and only then does more: issue 3's "heavier parts load only once a
 * page is a podcast page". On a podcast page it listens for the first use (first-use.ts) and
 * tells the background what it saw. Where the look is sure of an episode (a platform's episode
 * address, JSON-LD naming one), that lights the badge, and the page runs no detection until
 * the person acts (issue 16); elsewhere the background adds detection (watch.ts). Either way
 * the rest comes at once where the episode has saved quotes (ADR 0012, ADR 0018). A click on
 * the toolbar icon loads everything regardless.
 */
import { firstLook, type FirstLook } from '../core/precheck';
import { listenForFirstUse } from './first-use';
import { contentParts } from './parts';
import { sendToBackground } from './runtime';

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
  let reported = '';
  const stopFollowing = () => {
    clearInterval(timer);
    removeEventListener('popstate', onNavigate);
  };
  const check = () => {
    if (loaded) return;
    const look = firstLook(document, location.href);
    if (look === 'none') return;
    loaded = true;
    stopWatching();
    listenForFirstUse();
    reported = `${location.href}|${look}`;
    report(look);
    // Sure of an episode, it follows a single-page app itself; otherwise detection does.
    if (look !== 'episode') stopFollowing();
  };
  /**
   * A single-page app moves from episode to episode without a reload: look again as it moves,
   * until a part that detects (watch, or the rest, which stops the listeners) follows it.
   */
  const lookAgain = () => {
    const parts = contentParts();
    if (!parts.firstUse || parts.watch || parts.main) return stopFollowing();
    const look = firstLook(document, location.href);
    const key = `${location.href}|${look}`;
    if (key === reported) return;
    reported = key;
    report(look);
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
    if (loaded) return lookAgain();
    check();
    watch();
  };
  // A single-page app may turn into an episode page later, or move to another: look again as
  // it navigates (pushState fires no event a content script hears; a string comparison a
  // second is cheap, and needs no observer of the title, whose first use costs the page heap).
  const timer = setInterval(() => {
    if (document.visibilityState !== 'visible' || location.href === url) return;
    url = location.href;
    onNavigate();
  }, 1_000);
  addEventListener('popstate', onNavigate);
  onNavigate();
}

/**
 * Tells the background what the first look saw. Sure of what the page is, it has the
 * background light the badge (and add the rest where the episode has saved quotes); unsure,
 * it has detection added (or the rest).
 */
function report(look: FirstLook): void {
  void sendToBackground(
    look === 'maybe'
      ? { type: 'content/load' }
      : { type: 'content/load', seen: { kind: look, url: location.href } },
  );
}

// Last: the constants above are set before it runs.
const FLAG = '__earmarkBoot';
const scope = globalThis as unknown as Record<string, boolean>;
if (!scope[FLAG]) {
  scope[FLAG] = true;
  boot();
}
