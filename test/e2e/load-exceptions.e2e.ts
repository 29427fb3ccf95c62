/**
 * An episode page's load throws nothing in Earmark's content script (issue 16), in real
 * Chromium with the built extension. Detection runs at load on every episode page, and there
 * one caught exception is dear: the first one a content script's world threw cost 6–12 ms on
 * the Spotify page (`new URL('')` for an iframe's missing `data-src`), more than the rest of
 * detection's first run. The DevTools protocol pauses on every exception, caught or not, and
 * the test lists those thrown by the extension's own scripts.
 *
 * Saved real pages: Spotify and Apple Podcasts at their own addresses (fulfilled from memory,
 * page scripts off), the others from 127.0.0.1; nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  launchWithExtension,
  makeProfileDir,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from '../support/browser';
import { contentParts } from '../support/content-world';
import { fixturePath } from '../support/fixtures';
import { servePagesByAddress } from '../support/page-routes';
import { servePages, type PageServer } from '../support/server';

/** Pages served at their platform's own address, where that platform's adapter claims them. */
const AT_HOME: Record<string, string> = {
  'spotify-episode.html': 'https://open.spotify.com/episode/64TORH3xleuD1wcnFsrH1E',
  'apple-podcasts-episode-2025.html':
    'https://podcasts.apple.com/us/podcast/episode-251/id1550800132?i=1000730770603',
};

/** Saved pages whose start-up look passes from 127.0.0.1, so that detection runs on them. */
const OTHER_PAGES = [
  'acast-episode.html',
  'apple-podcasts-episode-2023.html',
  'npr-planet-money-episode.html',
  'overcast-episode.html',
  'show-site-simplecast-embed.html',
  'simplecast-site-episode.html',
  'transistor-share-episode.html',
];

let realPages: PageServer;
let profile: string;
let browser: ExtensionBrowser;

beforeAll(async () => {
  realPages = await servePages(fixturePath('pages'));
  profile = makeProfileDir();
  browser = await launchWithExtension(profile);
  const byAddress = new Map(
    Object.entries(AT_HOME).map(([file, url]) => [
      url,
      readFileSync(join(fixturePath('pages'), file), 'utf8'),
    ]),
  );
  await servePagesByAddress(
    browser,
    byAddress,
    (url) => url.startsWith(`${realPages.origin}/`) || url.startsWith('chrome-extension:'),
  );
});

afterAll(async () => {
  await browser?.close();
  await realPages?.close();
  if (profile) removeDir(profile);
});

/**
 * Loads `url` with the debugger pausing on every exception; returns those thrown in the
 * extension's scripts, as "message at function (file)", once the content script has run.
 */
async function exceptionsWhileLoading(url: string): Promise<{ page: Page; thrown: string[] }> {
  const page = await browser.context.newPage();
  const session = await browser.context.newCDPSession(page);
  const thrown: string[] = [];
  // A content script's frames carry no address; its scripts run in a world of their own
  // (not the page's default one), and on these pages no other extension has one.
  const contentScripts = new Set<string>();
  session.on('Debugger.scriptParsed', (event) => {
    const world = event.executionContextAuxData as { isDefault?: boolean } | undefined;
    if (world?.isDefault === false) contentScripts.add(event.scriptId);
  });
  session.on('Debugger.paused', (event) => {
    const frame = event.callFrames[0];
    if (frame && contentScripts.has(frame.location.scriptId)) {
      const data = event.data as { description?: string } | undefined;
      const message = data?.description?.split('\n')[0] ?? event.reason;
      thrown.push(`${message} at ${frame.functionName || '(anonymous)'}`);
    }
    void session.send('Debugger.resume').catch(() => undefined);
  });
  await session.send('Debugger.enable');
  await session.send('Debugger.setPauseOnExceptions', { state: 'all' });
  await page.goto(url, { waitUntil: 'load' });
  // The start-up script has looked and the badge is lit; then the popup's first question
  // (which tabIdFor asks every tab) has detection run, where the first look didn't already.
  const tabId = await tabIdFor(browser.worker, page.url());
  await expect.poll(() => badgeText(browser.worker, tabId), { timeout: 10_000 }).not.toBe('');
  await expect
    .poll(() => contentParts(page), { timeout: 10_000, message: url })
    .toMatchObject({ firstUse: true, watch: true });
  await session.detach();
  return { page, thrown };
}

describe('an episode page loading', () => {
  it.each(Object.entries(AT_HOME))(
    'throws nothing in the content script: %s at its own address',
    async (_file, url) => {
      const { page, thrown } = await exceptionsWhileLoading(url);
      expect(thrown).toEqual([]);
      await page.close();
    },
  );

  it('throws nothing in the content script on the other saved podcast pages', async () => {
    const thrown: string[] = [];
    for (const file of OTHER_PAGES) {
      const loaded = await exceptionsWhileLoading(`${realPages.origin}/${file}`);
      thrown.push(...loaded.thrown.map((line) => `${file}: ${line}`));
      await loaded.page.close();
    }
    expect(thrown).toEqual([]);
  });
});
