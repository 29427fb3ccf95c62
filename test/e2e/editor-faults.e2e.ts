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
import { serializeBackup } from '../../src/core/backup';
import { makeEpisode, makeQuote } from '../support/records';
import { PANEL_PATH } from '../support/side-panel';

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
  await editor.goto(`chrome-extension://${browser.extensionId}/${PANEL_PATH}?episode=${episodeId}`);
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

async function restore(library: Page, name: string, text: string): Promise<void> {
  await library.goto(`chrome-extension://${browser.extensionId}/${LIBRARY_PATH}#backup`);
  await library.getByLabel('Backup file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

describe('restoring a newer copy of an episode', () => {
  it('keeps every quote’s speaker among its participants, and says what changed in words', async () => {
    const library = await openLibrary();
    await expect
      .poll(() => extensionDb(library, { op: 'count', store: 'episodes' }))
      .not.toBeNull();
    const old = '2026-01-01T00:00:00.000Z';
    await extensionDb(library, {
      op: 'put',
      store: 'episodes',
      records: [
        makeEpisode('ep-restore', {
          title: 'Restored twice',
          participants: [
            { id: 'p-ann', name: 'Ann Lee', role: 'host' },
            { id: 'p-bo', name: 'Bo Chen', role: 'guest' },
          ],
          updatedAt: old,
        }),
      ],
    });
    await extensionDb(library, {
      op: 'put',
      store: 'quotes',
      records: [makeQuote('q-bo', 'ep-restore', { speakerId: 'p-bo', updatedAt: old })],
    });
    // A backup made on another machine, later: Bo Chen was removed there.
    const newer = makeEpisode('ep-restore', {
      title: 'Restored twice',
      participants: [{ id: 'p-ann', name: 'Ann Lee', role: 'host' }],
      updatedAt: '2026-02-01T00:00:00.000Z',
    });
    await restore(library, 'newer.json', serializeBackup({ episodes: [newer], quotes: [] }));

    const changes = library.getByRole('list', { name: 'What changed' });
    await expect.poll(() => changes.textContent()).toContain('replaced by the backup’s newer copy');
    expect(await changes.textContent()).toContain(
      'the speaker “Bo Chen” was not in the newer copy',
    );
    const stored = await extensionDb<{ participants: { id: string }[] }>(library, {
      op: 'get',
      store: 'episodes',
      key: 'ep-restore',
    });
    expect(stored!.participants.map((p) => p.id)).toContain('p-bo');
    await library.close();
  });
});

describe('a field bigger than Earmark keeps', () => {
  it('is refused with a message at restore, and nothing is written', async () => {
    const library = await openLibrary();
    await expect.poll(() => extensionDb(library, { op: 'count', store: 'quotes' })).not.toBeNull();
    const before = await extensionDb<number>(library, { op: 'count', store: 'quotes' });
    const episode = makeEpisode('ep-huge', { title: 'Huge note' });
    const huge = makeQuote('q-huge', 'ep-huge', { note: 'n'.repeat(300_000) });
    await restore(library, 'huge.json', serializeBackup({ episodes: [episode], quotes: [huge] }));
    await expect
      .poll(() => library.locator('.restore-report').textContent())
      .toContain('quotes[0].note');
    expect(await library.locator('.restore-report').textContent()).toContain(
      'the most Earmark keeps in one field',
    );
    expect(await extensionDb<number>(library, { op: 'count', store: 'quotes' })).toBe(before);
    await library.close();
  });

  it('is refused with a message in the editor, and the words stay in the field', async () => {
    const library = await openLibrary();
    await extensionDb(library, {
      op: 'put',
      store: 'episodes',
      records: [makeEpisode('ep-long', { title: 'Long summary' })],
    });
    const editor = await openEditor('ep-long', 'Long summary');
    const long = 'w'.repeat(250_000);
    await editor.getByLabel('Summary').fill(long);
    await editor.getByLabel('Summary').blur();
    await expect
      .poll(() => editor.locator('body').textContent())
      .toContain('one field holds at most');
    const stored = await extensionDb<{ summary: string }>(library, {
      op: 'get',
      store: 'episodes',
      key: 'ep-long',
    });
    expect(stored!.summary).toBe('');
    expect((await editor.getByLabel('Summary').inputValue()).length).toBe(250_000);
    await editor.close();
    await library.close();
  });
});
