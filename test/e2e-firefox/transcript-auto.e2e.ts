/**
 * "Look for transcripts automatically" (issue 13) in Firefox's sidebar, with the Firefox build
 * installed in Debian's firefox-esr: off (the default), the sidebar on an episode page fetches
 * nothing; switched on in the library's settings (a tab of its own, while the sidebar stays
 * open), the sidebar finds the episode in the feed the page names, and its transcript and
 * chapters, without a click. test/e2e/transcript-auto.e2e.ts takes the same steps in Chromium.
 *
 * How the sidebar and the library's tab are reached, and the one way this Firefox differs from
 * a person's, is in test/support/firefox.ts.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/browser';
import { ADDON_ORIGIN, launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { servePages, type PageServer } from '../support/server';

const LIBRARY_URL = `${ADDON_ORIGIN}/src/ui/library/index.html#settings`;
const SETTING = 'Look for transcripts automatically';

let server: PageServer;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/words'));
  firefox = await launchFirefox();
  await firefox.openPage(`${server.origin}/episode.html`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const feedRequests = () => server.requests.filter((path) => path === '/feed.xml').length;
const cueCount = () =>
  firefox.inSidebar<number>(`return sidebar?.querySelectorAll('.cue').length ?? 0;`);

/** Clicks the sidebar's button labelled `label`; false when no such button shows. */
const clickInSidebar = (label: string) =>
  firefox.inSidebar<boolean>(`
    const button = [...(sidebar?.querySelectorAll('button') ?? [])]
      .find((b) => b.textContent.trim() === ${JSON.stringify(label)});
    if (!button) return false;
    button.click();
    return true;`);

describe('looking for transcripts automatically in Firefox’s sidebar', () => {
  it('is off at first: the sidebar offers “Find transcript” and fetches nothing', async () => {
    await firefox.reopenSidebar();
    expect(await clickInSidebar('Start notes for this episode')).toBe(true);
    await expect.poll(() => firefox.sidebarText(), { timeout: 5_000 }).toContain('Find transcript');
    // An automatic look would start as soon as the button shows; give it far longer.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(feedRequests()).toBe(0);
    expect(await cueCount()).toBe(0);
  });

  it('switched on in the library, the open sidebar finds the words without a click', async () => {
    // The library in a tab of its own, behind the episode's: the sidebar keeps showing that.
    await firefox.inBrowserWindow(`
      gBrowser.addTab(${JSON.stringify(LIBRARY_URL)}, {
        inBackground: true,
        triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal(),
      });
      return true;`);
    const checkSetting = () =>
      firefox.inBrowserWindow<boolean>(`
        const tab = gBrowser.tabs.find((t) => t.linkedBrowser.currentURI.spec.startsWith(
          ${JSON.stringify(LIBRARY_URL.split('#')[0])}));
        const doc = tab?.linkedBrowser.contentDocument;
        const label = [...(doc?.querySelectorAll('label') ?? [])]
          .find((l) => l.textContent.includes(${JSON.stringify(SETTING)}));
        const box = label?.querySelector('input[type=checkbox]') ?? label?.control;
        if (!box) return false;
        if (!box.checked) box.click();
        return box.checked;`);
    await expect.poll(checkSetting, { timeout: 10_000 }).toBe(true);

    // The feed's site and the files' site are both allowed already: it goes on to the words.
    await expect.poll(cueCount, { timeout: 10_000 }).toBe(9);
    expect(feedRequests()).toBe(1);
    expect(server.requests.filter((path) => /\.(vtt|srt|json)$/.test(path)).length).toBe(2);
  });
});
