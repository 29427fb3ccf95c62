/**
 * What a person does on an episode page, in Debian's firefox-esr with the Firefox build
 * installed: detection, capture by the page's key and by the floating button with the player's
 * time, the confirmation and its Undo, highlights drawn again after a reload, and a highlight
 * clicked while the sidebar is open. One Firefox for the whole file; the tests run in order and
 * build on each other's quotes, as one person's listening would.
 *
 * The extension's IndexedDB is not read directly here: a save is proven by what the person sees
 * (the confirmation with the time, the sidebar listing the quote, the highlight after a reload).
 * How the sidebar is reached, and the one way this Firefox differs from a person's, is in
 * test/support/firefox.ts. Alt+Shift+Q is typed into the page as real key events; whether
 * Firefox's own shortcut handling (the manifest's command) also sees them is not checked here:
 * both end in the same background capture (test/unit/background-app.test.ts). The context menu
 * can't be opened over BiDi.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/browser';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { clickClosedUiButton, readClosedUi } from '../support/firefox-page';
import { playAndSeekInPage, selectWordsInPage } from '../support/page-actions';
import { servePages, type PageServer } from '../support/server';

const KEY_QUOTE = 'A reading room has its own weather.';
const BUTTON_QUOTE = 'The silence before anyone notices me.';

let server: PageServer;
let firefox: FirefoxWithExtension;

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/pages-e2e'));
  firefox = await launchFirefox();
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const episodeUrl = () => `${server.origin}/episode.html`;
const toastText = async (page: Page) => (await readClosedUi(page, 'earmark-toast'))?.text ?? null;
/** The words Earmark highlights on the page (its CSS custom highlight). */
const highlighted = (page: Page) =>
  page.evaluate(() =>
    [...(CSS.highlights.get('earmark') ?? [])].map((range) => range.toString()).sort(),
  );
/** The quotes the sidebar lists, as "time text". */
const sidebarQuotes = () =>
  firefox.inSidebar<string[]>(`
    return [...(sidebar?.querySelectorAll('li.quote') ?? [])].map((row) =>
      [row.querySelector('.time')?.textContent, row.querySelector('blockquote')?.textContent]
        .join(' ').trim());`);

async function pressSaveKey(page: Page): Promise<void> {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyQ');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

describe('an episode page in Firefox', () => {
  let page: Page;

  it('is detected: the content script runs and the toolbar badge shows a dot', async () => {
    const plain = await firefox.openPage(`${server.origin}/article.html`);
    // A page that doesn't look like an episode gets no dot.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await firefox.badgeText()).toBe('');
    await plain.close();

    page = await firefox.openPage(episodeUrl());
    await expect.poll(() => firefox.badgeText(), { timeout: 10_000 }).toBe('•');
  });

  it('saves the selection with the player’s time when the person presses Alt+Shift+Q', async () => {
    await page.evaluate(playAndSeekInPage, 12.5);
    await page.evaluate(selectWordsInPage, KEY_QUOTE);

    await pressSaveKey(page);

    // Acknowledged in the page only once stored: the time, and the speaker the transcript named.
    await expect.poll(() => toastText(page)).toContain('Quote saved at 0:12 · Jonas Weber');
    await expect.poll(() => highlighted(page)).toEqual([KEY_QUOTE]);
    // The badge counts the episode's quotes.
    await expect.poll(() => firefox.badgeText()).toBe('1');
    await firefox.reopenSidebar();
    expect(await sidebarQuotes()).toEqual([`0:12 ${KEY_QUOTE}`]);
  });

  it('takes the quote back when the person presses Undo in the confirmation', async () => {
    await clickClosedUiButton(page, 'earmark-toast', 'Undo');

    await expect.poll(() => toastText(page)).toContain('Quote removed.');
    await expect.poll(() => highlighted(page)).toEqual([]);
    await firefox.reopenSidebar();
    expect(await sidebarQuotes()).toEqual([]);
  });

  it('saves with the floating "Save quote" button, at the player’s time', async () => {
    await page.evaluate(playAndSeekInPage, 42);
    await page.focus('#search');
    await page.evaluate(selectWordsInPage, BUTTON_QUOTE);
    await expect
      .poll(async () => (await readClosedUi(page, 'earmark-save-button'))?.text)
      .toBe('Save quote');

    await clickClosedUiButton(page, 'earmark-save-button', 'Save quote');

    await expect.poll(() => toastText(page)).toContain('Quote saved at 0:42');
    // Pressing the button moved neither the focus nor the selection.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(BUTTON_QUOTE);
    await firefox.reopenSidebar();
    expect(await sidebarQuotes()).toEqual([`0:42 ${BUTTON_QUOTE}`]);
  });

  it('draws saved quotes again after a reload, from what was stored', async () => {
    // The key is the page's while a field has the focus: leave the search field first.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.evaluate(selectWordsInPage, KEY_QUOTE);
    await pressSaveKey(page);
    await expect.poll(() => firefox.badgeText()).toBe('2');

    await page.reload();

    await expect.poll(() => highlighted(page)).toEqual([KEY_QUOTE, BUTTON_QUOTE].sort());
    await expect.poll(() => firefox.badgeText()).toBe('2');
  });

  it('shows a clicked highlight’s quote in the open sidebar', async () => {
    await firefox.reopenSidebar();
    const box = await page.evaluate((wanted) => {
      const range = [...CSS.highlights.get('earmark')!].find((r) => r.toString() === wanted)!;
      (range as Range).startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = (range as Range).getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, BUTTON_QUOTE);

    await page.mouse.click(box.x, box.y);

    // The quote's row has the focus in the sidebar: scrolled to, outlined, announced.
    await expect
      .poll(() =>
        firefox.inSidebar<string | null>(
          `return sidebar?.activeElement?.closest('li.quote')?.querySelector('blockquote')?.textContent ?? null;`,
        ),
      )
      .toBe(BUTTON_QUOTE);
    // The click was the page's too: nothing selected.
    expect(await page.evaluate(() => getSelection()!.isCollapsed)).toBe(true);
  });
});
