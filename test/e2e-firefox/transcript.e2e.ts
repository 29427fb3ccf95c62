/**
 * The transcript panel (issue 13) in Firefox's sidebar, with the Firefox build installed in
 * Debian's firefox-esr: an episode page served from 127.0.0.1 names its feed; the person opens
 * the sidebar beside it, asks for the transcript, sees the cues with speakers, the cue being
 * heard follows the page's player, and words selected in a cue are saved as a quote with the
 * cue's start time and speaker; the feed's chapters and people are offered and accepted; a
 * click on a cue's time moves the page's player there; the episode's Markdown export, downloaded
 * as a person's Firefox saves it and read back with a Markdown parser, has the chapters as
 * sections and the people with their roles. The steps test/e2e/transcript.e2e.ts takes in
 * Chromium.
 *
 * Then a feed the person pastes, on another site at a plain http address: Firefox's default
 * policy for MV3 extension pages (`upgrade-insecure-requests`) turned it into https, and the
 * fetch failed ("could not be reached"), until the manifest declared its own policy. That test
 * fails without it. (127.0.0.1, where the other fixtures are, is exempt from the upgrade.)
 *
 * How the sidebar is reached, and the one way this Firefox differs from a person's, is in
 * test/support/firefox.ts.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Heading, List, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, removeDir } from '../support/browser';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { playAndSeekInPage } from '../support/page-actions';
import { servePages, type PageServer } from '../support/server';

/** Not loopback by name, so Firefox treats it as any other site (127.0.0.1 is exempt). */
const FEED_HOST = 'feeds.earmark.test';

let server: PageServer;
let firefox: FirefoxWithExtension;
let page: Page;
/** Where this Firefox saves downloads (the export), without asking, as a person may set it. */
let downloads: string;

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/words'));
  downloads = mkdtempSync(join(tmpdir(), 'earmark-firefox-downloads-'));
  firefox = await launchFirefox({
    prefs: {
      // Another site for the feed, at a plain http address: a name this Firefox finds at 127.0.0.1.
      'network.dns.localDomains': FEED_HOST,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  page = await firefox.openPage(`${server.origin}/episode.html`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
  if (downloads) removeDir(downloads);
});

/**
 * Presses the sidebar's button labelled `label` as a person does: scrolled into view, then the
 * mouse pressed and released at its place, with the same event synthesis WebDriver BiDi uses for
 * a page's `input.performActions` (which refuses the browser's own window). False when no such
 * button shows.
 */
const press = (label: string) =>
  firefox.inSidebar<boolean>(`
    const button = [...(sidebar?.querySelectorAll('button') ?? [])]
      .find((b) => b.textContent.trim() === ${JSON.stringify(label)});
    if (!button || button.disabled) return false;
    button.scrollIntoView({ block: 'center' });
    const box = button.getBoundingClientRect();
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    if (!button.contains(sidebar.elementFromPoint(x, y))) return false;
    const { event } = ChromeUtils.importESModule(
      'chrome://remote/content/shared/webdriver/Event.sys.mjs',
    );
    await event.synthesizeMouseAtPoint(x, y, {}, sidebar.defaultView);
    return true;`);

/** The transcript part's visible text. */
const transcriptText = () =>
  firefox.inSidebar<string>(`return sidebar?.querySelector('.transcript')?.innerText ?? '';`);
/** The cues as the sidebar draws them: time, speaker and words, as laid out. */
const cueTexts = () =>
  firefox.inSidebar<string[]>(
    `return [...(sidebar?.querySelectorAll('.cue') ?? [])].map((cue) => cue.innerText);`,
  );
const currentCue = () =>
  firefox.inSidebar<string | null>(
    `return sidebar?.querySelector('.cue.current')?.textContent ?? null;`,
  );

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

/**
 * All records of one store of the extension's IndexedDB, read in the sidebar's window (the
 * database is the extension's, so its pages can open it). Null before the extension made it.
 */
const storedIn = <T>(store: string) =>
  firefox.inSidebar<T[] | null>(`
    const opening = sidebar.defaultView.indexedDB.open('earmark');
    const db = await new Promise((resolve, reject) => {
      opening.onupgradeneeded = () => opening.transaction.abort();
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () =>
        opening.error?.name === 'AbortError' ? resolve(null) : reject(opening.error);
    });
    if (!db) return null;
    const request = db.transaction(${JSON.stringify(store)}, 'readonly')
      .objectStore(${JSON.stringify(store)}).getAll();
    const records = await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return JSON.parse(JSON.stringify(records));`);

describe('the transcript panel in Firefox’s sidebar', () => {
  it('finds the feed the page names, the episode in it, and shows the cues with speakers', async () => {
    await firefox.reopenSidebar();
    expect(await press('Start notes for this episode')).toBe(true);
    await expect.poll(() => press('Find transcript'), { timeout: 5_000 }).toBe(true);
    await expect
      .poll(transcriptText, { timeout: 10_000 })
      .toContain('“Episode 7: Words in the feed” (found by its audio file)');
    expect(await press('Get transcript and chapters')).toBe(true);
    await expect.poll(async () => (await cueTexts()).length, { timeout: 10_000 }).toBe(9);
    const cues = await cueTexts();
    expect(cues[2]).toMatch(
      /^0:17\s+Sam Rivera\s+Thanks, Ada\. A transcript in the feed travels with the show to every app\.$/,
    );
    expect(cues[8]).toMatch(/^1:25\s+Ada Park\s+That is the episode\./);
    const [stored] = (await storedIn<{ transcript: { url: string; format: string } }>(
      'episodeWords',
    ))!;
    expect(stored!.transcript).toMatchObject({
      url: `${server.origin}/episode.vtt`,
      format: 'vtt',
    });
  });

  it('follows the page’s player', async () => {
    await page.evaluate(playAndSeekInPage, 30);
    await expect.poll(currentCue, { timeout: 5_000 }).toContain('Listeners can search it');
    await page.evaluate(playAndSeekInPage, 61);
    await expect.poll(currentCue, { timeout: 5_000 }).toContain('Let us talk about who reads them');
  });

  it('moves on by itself while the player plays, with no seek', async () => {
    await page.evaluate(playAndSeekInPage, 33);
    await expect.poll(currentCue, { timeout: 5_000 }).toContain('Listeners can search it');
    // Four times the speed: the next cue (35 s) in half a second, the one after (46 s) in 3.
    await page.evaluate(async () => {
      const audio = document.querySelector('audio')!;
      audio.muted = true;
      audio.playbackRate = 4;
      await audio.play();
    });
    await expect.poll(currentCue, { timeout: 5_000 }).toContain('And chapters tell them');
    await expect.poll(currentCue, { timeout: 8_000 }).toContain('Chapters are the table');
    await page.evaluate(() => {
      const audio = document.querySelector('audio')!;
      audio.pause();
      audio.playbackRate = 1;
    });
    // Back where the tests after this one expect the player.
    await page.evaluate(playAndSeekInPage, 61);
    await expect.poll(currentCue, { timeout: 5_000 }).toContain('Let us talk about who reads them');
  });

  it('saves words selected in a cue with the cue’s time and speaker, and marks them', async () => {
    // The player is at 1:01; the words are from the cue at 0:46.
    const words = 'the table of contents';
    await firefox.inSidebar(`
      const text = sidebar.querySelectorAll('.cue')[5].querySelector('.cue-text').firstChild;
      text.parentElement.scrollIntoView({ block: 'center' });
      const at = text.data.indexOf(${JSON.stringify(words)});
      const range = sidebar.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + ${words.length});
      const selection = sidebar.defaultView.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      return true;`);
    expect(await press('Save selected words')).toBe(true);

    await expect
      .poll(() =>
        firefox.inSidebar<string | null>(
          `return sidebar.querySelector('.cue mark.saved')?.textContent ?? null;`,
        ),
      )
      .toBe(words);
    const [quote] = (await storedIn<StoredQuote>('quotes'))!;
    expect(quote).toMatchObject({ text: words, timeSec: 46 });
    const [episode] = (await storedIn<StoredEpisode>('episodes'))!;
    expect(episode!.participants.find((p) => p.id === quote!.speakerId)?.name).toBe('Sam Rivera');
    // The sidebar lists it too, at the cue's time, by its speaker.
    expect(
      await firefox.inSidebar<string[]>(`
        return [...sidebar.querySelectorAll('li.quote')].map((row) =>
          [row.querySelector('.time')?.textContent, row.querySelector('blockquote')?.textContent,
            row.querySelector('select[id^="speaker"]')?.selectedOptions[0]?.textContent,
          ].join(' | '));`),
    ).toEqual([`0:46 | ${words} | Sam Rivera (Guest)`]);
  });

  it('on the next visit, marks the saved words and finds where the player is', async () => {
    // The person closes the sidebar and opens it again: a new page, the words from IndexedDB.
    await firefox.inSidebar(`sidebar.body.dataset.before = 'yes'; return true;`);
    await firefox.reopenSidebar();
    expect(await firefox.inSidebar(`return sidebar.body.dataset.before ?? null;`)).toBeNull();
    await expect
      .poll(
        () =>
          firefox.inSidebar<string | null>(
            `return sidebar?.querySelector('.cue mark.saved')?.textContent ?? null;`,
          ),
        { timeout: 5_000 },
      )
      .toBe('the table of contents');
    await expect.poll(currentCue, { timeout: 5_000 }).toContain('Let us talk about who reads them');
  });

  it('offers the feed’s chapters and people, and adds them when accepted', async () => {
    const offered = () =>
      firefox.inSidebar<string[]>(
        `return [...(sidebar?.querySelectorAll('.feed-offers li') ?? [])].map((li) => li.textContent);`,
      );
    // Sam is a participant already (the quote's speaker): only the others are offered.
    await expect
      .poll(offered)
      .toEqual([
        '0:00 Welcome',
        '0:17 Transcripts in the feed',
        '0:58 Who reads them',
        'Ada Park (host)',
        'Lee Chen (producer)',
      ]);
    expect(await press('Add as sections')).toBe(true);
    await expect.poll(() => press('Add as participants')).toBe(true);
    await expect
      .poll(() =>
        firefox.inSidebar<number>(`return sidebar.querySelectorAll('.feed-offers').length;`),
      )
      .toBe(0);

    const [episode] = (await storedIn<
      StoredEpisode & { sections: { id: string; heading: string }[] }
    >('episodes'))!;
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
    // The quote at 0:46 falls into the chapter that holds it (0:17–0:58).
    const [quote] = (await storedIn<StoredQuote>('quotes'))!;
    expect(quote!.sectionId).toBe(episode!.sections[1]!.id);
  });

  it('exports the episode with the chapters as sections and the people with their roles', async () => {
    expect(await press('Export Markdown')).toBe(true);
    // Firefox makes an empty `<name>` at once and writes `<name>.part`, renamed when complete.
    const saved = () => {
      const names = readdirSync(downloads);
      return names.some((name) => name.endsWith('.part'))
        ? []
        : names.filter((name) => name.endsWith('.md'));
    };
    await expect.poll(saved, { timeout: 10_000 }).toHaveLength(1);
    const markdown = readFileSync(join(downloads, saved()[0]!), 'utf8');
    const tree: Root = fromMarkdown(markdown);
    const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
    expect(headings.map((h) => toString(h))).toEqual(
      expect.arrayContaining([
        'Participants',
        'Welcome',
        'Transcripts in the feed',
        'Who reads them',
      ]),
    );
    // The list under "Participants": each person with the role they were added with.
    const participants = headings.find((h) => toString(h) === 'Participants')!;
    const list = tree.children[tree.children.indexOf(participants) + 1] as List;
    expect(list.type).toBe('list');
    expect(list.children.map((item) => toString(item))).toEqual([
      'Sam Rivera (guest)',
      'Ada Park (host)',
      'Lee Chen (other)',
    ]);
    // The quote at 0:46 is in the section of the chapter that holds it.
    const sectionOf = (text: string) => {
      const at = tree.children.findIndex((n) => toString(n).includes(text));
      return tree.children
        .slice(0, at)
        .reverse()
        .find((n): n is Heading => n.type === 'heading');
    };
    expect(toString(sectionOf('the table of contents')!)).toBe('Transcripts in the feed');
  });

  it('moves the page’s player to a cue’s time when the person clicks it', async () => {
    expect(await press('0:26')).toBe(true);
    await expect
      .poll(() => page.evaluate(() => document.querySelector('audio')!.currentTime))
      .toBe(26);
    await expect.poll(currentCue, { timeout: 5_000 }).toContain('Listeners can search it');
  });
});

describe('a feed on another site, at a plain http address', () => {
  it('is fetched as the person gave it, once they allow that site in Firefox’s prompt', async () => {
    await firefox.openPage(`${server.origin}/no-feed-8.html`);
    await firefox.reopenSidebar();
    expect(await press('Start notes for this episode')).toBe(true);
    const feedUrl = `http://${FEED_HOST}:${new URL(server.origin).port}/feed.xml`;
    await expect
      .poll(() =>
        firefox.inSidebar<boolean>(`
          const input = sidebar?.querySelector('.paste-feed input');
          if (!input) return false;
          input.focus();
          input.value = ${JSON.stringify(feedUrl)};
          input.dispatchEvent(new sidebar.defaultView.Event('input', { bubbles: true }));
          return true;`),
      )
      .toBe(true);
    expect(await press('Look in this feed')).toBe(true);

    // Earmark asked at the click for that one site; the person allows it.
    const prompt = () =>
      firefox.inBrowserWindow<string | null>(`
        const shown = PopupNotifications.panel.querySelector(
          '#addon-webext-permissions-notification',
        );
        return shown?.textContent ?? null;`);
    await expect.poll(prompt, { timeout: 5_000 }).toContain(FEED_HOST);
    await firefox.inBrowserWindow(`
      PopupNotifications.panel.querySelector('#addon-webext-permissions-notification').button.click();
      return true;`);

    await expect.poll(transcriptText, { timeout: 10_000 }).toContain('“Episode 8: Next week”');
    expect(await transcriptText()).not.toContain('could not be reached');
  });
});
