/**
 * The transcript panel in real Chromium with the built extension (issue 13): an episode page
 * served from 127.0.0.1 names its feed; the person opens the panel and asks for the transcript;
 * the cues show with speakers and follow the player; words selected in the panel are saved with
 * their cue's time and speaker; the feed's chapters and people are offered and accepted; the
 * export shows them. Also writes docs/transcript-panel.png, the README's picture of the panel.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tabIdFor, type ExtensionBrowser } from '../support/browser';
import { extensionDb } from '../support/extension-db';
import { playAndSeek } from '../support/page-actions';
import type { PageServer } from '../support/server';
import { PANEL_PATH } from '../support/side-panel';
import { openTranscriptPanel, type TranscriptPanelSetup } from '../support/transcript-panel';

let opened: TranscriptPanelSetup | undefined;
let server: PageServer;
let browser: ExtensionBrowser;
let page: Page;
let panel: Page;

beforeAll(async () => {
  opened = await openTranscriptPanel();
  ({ server, browser, page, panel } = opened);
});

afterAll(() => opened?.close());

interface StoredQuote {
  text: string;
  timeSec: number | null;
  speakerId: string | null;
  sectionId: string | null;
}
interface StoredEpisode {
  participants: { id: string; name: string; role: string }[];
  sections: { id: string; heading: string }[];
}

describe('the transcript panel', () => {
  it('finds the feed the page names, the episode in it, and shows the cues with speakers', async () => {
    await panel.getByRole('button', { name: 'Start notes for this episode' }).click();
    await panel.getByRole('button', { name: 'Find transcript' }).click();
    await expect
      .poll(() => panel.locator('.transcript').textContent())
      .toContain('“Episode 7: Words in the feed” (found by its audio file)');
    await panel.getByRole('button', { name: 'Get transcript and chapters' }).click();
    await expect.poll(() => panel.locator('.cue').count()).toBe(9);
    expect(await panel.locator('.cue').nth(2).innerText()).toMatch(
      /^0:17\s+Sam Rivera\s+Thanks, Ada\. A transcript in the feed travels with the show to every app\.$/,
    );
    const stored = await extensionDb<{ transcript: { url: string; format: string } }>(panel, {
      op: 'getAll',
      store: 'episodeWords',
    });
    expect(stored).toMatchObject([
      { transcript: { url: `${server.origin}/episode.vtt`, format: 'vtt' } },
    ]);
  });

  it('follows the page’s player', async () => {
    await playAndSeek(page, 30);
    await expect
      .poll(() => panel.locator('.cue.current').textContent(), { timeout: 5_000 })
      .toContain('Listeners can search it');
    await playAndSeek(page, 61);
    await expect
      .poll(() => panel.locator('.cue.current').textContent(), { timeout: 5_000 })
      .toContain('Let us talk about who reads them');
  });

  it('saves selected words with the cue’s time and speaker, and marks them', async () => {
    // The player is at 1:01; the words are from the cue at 0:46.
    await panel.evaluate(() => {
      const text = document.querySelectorAll('.cue')[5]!.querySelector('.cue-text')!.firstChild!;
      const at = text.textContent!.indexOf('the table of contents');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'the table of contents'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await panel.getByRole('button', { name: 'Save selected words' }).click();
    await expect
      .poll(() => panel.locator('.cue mark.saved').textContent())
      .toBe('the table of contents');
    const [quote] = (await extensionDb<StoredQuote[]>(panel, { op: 'getAll', store: 'quotes' }))!;
    expect(quote).toMatchObject({ text: 'the table of contents', timeSec: 46 });
    const [episode] = (await extensionDb<StoredEpisode[]>(panel, {
      op: 'getAll',
      store: 'episodes',
    }))!;
    expect(episode!.participants.find((p) => p.id === quote!.speakerId)?.name).toBe('Sam Rivera');
    // The editor below shows the quote by its speaker at once, from the save's answer.
    const row = panel.locator('.quotes li', { hasText: 'the table of contents' });
    await expect
      .poll(() =>
        row.getByLabel('Speaker').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text),
      )
      .toBe('Sam Rivera (Guest)');
    // On the next visit the words are still marked in the panel.
    await panel.reload();
    await expect
      .poll(() => panel.locator('.cue mark.saved').textContent())
      .toBe('the table of contents');
  });

  it('offers the feed’s chapters and people, adds them when accepted, and the export shows them', async () => {
    const offers = panel.locator('.feed-offers');
    await expect.poll(() => offers.textContent()).toContain('The feed’s chapters (3)');
    expect(await offers.textContent()).not.toContain('Cover art');
    // Sam is a participant already (the quote's speaker): only the others are offered.
    expect(await offers.locator('li').allTextContents()).toEqual([
      '0:00 Welcome',
      '0:17 Transcripts in the feed',
      '0:58 Who reads them',
      'Ada Park (host)',
      'Lee Chen (producer)',
    ]);
    // After the reload too, the panel finds where the player is (1:01).
    await expect
      .poll(() => panel.locator('.cue.current').textContent(), { timeout: 5_000 })
      .toContain('Let us talk about who reads them');
    await panel.screenshot({ path: join(REPO_ROOT, 'docs/transcript-panel.png') });
    await panel.getByRole('button', { name: 'Add as sections' }).click();
    await panel.getByRole('button', { name: 'Add as participants' }).click();
    await expect.poll(() => panel.locator('.feed-offers').count()).toBe(0);

    const [episode] = (await extensionDb<StoredEpisode[]>(panel, {
      op: 'getAll',
      store: 'episodes',
    }))!;
    expect(episode!.sections.map((s) => s.heading)).toEqual([
      'Welcome',
      'Transcripts in the feed',
      'Who reads them',
    ]);
    expect(episode!.participants.map((p) => [p.name, p.role])).toEqual([
      ['Sam Rivera', 'guest'],
      ['Ada Park', 'host'],
      ['Lee Chen', 'other'],
    ]);
    const [quote] = (await extensionDb<StoredQuote[]>(panel, { op: 'getAll', store: 'quotes' }))!;
    // 0:46 is in "Transcripts in the feed" (0:17–0:58).
    expect(quote!.sectionId).toBe(episode!.sections[1]!.id);

    const [download] = await Promise.all([
      panel.waitForEvent('download'),
      panel.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    const markdown = await readFile((await download.path())!, 'utf8');
    const text = toString(fromMarkdown(markdown));
    for (const words of [
      'Transcripts in the feed',
      'Who reads them',
      'Ada Park',
      'Lee Chen',
      'Sam Rivera',
      'the table of contents',
    ]) {
      expect(text).toContain(words);
    }
    expect(markdown.indexOf('Transcripts in the feed')).toBeLessThan(
      markdown.indexOf('the table of contents'),
    );
  });
});

describe('a feed the person pastes', () => {
  /** A new tab at `file` and the side panel beside it, with notes started for its episode. */
  async function panelBeside(file: string): Promise<{ tab: Page; side: Page }> {
    const tab = await browser.context.newPage();
    const url = `${server.origin}/${file}`;
    await tab.goto(url);
    const id = await tabIdFor(browser.worker, url);
    const side = await browser.context.newPage();
    await side.goto(`chrome-extension://${browser.extensionId}/${PANEL_PATH}?tab=${id}`);
    await side.getByRole('button', { name: 'Start notes for this episode' }).click();
    await side.getByLabel('Feed address:').waitFor();
    return { tab, side };
  }

  it('is remembered for the show: its next episode offers it, until the person forgets it', async () => {
    const feedUrl = `${server.origin}/feed.xml`;
    const first = await panelBeside('no-feed-8.html');
    expect(await first.side.locator('.transcript').textContent()).toContain(
      'This page names no feed for its show',
    );
    await first.side.getByLabel('Feed address:').fill(feedUrl);
    await first.side.getByRole('button', { name: 'Look in this feed' }).click();
    await expect
      .poll(() => first.side.locator('.transcript').textContent())
      .toContain('“Episode 8: Next week” (found by its audio file)');
    await expect
      .poll(() => extensionDb(first.side, { op: 'get', store: 'meta', key: 'showFeeds' }))
      .toEqual({ key: 'showFeeds', value: [['the open feed show', feedUrl]] });
    await first.side.close();
    await first.tab.close();

    // Another episode of the show, on a page that names no feed either: the pasted one is offered.
    const second = await panelBeside('no-feed-9.html');
    const offered = second.side.locator('.transcript p', {
      hasText: '(the feed you gave for The Open Feed Show)',
    });
    await expect.poll(() => offered.textContent()).toContain(feedUrl);
    await expect
      .poll(() => second.side.getByRole('button', { name: 'Find transcript' }).count())
      .toBe(1);
    await offered.getByRole('button', { name: 'Forget' }).click();
    await expect.poll(() => offered.count()).toBe(0);
    expect(await second.side.getByRole('button', { name: 'Find transcript' }).count()).toBe(0);
    expect(await extensionDb(second.side, { op: 'get', store: 'meta', key: 'showFeeds' })).toEqual({
      key: 'showFeeds',
      value: [],
    });
    await second.side.close();
    await second.tab.close();
  });
});
