/**
 * "Look for transcripts automatically" in real Chromium with the built extension (issue 13):
 * off (the default), opening the side panel on an episode page fetches nothing; switched on in
 * the library's settings while the side panel is open, the side panel finds the episode in the
 * feed the page names, and its transcript and chapters, without a click or being opened again.
 * The feed and its files are served from 127.0.0.1, which the manifest grants: no prompt is
 * needed.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../support/browser';
import { extensionDb } from '../support/extension-db';
import type { PageServer } from '../support/server';
import { openTranscriptPanel, type TranscriptPanelSetup } from '../support/transcript-panel';

const LIBRARY_PATH = 'src/ui/library/index.html';
const FOUND = '“Episode 7: Words in the feed” (found by its audio file)';

let opened: TranscriptPanelSetup | undefined;
let server: PageServer;
let browser: ExtensionBrowser;
let panel: Page;

beforeAll(async () => {
  opened = await openTranscriptPanel();
  ({ server, browser, panel } = opened);
});

afterAll(() => opened?.close());

const feedRequests = () => server.requests.filter((path) => path === '/feed.xml').length;

describe('looking for transcripts automatically', () => {
  it('is off at first: the side panel offers “Find transcript” and fetches nothing', async () => {
    await panel.getByRole('button', { name: 'Start notes for this episode' }).click();
    await panel.getByRole('button', { name: 'Find transcript' }).waitFor();
    // An automatic look would start as soon as the button shows (the feed is on 127.0.0.1 and
    // answers in milliseconds); give it far longer than that to be sure none is made.
    await panel.waitForTimeout(1_500);
    expect(feedRequests()).toBe(0);
    expect(await panel.locator('.transcript').textContent()).not.toContain(FOUND);
  });

  it('switched on in the library, finds the episode and its words without a click', async () => {
    const library = await browser.context.newPage();
    await library.goto(`chrome-extension://${browser.extensionId}/${LIBRARY_PATH}#settings`);
    await library.getByRole('checkbox', { name: 'Look for transcripts automatically' }).check();
    await expect
      .poll(async () => {
        const stored = await extensionDb<{ value: { findTranscriptsAutomatically?: boolean } }>(
          library,
          { op: 'get', store: 'meta', key: 'settings' },
        );
        return stored?.value.findTranscriptsAutomatically;
      })
      .toBe(true);
    await library.close();

    // The side panel stayed open on the same episode page: it follows the setting at once,
    // without being opened again and without a click in it.
    // The feed's site and the files' site are both allowed already: it goes on to the words.
    await expect.poll(() => panel.locator('.cue').count()).toBe(9);
    expect(feedRequests()).toBe(1);
    expect(server.requests.filter((path) => /\.(vtt|srt|json)$/.test(path)).length).toBe(2);
  });
});
