/**
 * The page pays nothing until the person acts (issue 16), in real Chromium with the built
 * extension: an episode page runs only the content script's watch part; the rest (capture,
 * confirmation, floating button, highlights) comes with the first selection, key press or
 * question from the extension, or at once on a page whose episode has saved quotes. Which
 * parts run is read from the content script's own world through the DevTools protocol.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeText, tabIdFor } from '../support/browser';
import { readClosedUi } from '../support/closed-shadow';
import { contentParts } from '../support/content-world';
import { toastText, useEpisodePages } from '../support/episode-pages';
import { selectText } from '../support/page-actions';

const QUOTE = 'A reading room has its own weather.';

const pages = useEpisodePages();
const { clearQuotes } = pages;
const storedQuotes = () => pages.storedQuotes<{ text: string }>();

/** The newest tab, from the service worker: found without asking the page anything. */
const newestTab = (worker: Worker) =>
  worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));

/** Opens the episode page and waits until its badge says "episode", asking the page nothing. */
async function openEpisode(path = 'episode.html'): Promise<Page> {
  const page = await pages.browser.context.newPage();
  await page.goto(`${pages.origin}/${path}`);
  const tabId = await newestTab(pages.browser.worker);
  await expect.poll(() => badgeText(pages.browser.worker, tabId), { timeout: 10_000 }).not.toBe('');
  await expect.poll(() => contentParts(page)).toEqual({ watch: true, main: false });
  return page;
}

describe('an episode page until the person acts', () => {
  it('runs only detection and the watch part: the badge, no capture tools', async () => {
    await clearQuotes();
    const page = await openEpisode();
    expect(await badgeText(pages.browser.worker, await newestTab(pages.browser.worker))).toBe('•');
    // Time for anything that would load by itself.
    await page.waitForTimeout(1_000);
    expect(await contentParts(page)).toEqual({ watch: true, main: false });
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });

  it('adds the rest when words are selected; the floating button then shows by them', async () => {
    await clearQuotes();
    const page = await openEpisode();
    await selectText(page, QUOTE);

    await expect.poll(() => contentParts(page)).toEqual({ watch: false, main: true });
    await expect
      .poll(async () => (await readClosedUi(page, 'earmark-save-button'))?.text)
      .toBe('Save quote');
    await page.close();
  });

  it('saves and confirms a capture key pressed at once after selecting on a fresh page', async () => {
    await clearQuotes();
    const page = await openEpisode();
    // No pause: the key arrives while the rest of the content script is still being added.
    await selectText(page, QUOTE);
    await page.keyboard.press('Alt+Shift+KeyQ');

    await expect.poll(() => toastText(page)).toContain('Quote saved');
    expect(await storedQuotes()).toEqual([expect.objectContaining({ text: QUOTE })]);
    expect(await contentParts(page)).toEqual({ watch: false, main: true });
    await page.close();
  });

  it("answers the extension's questions: what the page is itself, the rest through the rest", async () => {
    await clearQuotes();
    const page = await openEpisode();
    // The popup's first question (`page/read`), nothing selected: the watch part answers.
    const tabId = await tabIdFor(pages.browser.worker, page.url());
    expect(tabId).toBe(await newestTab(pages.browser.worker));
    expect(await contentParts(page)).toEqual({ watch: true, main: false });

    // Any other question (the side panel following the player) has the rest added for it.
    const reply = await pages.browser.worker.evaluate(
      (tab) => chrome.tabs.sendMessage(tab, { type: 'player/time' }),
      tabId,
    );
    expect(reply).toMatchObject({ ok: true });
    expect(await contentParts(page)).toEqual({ watch: false, main: true });
    await page.close();
  });

  it('adds everything at once where the episode has saved quotes, and draws them', async () => {
    await clearQuotes();
    const first = await openEpisode();
    await selectText(first, QUOTE);
    await first.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => storedQuotes()).toHaveLength(1);
    await first.close();

    const page = await pages.browser.context.newPage();
    await page.goto(`${pages.origin}/episode.html`);
    await expect
      .poll(() =>
        page.evaluate(() => [...(CSS.highlights.get('earmark') ?? [])].map((r) => `${r}`)),
      )
      .toEqual([QUOTE]);
    // Drawn with no use of the page: the background sent all of it for the saved quote.
    expect(await contentParts(page)).toEqual({ watch: false, main: true });
    // The page's report (the badge) follows the frame that shows the highlights (issue 16).
    const tabId = await newestTab(pages.browser.worker);
    await expect.poll(() => badgeText(pages.browser.worker, tabId)).toBe('1');
    await page.close();
  });
});
