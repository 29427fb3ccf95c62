/**
 * The content script the manifest declares: about a kilobyte that runs on every matched page.
 * It takes a cheap first look (`mightBePodcastPage`) and only then asks the background to add
 * the full content script (detection, capture, highlights): issue 3's "heavier parts load only
 * once a page is a podcast page". A click on the toolbar icon loads everything regardless.
 */
import { mightBePodcastPage } from '../core/precheck';
import { sendToBackground } from './runtime';

const FLAG = '__earmarkBoot';
const scope = globalThis as unknown as Record<string, boolean>;
if (!scope[FLAG]) {
  scope[FLAG] = true;
  boot();
}

function boot(): void {
  let url = location.href;
  const check = () => {
    if (!mightBePodcastPage(document)) return;
    clearInterval(timer);
    removeEventListener('popstate', check);
    void sendToBackground({ type: 'content/load' });
  };
  // A single-page app may turn into an episode page later: look again as it navigates
  // (pushState fires no event a content script hears; a string comparison a second is cheap).
  const timer = setInterval(() => {
    if (document.visibilityState !== 'visible' || location.href === url) return;
    url = location.href;
    check();
  }, 1_000);
  addEventListener('popstate', check);
  check();
}
