/**
 * The page pays nothing until the person acts (issue 16), in real Chromium with the built
 * extension: an episode page its first look is sure of (this one names its PodcastEpisode in
 * JSON-LD) runs only the start-up script, which lights the badge and listens for the first use;
 * detection comes with the popup's first question, and the rest (capture, confirmation,
 * floating button, highlights) with the first selection, key press or other question from the
 * extension, or at once on a page whose episode has saved quotes. Which parts run is read from
 * the content script's own world through the DevTools protocol.
 */
import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeText } from '../support/browser';
import { readClosedUi } from '../support/closed-shadow';
import { contentParts } from '../support/content-world';
import { toastText, useEpisodePages } from '../support/episode-pages';
import { selectText } from '../support/page-actions';

const QUOTE = 'A reading room has its own weather.';

const ONLY_START_UP = { firstUse: true, watch: false, main: false };
const THE_REST = { firstUse: false, watch: false, main: true };

const pages = useEpisodePages();
const { clearQuotes } = pages;
const storedQuotes = () => pages.storedQuotes<{ text: string }>();

/** The newest tab, from the service worker: found without asking the page anything. */
const newestTab = (worker: Worker) =>
  worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id ?? -1)));

/** Opens the episode page and waits until its badge is lit, asking the page nothing. */
async function openEpisode(path = 'episode.html'): Promise<Page> {
  const page = await pages.browser.context.newPage();
  await page.goto(`${pages.origin}/${path}`);
  const tabId = await newestTab(pages.browser.worker);
  await expect.poll(() => badgeText(pages.browser.worker, tabId), { timeout: 10_000 }).not.toBe('');
  await expect.poll(() => contentParts(page)).toEqual(ONLY_START_UP);
  return page;
}

describe('an episode page until the person acts', () => {
  it('runs only the start-up script: the badge from its first look, no detection, no capture tools', async () => {
    await clearQuotes();
    const page = await openEpisode();
    expect(await badgeText(pages.browser.worker, await newestTab(pages.browser.worker))).toBe('•');
    // Time for anything that would load by itself.
    await page.waitForTimeout(1_000);
    expect(await contentParts(page)).toEqual(ONLY_START_UP);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });

  it('adds the rest when words are selected; the floating button then shows by them', async () => {
    await clearQuotes();
    const page = await openEpisode();
    await selectText(page, QUOTE);

    await expect.poll(() => contentParts(page)).toEqual(THE_REST);
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
    expect(await contentParts(page)).toEqual(THE_REST);
    await page.close();
  });

  it("answers the extension's questions: what the page is, with detection alone; the rest through the rest", async () => {
    await clearQuotes();
    const page = await openEpisode();
    // The popup's first question (`page/read`), nothing selected: detection is added for it.
    const tabId = await newestTab(pages.browser.worker);
    const read = await pages.browser.worker.evaluate(
      (tab) => chrome.tabs.sendMessage(tab, { type: 'page/read' }),
      tabId,
    );
    expect(read).toMatchObject({
      ok: true,
      page: {
        url: page.url(),
        selection: null,
        detection: {
          kind: 'episode',
          episode: { title: 'Episode 7: The sound of a page turning' },
        },
      },
    });
    expect(await contentParts(page)).toEqual({ firstUse: true, watch: true, main: false });

    // Any other question (the side panel following the player) has the rest added for it.
    const reply = await pages.browser.worker.evaluate(
      (tab) => chrome.tabs.sendMessage(tab, { type: 'player/time' }),
      tabId,
    );
    expect(reply).toMatchObject({ ok: true });
    expect(await contentParts(page)).toEqual(THE_REST);
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
    expect(await contentParts(page)).toEqual(THE_REST);
    // The page's report (the badge) follows the frame that shows the highlights (issue 16).
    const tabId = await newestTab(pages.browser.worker);
    await expect.poll(() => badgeText(pages.browser.worker, tabId)).toBe('1');
    await page.close();
  });
});
