/**
 * Saved quotes come back as highlights on the next visit, in real Chromium with the built
 * extension: drawn with the CSS Custom Highlight API (the page's DOM is untouched), found again
 * when the page's text changed a little, reported as orphans when their passage is gone, drawn
 * late when the transcript loads late, and followed through single-page navigation.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HighlightsReply } from '../../src/messages/schemas';
import {
  REPO_ROOT,
  launchWithExtension,
  makeProfileDir,
  popupUrl,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from '../support/browser';
import { playAndSeek, selectText } from '../support/page-actions';
import { extensionDb } from '../support/extension-db';
import { sidePanelUrls, waitForSidePanel } from '../support/side-panel';
import { servePages, type PageServer } from '../support/server';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/pages-e2e');
const QUOTE = 'A reading room has its own weather.';

let server: PageServer;
let pagesDir: string;
let profile: string;
let browser: ExtensionBrowser;

beforeAll(async () => {
  // A copy the tests can edit between visits, as a site edits its pages.
  pagesDir = mkdtempSync(join(tmpdir(), 'earmark-pages-'));
  cpSync(FIXTURES, pagesDir, { recursive: true });
  server = await servePages(pagesDir);
  profile = makeProfileDir();
  browser = await launchWithExtension(profile);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeDir(profile);
  removeDir(pagesDir);
});

/** Rewrites a served page: `edit` gets the fixture's original HTML. */
function editPage(name: string, edit: (html: string) => string): void {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  const edited = edit(html);
  if (edited === html) throw new Error(`the edit changed nothing in ${name}`);
  writeFileSync(join(pagesDir, name), edited);
}

function restorePage(name: string): void {
  cpSync(join(FIXTURES, name), join(pagesDir, name));
}

/** The text of each range Earmark registered as its highlight, as the page itself sees it. */
function highlighted(target: Page | Frame): Promise<string[]> {
  return target.evaluate(() =>
    [...(CSS.highlights.get('earmark') ?? [])].map((range) =>
      range.toString().replace(/\s+/g, ' ').trim(),
    ),
  );
}

async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  const url = `${server.origin}/${path}`;
  await page.goto(url);
  return { page, tabId: await tabIdFor(browser.worker, url) };
}

/** Saves the words as a quote through the page's own key, and waits for the confirmation. */
async function saveQuote(page: Page, text: string): Promise<void> {
  await selectText(page, text);
  await page.keyboard.press('Alt+Shift+KeyQ');
  await expect.poll(() => highlighted(page)).toContain(text);
  await page.evaluate(() => getSelection()?.removeAllRanges());
}

/** What the last highlight pass in a tab found, asked the way the popup would ask. */
async function highlightStatus(tabId: number): Promise<HighlightsReply | null> {
  const popup = await browser.context.newPage();
  await popup.goto(popupUrl(browser.extensionId, tabId));
  const reply = await popup.evaluate(
    (tab) => chrome.runtime.sendMessage({ type: 'highlights/status', tabId: tab }),
    tabId,
  );
  await popup.close();
  expect(reply).toMatchObject({ ok: true });
  return (reply as { status: HighlightsReply | null }).status;
}

const HIGHLIGHT_COLOUR = 'rgba(250, 204, 21, 0.45)';

/** The colour a highlight gets in a document, and how many sheets were adopted into it. */
function highlightStyle(target: Page | Frame): Promise<{ colour: string; adopted: number }> {
  return target.evaluate(() => ({
    colour: getComputedStyle(document.body, '::highlight(earmark)').backgroundColor,
    adopted: document.adoptedStyleSheets.length,
  }));
}

/** Where a person would click on the (one) drawn highlight. */
function highlightCentre(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const range = [...CSS.highlights.get('earmark')!][0] as Range;
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
}

async function storedQuoteIds(worker: Worker): Promise<string[]> {
  return (await extensionDb<string[]>(worker, { op: 'getAllKeys', store: 'quotes' })) ?? [];
}

describe('highlights that come back', () => {
  it('adds nothing to a page whose episode has no saved quotes', async () => {
    const { page } = await open('episode.html');
    // Time for the content script to report the page and hear back.
    await page.waitForTimeout(1_000);
    expect(
      await page.evaluate(() => ({
        highlights: CSS.highlights.size,
        sheets: document.adoptedStyleSheets.length,
        rootChildren: [...document.documentElement.children].map((e) => e.localName),
      })),
    ).toEqual({ highlights: 0, sheets: 0, rootChildren: ['head', 'body'] });
    await page.close();
  });

  it('draws a saved quote again on the next visit without changing the page', async () => {
    const { page } = await open('episode.html');
    await playAndSeek(page, 21.5);
    await saveQuote(page, QUOTE);
    const before = await page.evaluate(() => document.body.innerHTML);

    await page.reload();

    await expect.poll(() => highlighted(page)).toEqual([QUOTE]);
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before);
    // Coloured by the manifest's sheet, there since before the page was first styled: no
    // sheet added now, which would restyle every element of the page (issue 16).
    expect(await highlightStyle(page)).toEqual({ colour: HIGHLIGHT_COLOUR, adopted: 0 });
    await page.close();
  });

  it('opens the quote in the side panel when the person clicks its highlight', async () => {
    const { page } = await open('episode.html');
    await expect.poll(() => highlighted(page)).toEqual([QUOTE]);
    expect(await sidePanelUrls(browser.context, browser.extensionId)).toEqual([]);
    const box = await highlightCentre(page);

    await page.mouse.click(box.x, box.y);

    const panel = await waitForSidePanel(browser.context, browser.extensionId);
    try {
      // The quote's row has the focus: scrolled to, outlined, announced.
      const focusedQuote = `document.activeElement?.closest('li.quote')?.querySelector('blockquote')?.textContent ?? null`;
      await expect.poll(() => panel.evaluate<string | null>(focusedQuote)).toBe(QUOTE);
      // The click was the page's too: nothing prevented, nothing selected.
      expect(await page.evaluate(() => getSelection()!.isCollapsed)).toBe(true);
    } finally {
      await panel.detach();
    }
    await page.close();
  });

  it('plays from the quote when the person Alt+clicks its highlight', async () => {
    const { page } = await open('episode.html');
    await expect.poll(() => highlighted(page)).toEqual([QUOTE]);
    const box = await highlightCentre(page);

    await page.mouse.click(box.x, box.y);
    expect(await page.evaluate(() => document.querySelector('audio')!.currentTime)).toBe(0);
    await page.keyboard.down('Alt');
    await page.mouse.click(box.x, box.y);
    await page.keyboard.up('Alt');

    await expect
      .poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime))
      .toBe(21.5);
    await page.close();
  });

  it('finds the quote again when the page text changed a little', async () => {
    editPage('episode.html', (html) =>
      html
        .replace('<h2>Transcript</h2>', '<h2>Transcript</h2>\n<p>Edited for clarity.</p>')
        .replace(
          'A reading room has its own weather.',
          'A  reading\n room has its very own weather.',
        ),
    );
    const { page } = await open('episode.html');

    await expect
      .poll(() => highlighted(page))
      .toEqual(['A reading room has its very own weather.']);
    restorePage('episode.html');
    await page.close();
  });

  it('reports a quote whose passage is gone as an orphan, and keeps it', async () => {
    editPage('episode.html', (html) =>
      html.replace(/A reading room has its own weather\.[^<]*/, 'This answer was cut.'),
    );
    const ids = await storedQuoteIds(browser.worker);
    const { page, tabId } = await open('episode.html');

    await expect.poll(async () => (await highlightStatus(tabId))?.orphans).toEqual(ids);
    expect(await highlighted(page)).toEqual([]);
    expect(await storedQuoteIds(browser.worker)).toEqual(ids);
    restorePage('episode.html');
    await page.close();
  });

  it('draws a quote in a transcript that loads after the page', async () => {
    const late = 'Then the highlight has to wait for the words before it can find them.';
    const { page } = await open('late.html');
    await page.getByText(late).waitFor();
    await saveQuote(page, late);

    await page.reload();
    expect(await highlighted(page)).toEqual([]);
    await page.getByText(late).waitFor();

    await expect.poll(() => highlighted(page), { timeout: 5_000 }).toEqual([late]);
    await page.close();
  });

  it('follows single-page navigation: each episode shows its own quotes', async () => {
    const line = 'A player app swaps the whole page without ever loading a new one.';
    const { page } = await open('spa.html');
    await saveQuote(page, line);

    await page.evaluate(() =>
      (window as unknown as { openEpisode(id: number): void }).openEpisode(10),
    );
    await expect.poll(() => highlighted(page)).toEqual([]);

    await page.goBack();
    await expect.poll(() => highlighted(page)).toEqual([line]);
    await page.close();
  });

  it('highlights a quote saved after pushState at once, without a reload (issue 18)', async () => {
    const { page } = await open('spa.html');
    await page.evaluate(() =>
      (window as unknown as { openEpisode(id: number): void }).openEpisode(10),
    );
    // saveQuote waits for the new quote's highlight on the page as it is now.
    await saveQuote(page, 'The next episode has entirely different words in its transcript.');
    await page.close();
  });

  it('keeps and draws quotes from a transcript in a same-origin frame', async () => {
    const words = 'As long as it comes from the same site, the words can be kept.';
    const { page, tabId } = await open('framed.html');
    const frame = page.frames().find((f) => f.url().endsWith('/transcript-frame.html'))!;
    await frame.getByText(words).waitFor();
    await frame.evaluate((wanted) => {
      const p = [...document.querySelectorAll('p')].find((e) => e.textContent!.includes(wanted))!;
      const text = p.lastChild as Text;
      const at = text.data.indexOf(wanted);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + wanted.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    }, words);

    // The popup's "Save selection" path: the page's own key stays in the frame.
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser.extensionId, tabId));
    const reply = await popup.evaluate(
      (tab) => chrome.runtime.sendMessage({ type: 'capture/save', tabId: tab }),
      tabId,
    );
    expect(reply).toMatchObject({ ok: true, quote: { text: words } });
    await popup.close();

    await expect.poll(() => highlighted(frame)).toEqual([words]);
    await page.reload();
    const reloaded = page.frames().find((f) => f.url().endsWith('/transcript-frame.html'))!;
    await expect.poll(() => highlighted(reloaded)).toEqual([words]);
    // The manifest's sheet is in the top document only: the frame gets the colour adopted.
    expect(await highlightStyle(reloaded)).toEqual({ colour: HIGHLIGHT_COLOUR, adopted: 1 });
    await page.close();
  });
});
