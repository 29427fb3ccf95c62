/**
 * The library page in real Chromium with the built extension (run `npm run build` first):
 * opened as the options page, seeded through its own restore, then search, bulk export,
 * backup → delete → restore, settings, storage health, the all-sites permission, and a
 * library of 10,000 quotes, whose load and per-keystroke search times are printed.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Heading, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../src/core/backup';
import type { Episode, LibraryData, Quote } from '../../src/core/model';
import {
  DIST_DIR,
  REPO_ROOT,
  launchWithExtension,
  makeProfileDir,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from '../support/browser';
import { servePages, type PageServer } from '../support/server';
import { extensionDb } from '../support/extension-db';
import { makeLibrary } from '../unit/library/make-library';
import { makeEpisode, makeQuote } from '../support/records';

const LIBRARY_PATH = 'src/ui/library/index.html';
const ALL_SITES = ['https://*/*', 'http://*/*'];
const T = '2026-03-01T10:00:00.000Z';

let server: PageServer;
let profile: string;
let browser: ExtensionBrowser | null = null;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/demo'));
  profile = makeProfileDir();
  browser = await launchWithExtension(profile);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await browser?.close();
  await server?.close();
  removeDir(profile);
});

function episode(id: string, fields: Partial<Episode>): Episode {
  const time = { createdAt: T, updatedAt: T };
  return makeEpisode(id, { title: id, show: '', ...time, ...fields });
}

function quote(id: string, episodeId: string, text: string, fields: Partial<Quote> = {}): Quote {
  const time = { createdAt: T, updatedAt: T };
  return makeQuote(id, episodeId, { text, timeSec: null, ...time, ...fields });
}

/** Three episodes; the first lives on the demo page, so its quotes' moments can be opened. */
function seedLibrary(origin: string): LibraryData {
  return {
    episodes: [
      episode('demo', {
        url: `${origin}/episode.html`,
        title: 'Episode 12: Listening with a pen in hand',
        show: 'The Margin Notes Podcast',
        publishedAt: '2026-10-14',
        participants: [
          { id: 'ada', name: 'Ada Park', role: 'host' },
          { id: 'sam', name: 'Sam Rivera', role: 'guest' },
        ],
        twoCents: 'The haystack line is the one I will remember.',
        tags: ['listening'],
        updatedAt: '2026-03-03T10:00:00.000Z',
      }),
      episode('gardens', {
        title: 'Gardens on the roof',
        show: 'City Gardens',
        publishedAt: '2026-04-20',
        participants: [{ id: 'noor', name: 'Noor Haddad', role: 'host' }],
      }),
      episode('drafts', {
        title: 'Drafts and second drafts',
        show: 'The Margin Notes Podcast',
        publishedAt: '2026-01-05',
      }),
    ],
    quotes: [
      quote('q1', 'demo', 'Write down the words that surprised you.', {
        speakerId: 'sam',
        timeSec: 62.5,
      }),
      quote('q2', 'demo', 'A needle in a haystack of talk.', { timeSec: 125, order: 1 }),
      quote('q3', 'gardens', 'Bees love a flat roof.', { speakerId: 'noor', timeSec: 30 }),
      quote('q4', 'drafts', 'The second draft is where the thinking happens.'),
    ],
  };
}

const libraryUrl = (b: ExtensionBrowser, hash = '') =>
  `chrome-extension://${b.extensionId}/${LIBRARY_PATH}${hash}`;

async function openLibrary(b: ExtensionBrowser, hash = ''): Promise<Page> {
  const page = await b.context.newPage();
  await page.goto(libraryUrl(b, hash));
  await page.getByRole('heading', { name: 'Earmark library', exact: true }).waitFor();
  await expect.poll(() => page.getByText('Loading your library…').count()).toBe(0);
  return page;
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** Episodes and quotes as stored in the extension's IndexedDB, read from one of its pages. */
async function storedCounts(page: Page): Promise<{ episodes: number; quotes: number }> {
  const count = async (store: string) =>
    (await extensionDb<number>(page, { op: 'count', store })) ?? 0;
  return { episodes: await count('episodes'), quotes: await count('quotes') };
}

async function restoreFile(page: Page, name: string, text: string): Promise<void> {
  await go(page, '#backup');
  await page.getByLabel('Backup file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** The restore report's row for episodes or quotes: added, updated, unchanged, rejected. */
async function reportRow(page: Page, kind: 'Episodes' | 'Quotes'): Promise<string[]> {
  const row = page.locator('table.counts tr', { has: page.getByRole('rowheader', { name: kind }) });
  return row.locator('td').allTextContents();
}

const titles = (page: Page) => page.locator('a.episode-title').allTextContents();

/** Backup file contents without the export time, which differs between two backups. */
function backupRecords(text: string): { episodes: unknown[]; quotes: unknown[] } {
  const file = JSON.parse(text) as { episodes: { id: string }[]; quotes: { id: string }[] };
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return { episodes: [...file.episodes].sort(byId), quotes: [...file.quotes].sort(byId) };
}

describe('the library page in real Chromium', () => {
  it('opens as the options page and welcomes an empty library', async () => {
    const b = browser!;
    await b.worker.evaluate(() => chrome.runtime.openOptionsPage());
    // The tab is created blank and then navigated: look for it by its address.
    let page: Page | undefined;
    await expect
      .poll(() => (page = b.context.pages().find((p) => p.url().startsWith(libraryUrl(b)))))
      .toBeDefined();
    await page!.getByRole('heading', { name: 'Welcome to your Earmark library' }).waitFor();
    expect(await page!.locator('.steps li').count()).toBe(3);
    await page!.close();
  });

  it('restores a backup through its own page and lists the episodes', async () => {
    const page = await openLibrary(browser!);
    await restoreFile(page, 'seed.json', serializeBackup(seedLibrary(server.origin)));
    await expect.poll(() => reportRow(page, 'Episodes')).toEqual(['3', '0', '0', '0']);
    expect(await reportRow(page, 'Quotes')).toEqual(['4', '0', '0', '0']);
    await go(page, '#episodes');
    // Most recently edited first; the two edited at the same moment by title.
    await expect
      .poll(() => titles(page))
      .toEqual([
        'Episode 12: Listening with a pen in hand',
        'Drafts and second drafts',
        'Gardens on the roof',
      ]);
    await page.getByLabel('Order').selectOption('published');
    expect(await titles(page)).toEqual([
      'Episode 12: Listening with a pen in hand',
      'Gardens on the roof',
      'Drafts and second drafts',
    ]);
    await page.getByLabel('Show', { exact: true }).selectOption('The Margin Notes Podcast');
    expect(await titles(page)).toEqual([
      'Episode 12: Listening with a pen in hand',
      'Drafts and second drafts',
    ]);
    await page.close();
  });

  it("searches as you type, marks the matches, and opens the episode at a quote's moment", async () => {
    const page = await openLibrary(browser!);
    await page.getByRole('searchbox').pressSequentially('haystack');
    await expect
      .poll(() => page.locator('.results [role="status"]').textContent())
      .toBe('Matching episodes: 1 · matching quotes: 1');
    expect(await page.locator('.hit-quote mark').allTextContents()).toEqual(['haystack']);
    expect(await page.locator('.hit-field mark').allTextContents()).toEqual(['haystack']);

    const [opened] = await Promise.all([
      browser!.context.waitForEvent('page'),
      page.locator('.hit').getByRole('link', { name: '2:05' }).click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${server.origin}/episode.html#t=125`);
    await opened.close();
    await page.close();
  });

  it('exports the selected episodes as a zip of Markdown files, and as one file', async () => {
    const page = await openLibrary(browser!);
    await page.getByRole('checkbox', { name: /Select all/ }).check();
    const [zip] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown (zip, a file per episode)' }).click(),
    ]);
    expect(zip.suggestedFilename()).toMatch(/^Earmark overviews \d{4}-\d{2}-\d{2}\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await zip.path())!)));
    expect(Object.keys(files).sort()).toEqual([
      'City Gardens - Gardens on the roof.md',
      'The Margin Notes Podcast - Drafts and second drafts.md',
      'The Margin Notes Podcast - Episode 12 - Listening with a pen in hand.md',
    ]);
    const demo = strFromU8(
      files['The Margin Notes Podcast - Episode 12 - Listening with a pen in hand.md']!,
    );
    expect(demo).toContain(`(${server.origin}/episode.html#t=62)`);

    const [single] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown (one file)' }).click(),
    ]);
    const tree: Root = fromMarkdown(await readFile((await single.path())!, 'utf8'));
    const h1s = tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 1);
    // In the order of the list.
    expect(h1s.map((h) => toString(h))).toEqual([
      'Podcast Episode Overview: Episode 12: Listening with a pen in hand',
      'Podcast Episode Overview: Drafts and second drafts',
      'Podcast Episode Overview: Gardens on the roof',
    ]);
    await page.close();
  });

  it('backs up, deletes everything through the page, restores, and has identical data', async () => {
    const page = await openLibrary(browser!, '#backup');
    const [first] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    expect(first.suggestedFilename()).toMatch(/^earmark-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const firstText = await readFile((await first.path())!, 'utf8');
    await expect.poll(() => page.getByText(/^Last backup: /).count()).toBe(1);

    await go(page, '#episodes');
    await page.getByRole('checkbox', { name: /Select all/ }).check();
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain(
      'Delete the selected episodes (3) and all their quotes (4)?',
    );
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome to your Earmark library' }).waitFor();
    expect(await storedCounts(page)).toEqual({ episodes: 0, quotes: 0 });

    await restoreFile(page, 'backup.json', firstText);
    await expect.poll(() => reportRow(page, 'Episodes')).toEqual(['3', '0', '0', '0']);
    expect(await reportRow(page, 'Quotes')).toEqual(['4', '0', '0', '0']);
    expect(await storedCounts(page)).toEqual({ episodes: 3, quotes: 4 });

    const [second] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download backup' }).click(),
    ]);
    const secondText = await readFile((await second.path())!, 'utf8');
    expect(backupRecords(secondText)).toEqual(backupRecords(firstText));
    await page.close();
  });

  it('refuses a damaged backup, listing each problem with its place, and writes nothing', async () => {
    const page = await openLibrary(browser!);
    const broken = JSON.parse(serializeBackup(seedLibrary(server.origin)));
    broken.quotes[1].timeSec = -3;
    broken.episodes[0].url = 'javascript:alert(1)';
    await restoreFile(page, 'broken.json', JSON.stringify(broken));
    const problems = page.getByRole('list', { name: 'Problems in the file' });
    await problems.waitFor();
    const items = await problems.locator('li').allTextContents();
    expect(items.some((i) => i.startsWith('quotes[1].timeSec: '))).toBe(true);
    expect(items.some((i) => i.startsWith('episodes[0].url: '))).toBe(true);
    expect(await storedCounts(page)).toEqual({ episodes: 3, quotes: 4 });
    await page.close();
  });

  it('keeps settings across a reload and shows the capture shortcut', async () => {
    const page = await openLibrary(browser!, '#settings');
    const frontMatter = page.getByRole('checkbox', { name: /YAML front matter/ });
    await frontMatter.check();
    await page.getByLabel('Quotes list').selectOption('speaker');
    await page.getByRole('checkbox', { name: /capture button/ }).uncheck();
    await expect
      .poll(
        async () =>
          (
            await extensionDb<{ value: unknown }>(page, {
              op: 'get',
              store: 'meta',
              key: 'settings',
            })
          )?.value,
      )
      .toMatchObject({
        exportDefaults: { frontMatter: true, quoteGrouping: 'speaker' },
        floatingButton: false,
      });
    await page.reload();
    await expect.poll(() => frontMatter.isChecked()).toBe(true);
    expect(await page.getByLabel('Quotes list').inputValue()).toBe('speaker');
    expect(await page.getByRole('checkbox', { name: /capture button/ }).isChecked()).toBe(false);
    expect(await page.locator('.shortcut kbd').textContent()).toBe('Alt+Shift+Q');

    // The export defaults reach the next export.
    await go(page, '#episode/demo');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    expect((await readFile((await download.path())!, 'utf8')).startsWith('---\n')).toBe(true);
    await page.close();
  });

  it('asks for all sites from the click itself, and grants nothing until the person answers', async () => {
    const page = await openLibrary(browser!, '#settings');
    // Control: without a user gesture (here, from the service worker) Chromium refuses the
    // request outright. Playwright's page.evaluate counts as a gesture, so it can't serve.
    const outside = await browser!.worker.evaluate(
      (origins) =>
        chrome.permissions.request({ origins }).then(
          () => 'asked',
          (error: Error) => error.message,
        ),
      ALL_SITES,
    );
    expect(outside).toMatch(/user gesture/i);

    const toggle = page.getByRole('checkbox', { name: 'Detect podcast episodes on all sites' });
    await expect.poll(() => toggle.isEnabled()).toBe(true);
    await toggle.click();
    // A request made during the click opens the browser's prompt (which a headless browser
    // can't answer): no gesture error, the page waits, and nothing is granted meanwhile.
    await page.getByText("Waiting for your answer in the browser's prompt…").waitFor();
    await page.waitForTimeout(1_000);
    expect(await page.locator('.notice.error').count()).toBe(0);
    expect(await toggle.isChecked()).toBe(false);
    expect(
      await browser!.worker.evaluate(
        (origins) => chrome.permissions.contains({ origins }),
        ALL_SITES,
      ),
    ).toBe(false);
    expect(
      await browser!.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts()),
    ).toEqual([]);
    await page.close();
  });

  it('shows storage use and asks the browser to keep the data', async () => {
    const page = await openLibrary(browser!, '#backup');
    const usage = await page.locator('.storage-usage').textContent();
    expect(usage).toMatch(/^Using [\d.,]+ \w?B of the [\d.,]+ \w?B this browser allows\.$/);
    const button = page.getByRole('button', { name: 'Ask the browser to keep it' });
    if ((await button.count()) > 0) {
      await button.click();
      await page.locator('.persist-answer').waitFor();
    }
    console.log(
      `[library storage] ${usage} ${await page.locator('.storage-persisted').textContent()} ` +
        `${
          (await page
            .locator('.persist-answer')
            .textContent()
            .catch(() => null)) ?? ''
        }`,
    );
    await page.close();
  });

  it('handles 10,000 quotes: loads, searches each keystroke quickly, renders only visible rows', async () => {
    const big = makeLibrary({ episodes: 500, quotes: 10_000 });
    const page = await openLibrary(browser!);
    const started = Date.now();
    await restoreFile(page, 'big.json', serializeBackup(big));
    await expect
      .poll(() => reportRow(page, 'Quotes'), { timeout: 60_000 })
      .toEqual(['10,000', '0', '0', '0']);
    const restoreMs = Date.now() - started;

    await page.goto(libraryUrl(browser!, '#episodes'));
    await page.locator('a.episode-title').first().waitFor();
    const loadMs = await page.evaluate(
      () => performance.getEntriesByName('earmark:library-loaded')[0]!.startTime,
    );
    // Only a window of the 503 episodes is in the page.
    expect(await page.locator('.episode-row').count()).toBeLessThan(100);

    const timings = await page.evaluate(async (query) => {
      const box = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const out: { query: string; totalMs: number; searchMs: number }[] = [];
      // Typed three times over, from an empty box: one slow keystroke is a pause, not a trend.
      for (let i = 1; i <= query.length * 3; i++) {
        const typed = query.slice(0, ((i - 1) % query.length) + 1);
        const started = performance.now();
        box.value = typed;
        box.dispatchEvent(new Event('input', { bubbles: true }));
        // Rendered and painted: the next frame after the update.
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const searchMs = Number(document.querySelector('.results')?.getAttribute('data-search-ms'));
        out.push({ query: box.value, totalMs: performance.now() - started, searchMs });
      }
      return out;
    }, 'margin pen');
    const summary = await page.locator('.results [role="status"]').textContent();
    const rendered = await page.locator('.hit').count();
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    const search = timings.map((t) => t.searchMs);
    const total = timings.map((t) => t.totalMs);
    console.log(
      `[library timing] 10,000 quotes / 500 episodes in Chromium: restore ${restoreMs} ms, ` +
        `page load to list ${loadMs.toFixed(0)} ms; ${timings.length} keystrokes of ` +
        `"margin pen": search median ${median(search).toFixed(1)} ms (max ${Math.max(...search).toFixed(1)}), ` +
        `search + render median ${median(total).toFixed(1)} ms (max ${Math.max(...total).toFixed(1)}); ` +
        `"${timings.at(-1)!.query}": ${summary}; rows in the page: ${rendered}`,
    );
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThan(100);

    await page.locator('input[type="search"]').fill('e');
    await expect
      .poll(() => page.locator('.results [role="status"]').textContent())
      .toContain('matching quotes: 10,004');
    expect(await page.locator('.hit').count()).toBeLessThan(100);
    await page.close();
  });
});

describe('with the all-sites permission held', () => {
  /**
   * A headless browser can't answer the permission prompt, so this runs a copy of the build
   * whose manifest grants the same all-sites hosts at install. The page and the registration
   * code are the same; only how the permission came to be held differs.
   */
  it('registers the content script for every other site, and it runs there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earmark-all-sites-'));
    cleanups.push(() => removeDir(dir));
    cpSync(DIST_DIR, dir, { recursive: true });
    const manifestPath = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.host_permissions = manifest.optional_host_permissions;
    delete manifest.optional_host_permissions;
    writeFileSync(manifestPath, JSON.stringify(manifest));

    const otherProfile = makeProfileDir();
    cleanups.push(() => removeDir(otherProfile));
    const held = await launchWithExtension(otherProfile, { extensionDir: dir });
    cleanups.push(() => held.close());
    // A site the manifest's content script doesn't cover: another loopback address.
    const other = await serveOn(
      '127.0.0.2',
      readFileSync(join(REPO_ROOT, 'test/fixtures/demo/episode.html')),
    );
    cleanups.push(other.close);

    const page = await openLibrary(held, '#settings');
    const toggle = page.getByRole('checkbox', { name: 'Detect podcast episodes on all sites' });
    await expect.poll(() => toggle.isChecked()).toBe(true);
    const registered = () =>
      held.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    await expect.poll(async () => (await registered()).length).toBe(1);
    const [script] = await registered();
    // Chromium hands patterns back sorted.
    const sorted = (list: string[] | undefined) => [...(list ?? [])].sort();
    expect(script).toMatchObject({
      id: 'earmark-all-sites',
      js: manifest.content_scripts[0].js,
      // The highlight colour too, before the page is first styled (issue 16).
      css: manifest.content_scripts[0].css,
      runAt: 'document_idle',
    });
    expect(sorted(script!.matches)).toEqual(sorted(ALL_SITES));
    expect(sorted(script!.excludeMatches)).toEqual(sorted(manifest.content_scripts[0].matches));

    const visit = await held.context.newPage();
    await visit.goto(`${other.origin}/episode.html`);
    // The content script answers there: detection now reaches a site Earmark doesn't know.
    expect(await tabIdFor(held.worker, `${other.origin}/episode.html`)).toBeGreaterThan(0);
    await visit.close();
    await page.close();
  });
});

/** One page on a given loopback address (the shared page server listens on 127.0.0.1 only). */
async function serveOn(
  host: string,
  html: Buffer,
): Promise<{ origin: string; close: () => Promise<void> }> {
  const srv: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  });
  await new Promise<void>((resolve) => srv.listen(0, host, resolve));
  const { port } = srv.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        srv.closeAllConnections();
        srv.close(() => resolve());
      }),
  };
}
