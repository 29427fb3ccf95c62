/**
 * Capture from the page itself, in real Chromium with the built extension: the in-page key,
 * the floating button, and the confirmation with Undo. The browser shortcut and the context
 * menu can't be triggered from Playwright; they run the same background function as the
 * page's key (test/unit/background-app.test.ts shows that).
 */
import { describe, expect, it } from 'vitest';
import { popupUrl } from '../support/browser';
import { clickClosedUiButton, readClosedUi } from '../support/closed-shadow';
import { toastText, useEpisodePages } from '../support/episode-pages';
import { playAndSeek, selectText } from '../support/page-actions';

const KEY_QUOTE = 'A reading room has its own weather.';
const BUTTON_QUOTE = 'The silence before anyone notices me.';

const pages = useEpisodePages();
const { openEpisode, clearQuotes } = pages;

interface StoredQuote {
  id: string;
  text: string;
  timeSec: number | null;
  speakerId: string | null;
  anchor: unknown;
}

const storedQuotes = () => pages.storedQuotes<StoredQuote>();

describe('capture from the page', () => {
  it('saves the selection with its time when the person presses Alt+Shift+Q in the page', async () => {
    await clearQuotes();
    const page = await openEpisode();
    await playAndSeek(page, 12.5);
    await selectText(page, KEY_QUOTE);

    await page.keyboard.press('Alt+Shift+KeyQ');

    await expect.poll(() => storedQuotes()).toHaveLength(1);
    const [quote] = await storedQuotes();
    expect(quote).toMatchObject({ text: KEY_QUOTE, timeSec: 12.5 });
    // Acknowledged in the page only once stored: the confirmation names the time and the
    // speaker the transcript's <cite> label gave.
    await expect.poll(() => toastText(page)).toContain('Quote saved at 0:12 · Jonas Weber');
    await page.close();
  });

  it('leaves the key to the page when nothing is selected', async () => {
    await clearQuotes();
    const page = await openEpisode();
    await page.evaluate(() => getSelection()?.removeAllRanges());
    await page.keyboard.press('Alt+Shift+KeyQ');
    await page.waitForTimeout(500);
    expect(await storedQuotes()).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys),
    ).toContain('KeyQ');
    expect(await toastText(page)).toBeNull();
    await page.close();
  });

  it('offers a floating "Save quote" button by a selection that saves it without taking focus', async () => {
    await clearQuotes();
    const page = await openEpisode();
    expect(await readClosedUi(page, 'earmark-save-button')).toBeNull();
    await page.focus('#search');
    await selectText(page, BUTTON_QUOTE);

    await expect
      .poll(async () => (await readClosedUi(page, 'earmark-save-button'))?.text)
      .toBe('Save quote');
    // The page's own keys still reach the page while the button shows.
    await page.keyboard.press('KeyJ');
    expect(
      await page.evaluate(() => (window as unknown as { pageKeys: string[] }).pageKeys),
    ).toContain('KeyJ');

    await clickClosedUiButton(page, 'earmark-save-button', 'Save quote');

    await expect.poll(() => storedQuotes()).toHaveLength(1);
    expect((await storedQuotes())[0]).toMatchObject({ text: BUTTON_QUOTE });
    await expect.poll(() => toastText(page)).toContain('Quote saved');
    // Pressing the button moved neither the focus nor the selection.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(BUTTON_QUOTE);
    await expect.poll(() => readClosedUi(page, 'earmark-save-button')).toBeNull();
    await page.close();
  });

  it('saves words selected inside a web component (a shadow root) too', async () => {
    await clearQuotes();
    const page = await openEpisode();
    const words = 'Words a web component shows in its shadow root.';
    // Chromium reports such a selection with its ends inside the shadow root.
    await page.evaluate((text) => {
      const host = document.createElement('div');
      document.body.append(host);
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.append(document.createTextNode(text));
      getSelection()!.setBaseAndExtent(shadow.firstChild!, 0, shadow.firstChild!, text.length);
    }, words);

    await page.keyboard.press('Alt+Shift+KeyQ');

    await expect.poll(() => toastText(page)).toContain('Quote saved');
    const [quote] = await storedQuotes();
    // Nothing in the page's own text to find it by: kept without an anchor, not as a lost one.
    expect(quote).toMatchObject({ text: words, anchor: null });
    await page.close();
  });

  it('takes the quote back when the person presses Undo in the confirmation', async () => {
    await clearQuotes();
    const page = await openEpisode();
    await selectText(page, KEY_QUOTE);
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => toastText(page)).toContain('Quote saved');
    await expect.poll(() => storedQuotes()).toHaveLength(1);

    await clickClosedUiButton(page, 'earmark-toast', 'Undo');

    await expect.poll(() => toastText(page)).toContain('Quote removed.');
    await expect.poll(() => storedQuotes()).toEqual([]);
    // The highlight drawn for the saved quote goes with it.
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('earmark')?.size ?? 0)).toBe(0);
    await page.close();
  });

  it('says why when a selection is too long, and keeps its text to copy', async () => {
    await clearQuotes();
    const page = await openEpisode();
    const long = await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'long';
      p.textContent = 'word '.repeat(1_500).trim();
      document.body.append(p);
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return p.textContent;
    });

    await page.keyboard.press('Alt+Shift+KeyQ');

    await expect.poll(() => toastText(page)).toContain('characters long');
    const toast = await readClosedUi(page, 'earmark-toast');
    expect(toast!.text).toContain(long.slice(0, 200));
    expect(toast!.buttons.map((b) => b.label)).toEqual(['Copy text', 'Close']);
    expect(await storedQuotes()).toEqual([]);
    await page.close();
  });
});

describe('capture from the popup on a page Earmark had not loaded into', () => {
  it('adds the full content script from the popup, reads the page and saves the selection', async () => {
    await clearQuotes();
    const page = await pages.browser.context.newPage();
    const url = `${pages.origin}/article.html`;
    await page.goto(url);
    // No player or podcast metadata: the start-up script did not ask for the full script, so
    // no content script answers; the host permission still shows the extension the tab's URL.
    const tabId = await pages.browser.worker.evaluate(async (wanted) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((tab) => tab.url === wanted)?.id ?? null;
    }, url);
    expect(tabId).not.toBeNull();
    await selectText(page, 'A quiet room is a kind of agreement between strangers.');

    const popup = await pages.browser.context.newPage();
    await popup.goto(popupUrl(pages.browser.extensionId, tabId!));

    await expect.poll(() => popup.locator('h1').textContent()).toBe('Notes on quiet rooms');
    await popup.getByRole('button', { name: 'Save selection as quote' }).click();
    await expect
      .poll(() => popup.locator('.quote blockquote').allTextContents())
      .toEqual(['A quiet room is a kind of agreement between strangers.']);
    expect(await storedQuotes()).toHaveLength(1);
    await popup.close();
    await page.close();
  });
});
