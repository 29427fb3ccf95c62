/**
 * The page pays nothing until the person acts (issue 16), in real Chromium with the built
 * extension: an episode page runs only the content script's watch part; the rest (capture,
 * confirmation, floating button, highlights) comes with the first selection, key press or
 * question from the extension, or at once on a page whose episode has saved quotes. Which
 * parts run is read from the content script's own world through the DevTools protocol.
 */
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  badgeText,
  launchWithExtension,
  makeProfileDir,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from '../support/browser';
import { readClosedUi } from '../support/closed-shadow';
import { contentParts } from '../support/content-world';
import { extensionDb } from '../support/extension-db';
import { selectText } from '../support/page-actions';
import { servePages, type PageServer } from '../support/server';

const QUOTE = 'A reading room has its own weather.';

let server: PageServer;
let profile: string;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/pages-e2e'));
  profile = makeProfileDir();
  browser = await launchWithExtension(profile);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeDir(profile);
});

const storedQuotes = async (worker: Worker) =>
  (await extensionDb<{ text: string }[]>(worker, { op: 'getAll', store: 'quotes' })) ?? [];
const clearQuotes = (worker: Worker) => extensionDb(worker, { op: 'clear', store: 'quotes' });

/** The newest tab, from the service worker: found without asking the page anything. */
const newestTab = (worker: Worker) =>
  worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));

/** Opens the episode page and waits until its badge says "episode", asking the page nothing. */
async function openEpisode(path = 'episode.html'): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/${path}`);
  const tabId = await newestTab(browser.worker);
  await expect.poll(() => badgeText(browser.worker, tabId), { timeout: 10_000 }).not.toBe('');
  await expect.poll(() => contentParts(page)).toEqual({ watch: true, main: false });
  return page;
}

const toastText = async (page: Page) => (await readClosedUi(page, 'earmark-toast'))?.text ?? null;

describe('an episode page until the person acts', () => {
  it('runs only detection and the watch part: the badge, no capture tools', async () => {
    await clearQuotes(browser.worker);
    const page = await openEpisode();
    expect(await badgeText(browser.worker, await newestTab(browser.worker))).toBe('•');
    // Time for anything that would load by itself.
    await page.waitForTimeout(1_000);
    expect(await contentParts(page)).toEqual({ watch: true, main: false });
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });

  it('adds the rest when words are selected; the floating button then shows by them', async () => {
    await clearQuotes(browser.worker);
    const page = await openEpisode();
    await selectText(page, QUOTE);

    await expect.poll(() => contentParts(page)).toEqual({ watch: false, main: true });
    await expect
      .poll(async () => (await readClosedUi(page, 'earmark-save-button'))?.text)
      .toBe('Save quote');
    await page.close();
  });

  it('saves and confirms a capture key pressed at once after selecting on a fresh page', async () => {
    await clearQuotes(browser.worker);
    const page = await openEpisode();
    // No pause: the key arrives while the rest of the content script is still being added.
    await selectText(page, QUOTE);
    await page.keyboard.press('Alt+Shift+KeyQ');

    await expect.poll(() => toastText(page)).toContain('Quote saved');
    expect(await storedQuotes(browser.worker)).toEqual([expect.objectContaining({ text: QUOTE })]);
    expect(await contentParts(page)).toEqual({ watch: false, main: true });
    await page.close();
  });

  it("answers the extension's questions: what the page is itself, the rest through the rest", async () => {
    await clearQuotes(browser.worker);
    const page = await openEpisode();
    // The popup's first question (`page/read`), nothing selected: the watch part answers.
    const tabId = await tabIdFor(browser.worker, page.url());
    expect(tabId).toBe(await newestTab(browser.worker));
    expect(await contentParts(page)).toEqual({ watch: true, main: false });

    // Any other question (the side panel following the player) has the rest added for it.
    const reply = await browser.worker.evaluate(
      (tab) => chrome.tabs.sendMessage(tab, { type: 'player/time' }),
      tabId,
    );
    expect(reply).toMatchObject({ ok: true });
    expect(await contentParts(page)).toEqual({ watch: false, main: true });
    await page.close();
  });

  it('adds everything at once where the episode has saved quotes, and draws them', async () => {
    await clearQuotes(browser.worker);
    const first = await openEpisode();
    await selectText(first, QUOTE);
    await first.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => storedQuotes(browser.worker)).toHaveLength(1);
    await first.close();

    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/episode.html`);
    await expect
      .poll(() =>
        page.evaluate(() => [...(CSS.highlights.get('earmark') ?? [])].map((r) => `${r}`)),
      )
      .toEqual([QUOTE]);
    // Drawn with no use of the page: the background sent all of it for the saved quote.
    expect(await contentParts(page)).toEqual({ watch: false, main: true });
    expect(await badgeText(browser.worker, await newestTab(browser.worker))).toBe('1');
    await page.close();
  });
});
