/**
 * The moment of listening, in real Chromium with the built extension (issue 19): a passage
 * saved twice is offered, not stored twice; the popup's first screen at 400×600 holds the last
 * quotes and the newest note; checkboxes sit in their labels' rows; and the popup, the side
 * panel and the library, light and dark, are photographed into docs/screenshots/ (the README
 * shows them) and checked by axe-core, colour contrast included.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  launchWithExtension,
  makeProfileDir,
  popupUrl,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from '../support/browser';
import { clickClosedUiButton, readClosedUi } from '../support/closed-shadow';
import { extensionDb } from '../support/extension-db';
import { playAndSeek, selectText } from '../support/page-actions';
import { servePages, type PageServer } from '../support/server';
import { PANEL_PATH } from '../support/side-panel';

const SCREENSHOTS = join(REPO_ROOT, 'docs/screenshots');
const LIBRARY_PATH = 'src/ui/library/index.html';

/** Four moments of the demo episode, saved in this order. */
const MOMENTS = [
  { at: 9.5, text: 'Most of what we hear is gone by the next morning' },
  { at: 31, text: 'So the note is less a record than a hook for memory?' },
  { at: 36, text: 'Write down the words that surprised you, not the words that agreed with you.' },
  { at: 66, text: 'a haystack; with them it is an index.' },
];

let server: PageServer;
let profile: string;
let browser: ExtensionBrowser;
let episodeUrl: string;
let page: Page;
let tabId: number;

interface StoredQuote {
  id: string;
  text: string;
  note: string;
}

const storedQuotes = async (worker: Worker) =>
  (await extensionDb<StoredQuote[]>(worker, { op: 'getAll', store: 'quotes' })) ?? [];
const toastText = async (on: Page) => (await readClosedUi(on, 'earmark-toast'))?.text ?? null;

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/demo'));
  profile = makeProfileDir();
  browser = await launchWithExtension(profile);
  episodeUrl = `${server.origin}/episode.html`;
  page = await browser.context.newPage();
  await page.goto(episodeUrl);
  tabId = await tabIdFor(browser.worker, episodeUrl);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeDir(profile);
});

async function openView(
  path: string | null,
  options: { scheme?: 'light' | 'dark'; width?: number; height?: number } = {},
): Promise<Page> {
  const view = await browser.context.newPage();
  await view.emulateMedia({ colorScheme: options.scheme ?? 'light' });
  await view.setViewportSize({ width: options.width ?? 400, height: options.height ?? 600 });
  const [file, hash] = (path ?? '').split('#');
  const url = path
    ? `chrome-extension://${browser.extensionId}/${file}?tab=${tabId}${hash ? `#${hash}` : ''}`
    : popupUrl(browser.extensionId, tabId);
  await view.goto(url);
  return view;
}

/** axe-core in the page as it is drawn: every rule, colour contrast included. */
async function axeViolations(view: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: an extension page's CSP allows no inline script.
  await view.evaluate(axe.source);
  return view.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return results.violations.flatMap((v) =>
      v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${v.help}`),
    );
  });
}

describe('saving while listening', () => {
  it('saves the same selection once, and offers the quote saved before', async () => {
    const [first] = MOMENTS;
    await playAndSeek(page, first!.at);
    await selectText(page, first!.text);
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => storedQuotes(browser.worker)).toHaveLength(1);
    await expect.poll(() => toastText(page)).toContain('Quote saved at 0:09');
    // The selection is still there, but the floating button won't offer it again.
    await page.waitForTimeout(400);
    expect(await readClosedUi(page, 'earmark-save-button')).toBeNull();

    // The key again, on the same words: said, not saved.
    await page.keyboard.press('Alt+Shift+KeyQ');
    await expect.poll(() => toastText(page)).toContain('Already saved, at 0:09');
    expect((await readClosedUi(page, 'earmark-toast'))!.buttons.map((b) => b.label)).toEqual([
      'Open it',
      'Close',
    ]);
    expect(await storedQuotes(browser.worker)).toHaveLength(1);

    // The popup's button too: it says so and shows that quote instead.
    const popup = await openView(null);
    await popup.getByRole('button', { name: 'Save selection as quote' }).click();
    await expect.poll(() => popup.locator('.notice').textContent()).toContain('Already saved');
    await popup.getByRole('button', { name: 'Show it' }).click();
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.closest('li')?.textContent ?? ''))
      .toContain(first!.text);
    expect(await storedQuotes(browser.worker)).toHaveLength(1);
    await popup.close();

    // "Open it" in the page's confirmation opens the side panel at that quote (ADR 0006).
    await clickClosedUiButton(page, 'earmark-toast', 'Open it');
    await expect.poll(() => toastText(page)).toBeNull();
  });

  it('shows at least the last three quotes and the newest note on the popup’s first screen', async () => {
    for (const moment of MOMENTS.slice(1)) {
      await playAndSeek(page, moment.at);
      await selectText(page, moment.text);
      await page.keyboard.press('Alt+Shift+KeyQ');
      await expect.poll(() => toastText(page)).toContain('Quote saved');
    }
    expect(await storedQuotes(browser.worker)).toHaveLength(MOMENTS.length);

    const popup = await openView(null);
    const rows = popup.locator('.quote');
    await expect.poll(() => rows.count()).toBe(MOMENTS.length);
    const fold = 600;
    const lastThree = MOMENTS.slice(-3).reverse();
    for (const [index, moment] of lastThree.entries()) {
      const row = rows.nth(index);
      expect(await row.locator('blockquote').textContent()).toBe(moment.text);
      const box = (await row.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(fold);
    }
    const note = rows.first().getByLabel('My note');
    const noteBox = (await note.boundingBox())!;
    expect(noteBox.y + noteBox.height).toBeLessThanOrEqual(fold);
    expect(await popup.evaluate(() => window.scrollY)).toBe(0);

    // Alt+N from anywhere: the newest quote's note, ready for typing.
    await popup.getByRole('tab', { name: 'Overview' }).click();
    await popup.keyboard.press('Alt+KeyN');
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('aria-keyshortcuts')))
      .toBe('Alt+N');
    await popup.keyboard.type('The line the whole episode hangs on.');
    await expect
      .poll(async () => (await storedQuotes(browser.worker)).map((q) => q.note))
      .toContain('The line the whole episode hangs on.');
    await popup.close();
  });
});

describe('the library’s checkboxes', () => {
  /** Each checkbox with the box of its label's words, in CSS pixels. */
  async function checkboxesAndWords(view: Page) {
    return view.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => {
        const label = box.closest('label');
        const range = document.createRange();
        if (label) {
          const words = [...label.childNodes].filter(
            (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
          );
          range.setStartBefore(words[0]!);
          range.setEndAfter(words[words.length - 1]!);
        } else {
          // A row's checkbox named by aria-label: its words are the row's first line.
          range.selectNodeContents(box.parentElement!.querySelector('a, p')!);
        }
        const text = range.getClientRects()[0]!;
        const b = box.getBoundingClientRect();
        return {
          name: label?.textContent?.trim() ?? box.getAttribute('aria-label'),
          box: { top: b.top, bottom: b.bottom, right: b.right },
          words: { top: text.top, bottom: text.bottom, left: text.left },
        };
      }),
    );
  }

  it('draws every checkbox within its label’s row, just before its words', async () => {
    const library = await openView(LIBRARY_PATH, { width: 1100, height: 800 });
    await library.locator('.episode-row').first().waitFor();
    const settings = await openView(`${LIBRARY_PATH}#settings`, { width: 1100, height: 800 });
    await settings.getByRole('checkbox').first().waitFor();
    const found = [...(await checkboxesAndWords(library)), ...(await checkboxesAndWords(settings))];
    expect(found.length).toBeGreaterThanOrEqual(4);
    for (const { name, box, words } of found) {
      const middle = (box.top + box.bottom) / 2;
      expect(middle, `${name}: box beside the first line`).toBeGreaterThanOrEqual(words.top);
      expect(middle, `${name}: box beside the first line`).toBeLessThanOrEqual(words.bottom);
      expect(words.left - box.right, `${name}: box next to its words`).toBeGreaterThanOrEqual(0);
      expect(words.left - box.right, `${name}: box next to its words`).toBeLessThanOrEqual(16);
    }
    await library.close();
    await settings.close();
  });
});

describe('every view, light and dark', () => {
  it('is photographed for the README and has no axe violations', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const views = [
      { name: 'popup', path: null, width: 400, height: 600 },
      { name: 'side-panel', path: PANEL_PATH, width: 400, height: 800 },
      { name: 'library', path: LIBRARY_PATH, width: 1000, height: 600 },
    ];
    const problems: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const { name, path, width, height } of views) {
        const view = await openView(path, { scheme, width, height });
        await view
          .locator(name === 'library' ? '.episode-row' : '.quote')
          .first()
          .waitFor();
        // The parts loaded after the first frame (the popup's overview, the panel's details).
        if (name !== 'library') await view.getByLabel('My 2 cents').waitFor({ state: 'attached' });
        await view.screenshot({ path: join(SCREENSHOTS, `${name}-${scheme}.png`) });
        problems.push(...(await axeViolations(view)).map((v) => `${name} ${scheme}: ${v}`));
        if (name === 'popup') {
          await view.getByRole('tab', { name: 'Overview' }).click();
          problems.push(
            ...(await axeViolations(view)).map((v) => `popup overview ${scheme}: ${v}`),
          );
        }
        await view.close();
      }
    }
    expect(problems).toEqual([]);
  });

  it('fits at 200% zoom: nothing runs off the side of the side panel or the library', async () => {
    // Browser zoom halves the CSS pixels a window has: a 640 px side panel, a 1100 px tab.
    for (const [path, width] of [
      [PANEL_PATH, 320],
      [LIBRARY_PATH, 550],
      [`${LIBRARY_PATH}#settings`, 550],
    ] as const) {
      const view = await openView(path, { width, height: 400 });
      await view.locator('h1').first().waitFor();
      await view.waitForTimeout(300);
      const overflow = await view.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      await view.close();
    }
  });
});
