/**
 * Issue 18: only the person saves, and the page can't hide Earmark's UI. The page here is an
 * attacker: its script fakes the person's keys, hides or covers the in-page UI, and puts decoys
 * under it. Real Chromium, the built extension, real (trusted) mouse and keys for the person.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { episodeIdForUrl } from '../../src/core/episode';
import { clickClosedUiButton, readClosedUi } from '../support/closed-shadow';
import { toastText, useEpisodePages } from '../support/episode-pages';
import { extensionDb } from '../support/extension-db';
import { selectText } from '../support/page-actions';

const JONAS = 'A reading room has its own weather.';
const MIRA = 'And what do you record first, when you walk into one?';
const BUTTON_QUOTE = 'The silence before anyone notices me.';

const pages = useEpisodePages();
const { openEpisode, clearQuotes } = pages;

interface StoredQuote {
  id: string;
  text: string;
  speakerId: string | null;
}
interface StoredEpisode {
  id: string;
  participants: { id: string; name: string; role: string }[];
}

const storedQuotes = () => pages.storedQuotes<StoredQuote>();

/** Adds a paragraph of unique words at the end of the page and selects it. */
async function selectNewWords(page: Page, words: string): Promise<void> {
  await page.evaluate((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    document.body.append(p);
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }, words);
}

describe('only the person saves', () => {
  it('saves nothing for keys a page script dispatches', async () => {
    await clearQuotes();
    const page = await openEpisode();
    await selectText(page, JONAS);
    await page.evaluate(() => {
      for (let i = 0; i < 20; i++) {
        const init = { code: 'KeyQ', key: 'Q', altKey: true, shiftKey: true, bubbles: true };
        document.body.dispatchEvent(new KeyboardEvent('keydown', init));
        window.dispatchEvent(new KeyboardEvent('keydown', init));
      }
    });
    await page.waitForTimeout(1_500);
    expect(await storedQuotes()).toEqual([]);
    expect(await toastText(page)).toBeNull();
    // The person's own press still saves.
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => storedQuotes()).toHaveLength(1);
    await page.close();
  });

  it('refuses captures from one tab beyond a human rate, with a message that keeps the text', async () => {
    await clearQuotes();
    const page = await openEpisode();
    // Ten quick saves are allowed (a person can be fast); the eleventh in 30 s is refused.
    for (let i = 1; i <= 10; i++) {
      await selectNewWords(page, `Quick quote number ${i} of the rate test.`);
      await page.keyboard.press('Alt+Shift+KeyQ');
      await expect.poll(() => storedQuotes()).toHaveLength(i);
    }
    const eleventh = 'Quick quote number 11 of the rate test.';
    await selectNewWords(page, eleventh);
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => toastText(page)).toContain('Wait a moment, then save again');
    expect(await toastText(page)).toContain(eleventh);
    await page.waitForTimeout(300);
    expect(await storedQuotes()).toHaveLength(10);
    await page.close();
  });

  it('adds no more participants by guessing once an episode has fifty', async () => {
    await clearQuotes();
    const page = await openEpisode();
    await selectText(page, JONAS);
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => toastText(page)).toContain('Jonas Weber');
    const id = episodeIdForUrl(`${pages.origin}/episode.html`);
    const episode = await extensionDb<StoredEpisode>(pages.browser.worker, {
      op: 'get',
      store: 'episodes',
      key: id,
    });
    const fifty = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      name: `Voice ${i}`,
      role: 'guest',
    }));
    await extensionDb(pages.browser.worker, {
      op: 'put',
      store: 'episodes',
      records: [{ ...episode, participants: fifty }],
    });

    // Mira Okafor's <cite> label is not among them: she would be added as a 51st.
    await selectText(page, MIRA);
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => storedQuotes()).toHaveLength(2);
    const after = await extensionDb<StoredEpisode>(pages.browser.worker, {
      op: 'get',
      store: 'episodes',
      key: id,
    });
    expect(after!.participants).toHaveLength(50);
    const mira = (await storedQuotes()).find((q) => q.text === MIRA);
    expect(mira!.speakerId).toBeNull();
    await page.close();
  });
});

describe("the page can't hide Earmark's UI", () => {
  /** A page script that waits for an Earmark element and does `act` to it once. */
  async function onEarmarkElement(page: Page, tag: string, act: string): Promise<void> {
    await page.evaluate(
      ([wanted, code]) => {
        const run = new Function('host', code!) as (host: HTMLElement) => void;
        new MutationObserver(() => {
          const host = document.querySelector<HTMLElement>(wanted!);
          if (host && !host.dataset.done) {
            host.dataset.done = '1';
            run(host);
          }
        }).observe(document.documentElement, { childList: true });
      },
      [tag, act],
    );
  }

  it('keeps the floating button visible when the page makes it transparent', async () => {
    await clearQuotes();
    const page = await openEpisode();
    await onEarmarkElement(
      page,
      'earmark-save-button',
      `host.style.setProperty('opacity', '0', 'important');`,
    );
    await selectText(page, BUTTON_QUOTE);
    await expect
      .poll(async () => (await readClosedUi(page, 'earmark-save-button'))?.text)
      .toBe('Save quote');
    await page.waitForTimeout(100);
    expect(
      await page.evaluate(
        () => getComputedStyle(document.querySelector('earmark-save-button')!).opacity,
      ),
    ).toBe('1');
    await page.close();
  });

  it('saves nothing when the person clicks a decoy the page laid over the button', async () => {
    await clearQuotes();
    const page = await openEpisode();
    // A "Play next episode" button, drawn over Earmark's, that lets clicks through to it.
    await onEarmarkElement(
      page,
      'earmark-save-button',
      `const decoy = document.createElement('div');
       decoy.textContent = 'Play next episode';
       const box = host.getBoundingClientRect();
       decoy.style.cssText = 'position:fixed;z-index:2147483647;pointer-events:none;' +
         'background:#0a0;color:#fff;left:' + (box.left - 20) + 'px;top:' + (box.top - 10) +
         'px;width:200px;height:60px';
       setTimeout(() => document.documentElement.append(decoy), 50);`,
    );
    await selectText(page, BUTTON_QUOTE);
    await expect
      .poll(async () => (await readClosedUi(page, 'earmark-save-button'))?.text)
      .toBe('Save quote');
    await page.waitForTimeout(400);
    await clickClosedUiButton(page, 'earmark-save-button', 'Save quote');
    await page.waitForTimeout(1_000);
    expect(await storedQuotes()).toEqual([]);
    await page.close();
  });

  it('keeps the confirmation shown when the page hides it, and Undo needs it visible', async () => {
    await clearQuotes();
    const page = await openEpisode();
    await onEarmarkElement(
      page,
      'earmark-toast',
      `host.style.setProperty('display', 'none', 'important');`,
    );
    await selectText(page, JONAS);
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => toastText(page)).toContain('Quote saved');
    await page.waitForTimeout(100);
    expect(
      await page.evaluate(() => getComputedStyle(document.querySelector('earmark-toast')!).display),
    ).toBe('block');

    // Now the page covers it with a decoy and the person clicks the decoy: Undo stays undone.
    await page.evaluate(() => {
      const box = document.querySelector('earmark-toast')!.getBoundingClientRect();
      const decoy = document.createElement('div');
      decoy.style.cssText =
        'position:fixed;z-index:2147483647;pointer-events:none;background:#fff;' +
        `left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px`;
      document.documentElement.append(decoy);
    });
    await page.waitForTimeout(400);
    await clickClosedUiButton(page, 'earmark-toast', 'Undo');
    await page.waitForTimeout(1_000);
    expect(await storedQuotes()).toHaveLength(1);
    await page.close();
  });
});
