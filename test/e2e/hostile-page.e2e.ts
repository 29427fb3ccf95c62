/**
 * Issue 18: only the person saves, and the page can't hide Earmark's UI. The page here is an
 * attacker: its script fakes the person's keys, hides or covers the in-page UI, and puts decoys
 * under it. Real Chromium, the built extension, real (trusted) mouse and keys for the person.
 */
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { episodeIdForUrl } from '../../src/core/episode';
import {
  REPO_ROOT,
  launchWithExtension,
  makeProfileDir,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from '../support/browser';
import { clickClosedUiButton, readClosedUi } from '../support/closed-shadow';
import { extensionDb } from '../support/extension-db';
import { selectText } from '../support/page-actions';
import { servePages, type PageServer } from '../support/server';

const JONAS = 'A reading room has its own weather.';
const MIRA = 'And what do you record first, when you walk into one?';
const BUTTON_QUOTE = 'The silence before anyone notices me.';

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

interface StoredQuote {
  id: string;
  text: string;
  speakerId: string | null;
}
interface StoredEpisode {
  id: string;
  participants: { id: string; name: string; role: string }[];
}

const storedQuotes = async (worker: Worker) =>
  (await extensionDb<StoredQuote[]>(worker, { op: 'getAll', store: 'quotes' })) ?? [];
const clearQuotes = (worker: Worker) => extensionDb(worker, { op: 'clear', store: 'quotes' });
const toastText = async (page: Page) => (await readClosedUi(page, 'earmark-toast'))?.text ?? null;

async function openEpisode(): Promise<Page> {
  const page = await browser.context.newPage();
  const url = `${server.origin}/episode.html`;
  await page.goto(url);
  await tabIdFor(browser.worker, url);
  return page;
}

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
    await clearQuotes(browser.worker);
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
    expect(await storedQuotes(browser.worker)).toEqual([]);
    expect(await toastText(page)).toBeNull();
    // The person's own press still saves.
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => storedQuotes(browser.worker)).toHaveLength(1);
    await page.close();
  });

  it('refuses captures from one tab beyond a human rate, with a message that keeps the text', async () => {
    await clearQuotes(browser.worker);
    const page = await openEpisode();
    // Ten quick saves are allowed (a person can be fast); the eleventh in 30 s is refused.
    for (let i = 1; i <= 10; i++) {
      await selectNewWords(page, `Quick quote number ${i} of the rate test.`);
      await page.keyboard.press('Alt+Shift+KeyQ');
      await expect.poll(() => storedQuotes(browser.worker)).toHaveLength(i);
    }
    const eleventh = 'Quick quote number 11 of the rate test.';
    await selectNewWords(page, eleventh);
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => toastText(page)).toContain('Wait a moment, then save again');
    expect(await toastText(page)).toContain(eleventh);
    await page.waitForTimeout(300);
    expect(await storedQuotes(browser.worker)).toHaveLength(10);
    await page.close();
  });

  it('adds no more participants by guessing once an episode has fifty', async () => {
    await clearQuotes(browser.worker);
    const page = await openEpisode();
    await selectText(page, JONAS);
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => toastText(page)).toContain('Jonas Weber');
    const id = episodeIdForUrl(`${server.origin}/episode.html`);
    const episode = await extensionDb<StoredEpisode>(browser.worker, {
      op: 'get',
      store: 'episodes',
      key: id,
    });
    const fifty = Array.from({ length: 50 }, (_, i) => ({
      id: `p${i}`,
      name: `Voice ${i}`,
      role: 'guest',
    }));
    await extensionDb(browser.worker, {
      op: 'put',
      store: 'episodes',
      records: [{ ...episode, participants: fifty }],
    });

    // Mira Okafor's <cite> label is not among them: she would be added as a 51st.
    await selectText(page, MIRA);
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => storedQuotes(browser.worker)).toHaveLength(2);
    const after = await extensionDb<StoredEpisode>(browser.worker, {
      op: 'get',
      store: 'episodes',
      key: id,
    });
    expect(after!.participants).toHaveLength(50);
    const mira = (await storedQuotes(browser.worker)).find((q) => q.text === MIRA);
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
    await clearQuotes(browser.worker);
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
    await clearQuotes(browser.worker);
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
    expect(await storedQuotes(browser.worker)).toEqual([]);
    await page.close();
  });

  it('keeps the confirmation shown when the page hides it, and Undo needs it visible', async () => {
    await clearQuotes(browser.worker);
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
    expect(await storedQuotes(browser.worker)).toHaveLength(1);
    await page.close();
  });
});
