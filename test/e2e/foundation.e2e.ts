/**
 * The user's whole path in real Chromium with the built extension: open an episode page, play
 * and seek, highlight, save from the popup, restart the browser, find everything again, export.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Heading, Link, Root } from 'mdast';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REPO_ROOT,
  badgeText,
  launchWithExtension,
  makeProfileDir,
  popupUrl,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from '../support/browser';
import { playAndSeek, selectText } from '../support/page-actions';
import { extensionDb } from '../support/extension-db';
import { servePages, type PageServer } from '../support/server';

const QUOTE = 'Write down the words that surprised you, not the words that agreed with you.';
const TWO_CENTS = 'The haystack line is the one I will remember.';

let server: PageServer;
let profile: string;
let browser: ExtensionBrowser | null = null;

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/demo'));
  profile = makeProfileDir();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeDir(profile);
});

async function openEpisode(b: ExtensionBrowser): Promise<{ page: Page; tabId: number }> {
  const page = await b.context.newPage();
  const url = `${server.origin}/episode.html`;
  await page.goto(url);
  const tabId = await tabIdFor(b.worker, url);
  return { page, tabId };
}

describe('foundation: detect, capture, store, export in real Chromium', () => {
  it('marks the episode page with a badge', async () => {
    browser = await launchWithExtension(profile);
    const { page, tabId } = await openEpisode(browser);
    await expect.poll(() => badgeText(browser!.worker, tabId), { timeout: 10_000 }).toBe('•');
    await page.close();
  });

  it('saves the selection with the playback time from the page player', async () => {
    const { page, tabId } = await openEpisode(browser!);
    // Play, then seek to 1:02.5 and pause there, so the saved time is known exactly.
    await playAndSeek(page, 62.5);
    await selectText(page, QUOTE);

    const popup = await browser!.context.newPage();
    await popup.setViewportSize({ width: 380, height: 420 });
    await popup.goto(popupUrl(browser!.extensionId, tabId));
    await expect
      .poll(() => popup.locator('h1').textContent())
      .toBe('Episode 12: Listening with a pen in hand');
    expect(await popup.locator('.show').textContent()).toBe('The Margin Notes Podcast');
    await expect.poll(() => popup.locator('.empty').count()).toBe(1);

    await popup.getByRole('button', { name: 'Save selection as quote' }).click();
    await expect.poll(() => popup.locator('.notice').textContent()).toBe('Saved at 1:02.');
    await expect.poll(() => popup.locator('.quote blockquote').allTextContents()).toEqual([QUOTE]);
    expect(await popup.locator('.quote .time').textContent()).toBe('1:02');
    await expect.poll(() => badgeText(browser!.worker, tabId)).toBe('1');

    // The stored record holds the exact time and an anchor with context either side.
    const stored = await extensionDb<unknown[]>(popup, { op: 'getAll', store: 'quotes' });
    expect(stored).toHaveLength(1);
    expect(stored![0]).toMatchObject({
      text: QUOTE,
      timeSec: 62.5,
      anchor: { quote: { exact: QUOTE, prefix: expect.stringContaining('Exactly. ') } },
    });

    // My 2 cents is on the popup's Overview tab.
    await popup.getByRole('tab', { name: 'Overview' }).click();
    await popup.getByLabel('My 2 cents').fill(TWO_CENTS);
    // Each field has its own save status; this is My 2 cents' one.
    await expect.poll(() => popup.locator('#two-cents-status').textContent()).toBe('Saved');
    await popup.screenshot({ path: join(REPO_ROOT, 'test-results/popup.png') });
  });

  it('keeps the quote and my 2 cents across a browser restart, and exports Markdown', async () => {
    await browser!.close();
    browser = await launchWithExtension(profile);
    const { tabId } = await openEpisode(browser);
    const popup = await browser.context.newPage();
    await popup.goto(popupUrl(browser.extensionId, tabId));
    await expect.poll(() => popup.locator('.quote blockquote').allTextContents()).toEqual([QUOTE]);
    expect(await popup.getByLabel('My 2 cents').inputValue()).toBe(TWO_CENTS);
    await expect.poll(() => badgeText(browser!.worker, tabId)).toBe('1');

    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'The Margin Notes Podcast - Episode 12 - Listening with a pen in hand.md',
    );
    const markdown = await readFile((await download.path())!, 'utf8');
    await expect.poll(() => popup.locator('.notice').textContent()).toContain('copied');
    // The browser's clipboard, read back from an ordinary page that may read it.
    await browser.context.grantPermissions(['clipboard-read'], { origin: server.origin });
    const reader = await browser.context.newPage();
    await reader.goto(`${server.origin}/episode.html`);
    expect(await reader.evaluate(() => navigator.clipboard.readText())).toBe(markdown);

    const tree: Root = fromMarkdown(markdown);
    const h1 = tree.children.find((n): n is Heading => n.type === 'heading' && n.depth === 1);
    expect(toString(h1)).toBe('Podcast Episode Overview: Episode 12: Listening with a pen in hand');
    const links: Link[] = [];
    const visit = (node: { type: string; children?: unknown[] }) => {
      if (node.type === 'link') links.push(node as Link);
      for (const child of node.children ?? []) visit(child as { type: string });
    };
    visit(tree);
    expect(links.map((l) => l.url)).toContain(`${server.origin}/episode.html`);
    expect(links.map((l) => l.url)).toContain(`${server.origin}/episode.html#t=62`);
    expect(links.find((l) => l.url.endsWith('#t=62'))).toMatchObject({
      children: [{ type: 'text', value: '1:02' }],
    });
    const text = toString(tree);
    expect(text).toContain(QUOTE);
    expect(text).toContain(TWO_CENTS);
  });
});
