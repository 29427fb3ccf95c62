/**
 * Issue 14 as a person uses it, in real Chromium with the built extension: the template chosen
 * and edited in the library's settings writes the popup's export; Send to Obsidian and Send to
 * Logseq ask the browser to open the apps' links (seen here through the DevTools protocol, as
 * the navigation the click requests); Copy as rich text puts HTML and plain text on the
 * clipboard; the library's bulk export says which files are new and which replace an earlier
 * export.
 *
 * No app is installed in the test browser, so no app takes a link: the popup must then say so,
 * with the Markdown on the clipboard — the "target can't be reached" case, for real.
 */
import { readFile } from 'node:fs/promises';
import axe from 'axe-core';
import { join } from 'node:path';
import type { Blockquote, Heading, Link, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeBackup } from '../../src/core/backup';
import { episodeIdForUrl } from '../../src/core/episode';
import type { LibraryData } from '../../src/core/model';
import {
  REPO_ROOT,
  launchWithExtension,
  makeProfileDir,
  popupUrl,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from '../support/browser';
import { extensionDb } from '../support/extension-db';
import { makeEpisode, makeQuote } from '../support/records';
import { servePages, type PageServer } from '../support/server';

const LIBRARY_PATH = 'src/ui/library/index.html';
const T = '2026-03-01T10:00:00.000Z';
const TITLE = 'Episode 12: Listening with a pen in hand';
const SHOW = 'The Margin Notes Podcast';
const FILE = 'The Margin Notes Podcast - Episode 12 - Listening with a pen in hand';
/** A vault and folder with spaces, a slash and letters outside Latin-1. */
const VAULT = 'Notes 2026';
const FOLDER = 'Podcasts/Ö und 日本';
/** A short template of the person's own: a note that fits in a link. */
const SHORT_TEMPLATE =
  '# {{title}}\n\n{{twoCents}}\n\n{{#participants}}\n- {{name}}, {{role}}\n{{/participants}}\n';
/** How the short template begins for the demo episode. */
const SHORT_START = `# ${TITLE}\n\nThe haystack line is the one I will remember.\n\n- Ada Park, host\n`;
/** Text that would be structure or live HTML if it were not kept as text. */
const HOSTILE_SUMMARY = 'Said <b>twice</b>: **not bold** and [not a link](javascript:alert(1)).';

let server: PageServer;
let profile: string;
let browser: ExtensionBrowser | null = null;
let episodeUrl: string;
let episodeId: string;

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/demo'));
  episodeUrl = `${server.origin}/episode.html`;
  episodeId = episodeIdForUrl(episodeUrl);
  profile = makeProfileDir();
  browser = await launchWithExtension(profile);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  removeDir(profile);
});

/** The demo page's episode, with quotes enough that its overview is too long for a link. */
function library(): LibraryData {
  const time = { createdAt: T, updatedAt: T };
  const quotes = Array.from({ length: 12 }, (_, i) =>
    makeQuote(`q${i}`, episodeId, {
      text: `Quote ${i + 1}: write down the words that surprised you, not the ones that agreed.`,
      speakerId: i % 2 === 0 ? 'sam' : 'ada',
      timeSec: 30 + i * 7,
      order: i,
      ...time,
    }),
  );
  return {
    episodes: [
      makeEpisode(episodeId, {
        url: episodeUrl,
        title: TITLE,
        show: SHOW,
        publishedAt: '2026-10-14',
        participants: [
          { id: 'ada', name: 'Ada Park', role: 'host' },
          { id: 'sam', name: 'Sam Rivera', role: 'guest' },
        ],
        summary: HOSTILE_SUMMARY,
        twoCents: 'The haystack line is the one I will remember.',
        references: [{ title: 'Note-taking while listening', url: 'https://example.org/notes' }],
        tags: ['listening'],
        ...time,
        updatedAt: '2026-03-03T10:00:00.000Z',
      }),
      makeEpisode('gardens', { title: 'Gardens on the roof', show: 'City Gardens', ...time }),
    ],
    quotes: [...quotes, makeQuote('g1', 'gardens', { text: 'Bees love a flat roof.', ...time })],
  };
}

/** axe-core in the page as drawn (colour contrast included): labels, names, roles. */
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

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

async function openLibrary(hash = ''): Promise<Page> {
  const page = await browser!.context.newPage();
  await page.goto(`chrome-extension://${browser!.extensionId}/${LIBRARY_PATH}${hash}`);
  await page.getByRole('heading', { name: 'Earmark library', exact: true }).waitFor();
  await expect.poll(() => page.getByText('Loading your library…').count()).toBe(0);
  return page;
}

/** The library's settings as stored, to wait until a change has been saved. */
async function storedSettings(page: Page): Promise<unknown> {
  const record = await extensionDb<{ value: unknown }>(page, {
    op: 'get',
    store: 'meta',
    key: 'settings',
  });
  return record?.value;
}

/** The popup of the demo page's tab, as the toolbar button opens it. */
async function openPopup(): Promise<Page> {
  const b = browser!;
  const page = await b.context.newPage();
  await page.goto(episodeUrl);
  const tabId = await tabIdFor(b.worker, episodeUrl);
  const popup = await b.context.newPage();
  await popup.goto(popupUrl(b.extensionId, tabId));
  await popup.getByRole('button', { name: 'Send to Obsidian' }).waitFor();
  return popup;
}

/**
 * The app links a page asks the browser to open: Chromium reports the navigation a link click
 * requests (`Page.frameRequestedNavigation`) before it looks for an app to hand it to.
 */
async function watchAppLinks(page: Page): Promise<string[]> {
  const links: string[] = [];
  const cdp = await browser!.context.newCDPSession(page);
  cdp.on('Page.frameRequestedNavigation', ({ url }) => {
    if (/^(obsidian|logseq):/.test(url)) links.push(url);
  });
  await cdp.send('Page.enable');
  return links;
}

/**
 * Clicks a send button in a popup of its own and returns the app link the click asked the
 * browser to open. One popup per send, as a person's: the toolbar popup closes when an app
 * comes forward (and Chromium asks to open only one app link per page).
 */
async function sendFromPopup(button: string): Promise<{ popup: Page; uri: string }> {
  const popup = await openPopup();
  const links = await watchAppLinks(popup);
  await popup.getByRole('button', { name: button }).click();
  await expect.poll(() => links.length).toBe(1);
  return { popup, uri: links[0]! };
}

interface Clipboard {
  types: string[];
  text: string;
  html: string | null;
}

/** The browser's clipboard, read from an ordinary page that is allowed to read it. */
async function readClipboard(): Promise<Clipboard> {
  const b = browser!;
  await b.context.grantPermissions(['clipboard-read'], { origin: server.origin });
  const reader = await b.context.newPage();
  await reader.goto(episodeUrl);
  const clipboard = await reader.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const read = async (type: string) =>
      item!.types.includes(type) ? (await item!.getType(type)).text() : null;
    return {
      types: [...item!.types],
      text: (await read('text/plain')) ?? '',
      html: await read('text/html'),
    };
  });
  await reader.close();
  return clipboard;
}

async function noticeText(page: Page): Promise<string> {
  return (await page.locator('.notice').textContent()) ?? '';
}

/** Downloads the popup's export and returns its text. */
async function exportFromPopup(popup: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  return {
    name: download.suggestedFilename(),
    text: await readFile((await download.path())!, 'utf8'),
  };
}

async function chooseTemplate(page: Page, label: string, stored: string): Promise<void> {
  await page.getByLabel('Template', { exact: true }).selectOption({ label });
  await expect.poll(() => storedSettings(page)).toMatchObject({ template: { choice: stored } });
}

/** The library's settings as a person leaves them: a template chosen (and written). */
async function useTemplate(label: string, stored: string, custom?: string): Promise<void> {
  const page = await openLibrary('#settings');
  await chooseTemplate(page, label, stored);
  if (custom !== undefined) {
    await page.getByLabel('Your template').fill(custom);
    await expect.poll(() => storedSettings(page)).toMatchObject({ template: { custom } });
  }
  await page.close();
}

describe('export templates, sending and rich text in real Chromium', () => {
  it('restores a library to send from', async () => {
    const page = await openLibrary('#backup');
    await page.getByLabel('Backup file').setInputFiles({
      name: 'seed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(serializeBackup(library())),
    });
    await expect.poll(() => extensionDb<number>(page, { op: 'count', store: 'quotes' })).toBe(13);
    await page.close();
  });

  it("writes the popup's export with the template chosen and edited in the library", async () => {
    const settings = await openLibrary('#settings');
    await chooseTemplate(settings, 'Obsidian note with properties', 'obsidian');
    const popup = await openPopup();
    const obsidian = await exportFromPopup(popup);
    expect(obsidian.name).toBe(`${FILE}.md`);
    const properties = obsidian.text.slice(0, obsidian.text.indexOf('\n---\n', 4));
    expect(properties).toContain(`\ntitle: "${TITLE}"\n`);
    expect(properties).toContain(`\nearmark: "${episodeId}"`);
    expect(properties).toContain('\nparticipants:\n  - "Ada Park"\n  - "Sam Rivera"\n');

    // Start from the preset, then make it the person's own.
    await settings.getByRole('button', { name: 'Start from this template' }).click();
    const editor = settings.getByLabel('Your template');
    await expect.poll(() => editor.inputValue()).toContain('earmark: {{earmarkId}}');
    expect(await settings.getByLabel('Template', { exact: true }).inputValue()).toBe('custom');

    // A mistake is shown with its place; what the person typed stays as typed.
    await editor.fill('# {{title}}\n\n{{nope}}\n');
    const problem = settings.getByRole('alert');
    await expect.poll(() => problem.textContent()).toMatch(/nope/);
    expect(await problem.textContent()).toMatch(/Line 3, column 1/);
    expect(await editor.inputValue()).toBe('# {{title}}\n\n{{nope}}\n');
    await expect
      .poll(() => storedSettings(settings))
      .toMatchObject({ template: { custom: '# {{title}}\n\n{{nope}}\n' } });
    // The popup says the template is broken, and where to fix it; nothing is downloaded.
    await popup.getByRole('button', { name: 'Copy as rich text' }).click();
    await expect.poll(() => noticeText(popup)).toMatch(/export template has a problem/);
    expect(await noticeText(popup)).toContain('Settings → Export template');

    await editor.fill(SHORT_TEMPLATE);
    const preview = settings.getByTestId('template-preview');
    await expect.poll(() => preview.textContent()).toContain(`# ${TITLE}`);
    expect(await settings.getByRole('alert').count()).toBe(0);
    await expect
      .poll(() => storedSettings(settings))
      .toMatchObject({ template: { choice: 'custom', custom: SHORT_TEMPLATE } });
    await settings
      .locator('section', { has: settings.getByRole('heading', { name: 'Export template' }) })
      .screenshot({ path: join(REPO_ROOT, 'docs/template-editor.png') });
    expect(await axeViolations(settings)).toEqual([]);

    const own = await exportFromPopup(popup);
    expect(own.text).toBe(await preview.textContent());
    expect(own.text.startsWith(SHORT_START)).toBe(true);
    expect(own.text).toContain('\n- Sam Rivera, guest\n');
    expect(await readClipboard()).toMatchObject({ text: own.text });
    await popup.close();
    await settings.close();
  });

  it('sends a short note to Obsidian in the link, to the vault and folder named, under the same file', async () => {
    await useTemplate('Your own template', 'custom', SHORT_TEMPLATE);
    const settings = await openLibrary('#settings');
    await settings.getByLabel('Vault name (empty: the vault open last)').fill(VAULT);
    await settings.getByLabel('Folder in the vault').fill(FOLDER);
    await expect
      .poll(() => storedSettings(settings))
      .toMatchObject({ obsidian: { vault: VAULT, folder: FOLDER } });
    await settings.screenshot({
      path: join(REPO_ROOT, 'test-results/library-settings.png'),
      fullPage: true,
    });
    await settings.close();

    const { popup, uri } = await sendFromPopup('Send to Obsidian');
    await popup.screenshot({ path: join(REPO_ROOT, 'test-results/popup-send.png') });
    expect(uri.startsWith('obsidian://new?')).toBe(true);
    // Spaces are %20 (Obsidian reads + as a plus sign).
    expect(uri).not.toContain('+');
    const params = new URL(uri).searchParams;
    expect(params.get('vault')).toBe(VAULT);
    expect(params.get('file')).toBe(`Podcasts/Ö und 日本/${FILE}`);
    expect(params.get('overwrite')).toBe('true');
    expect(params.get('clipboard')).toBeNull();
    const content = params.get('content')!;
    expect(content.startsWith(SHORT_START)).toBe(true);

    // No Obsidian here: the person is told, and the note is on the clipboard to paste.
    await expect
      .poll(() => noticeText(popup), { timeout: 5_000 })
      .toBe(
        "Obsidian didn't open. Is it installed? The Markdown is on the clipboard: paste it into a note.",
      );
    expect(await popup.locator('.notice.error').count()).toBe(1);
    expect((await readClipboard()).text).toBe(content);

    // Sending again names the same file: Obsidian overwrites the note instead of adding "… 1".
    await popup.close();
    const again = await sendFromPopup('Send to Obsidian');
    expect(new URL(again.uri).searchParams.get('file')).toBe(params.get('file'));
    await again.popup.close();
  });

  it('sends a note too long for a link through the clipboard, as Obsidian allows', async () => {
    await useTemplate('Episode overview (uses the settings above)', 'overview');

    const exporting = await openPopup();
    const { text: markdown } = await exportFromPopup(exporting);
    await exporting.close();
    expect(encodeURIComponent(markdown).length).toBeGreaterThan(2_000);
    const { popup, uri } = await sendFromPopup('Send to Obsidian');
    const params = new URL(uri).searchParams;
    expect(params.get('file')).toBe(`Podcasts/Ö und 日本/${FILE}`);
    expect(params.get('clipboard')).toBe('true');
    expect(params.get('content')).toBeNull();
    expect(uri.length).toBeLessThan(2_000);
    await expect.poll(() => noticeText(popup), { timeout: 5_000 }).toMatch(/^Obsidian didn't open/);
    expect((await readClipboard()).text).toBe(markdown);
    await popup.close();
  });

  it("sends to Logseq's quick capture: a short note in the link, a long one through the clipboard", async () => {
    await useTemplate('Your own template', 'custom', SHORT_TEMPLATE);

    const { popup, uri } = await sendFromPopup('Send to Logseq');
    const short = new URL(uri);
    expect(uri.startsWith('logseq://x-callback-url/quickCapture?')).toBe(true);
    expect(short.searchParams.get('title')).toBe(TITLE);
    expect(short.searchParams.get('url')).toBe(episodeUrl);
    expect(short.searchParams.get('content')!.startsWith(SHORT_START)).toBe(true);
    await expect.poll(() => noticeText(popup), { timeout: 5_000 }).toMatch(/^Logseq didn't open/);
    expect((await readClipboard()).text).toBe(short.searchParams.get('content'));

    await popup.close();

    await useTemplate('Logseq outline', 'logseq');
    const long = await sendFromPopup('Send to Logseq');
    const params = new URL(long.uri).searchParams;
    expect(params.get('title')).toBe(TITLE);
    expect(params.get('content')).toBe('Earmark put this episode on the clipboard: paste it here.');
    await expect
      .poll(() => noticeText(long.popup), { timeout: 5_000 })
      .toMatch(/^Logseq didn't open/);
    const outline = (await readClipboard()).text;
    expect(outline).toMatch(/^- /m);
    expect(outline).toContain('Quote 12: write down');
    await long.popup.close();
  });

  it('copies rich text: HTML and plain text together, the HTML with the same headings, quotes and links', async () => {
    await useTemplate('Episode overview (uses the settings above)', 'overview');

    const popup = await openPopup();
    await popup.getByRole('button', { name: 'Copy as rich text' }).click();
    await expect.poll(() => noticeText(popup)).toMatch(/^Copied as rich text/);
    const clipboard = await readClipboard();
    expect(clipboard.types.sort()).toEqual(['text/html', 'text/plain']);

    // The plain text is the Markdown export; the HTML is read back by the browser's own parser.
    const tree: Root = fromMarkdown(clipboard.text);
    const nodes = <T>(type: string): T[] => {
      const found: T[] = [];
      const visit = (node: { type: string; children?: unknown[] }) => {
        if (node.type === type) found.push(node as T);
        for (const child of node.children ?? []) visit(child as { type: string });
      };
      visit(tree);
      return found;
    };
    const reader = await browser!.context.newPage();
    await reader.goto(episodeUrl);
    const html = await reader.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      const text = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim();
      return {
        headings: [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
          (h) => `${h.tagName.toLowerCase()} ${text(h)}`,
        ),
        quotes: [...doc.querySelectorAll('body > blockquote')].map(text),
        links: [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        live:
          doc.querySelectorAll('b, script, [onclick], a[href^="javascript"]').length +
          [...doc.querySelectorAll('strong')].filter((s) => text(s) === 'not bold').length,
        summary: [...doc.querySelectorAll('p')].map(text).find((p) => p.startsWith('Said ')),
      };
    }, clipboard.html!);
    await reader.close();

    const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
    expect(html.headings).toEqual(
      nodes<Heading>('heading').map((h) => `h${h.depth} ${flat(toString(h))}`),
    );
    expect(html.headings[0]).toBe(`h1 Podcast Episode Overview: ${TITLE}`);
    expect(html.quotes).toEqual(
      (tree.children.filter((n) => n.type === 'blockquote') as Blockquote[]).map((q) =>
        flat(toString(q)),
      ),
    );
    expect(html.quotes.length).toBeGreaterThanOrEqual(12);
    expect(html.links).toEqual(nodes<Link>('link').map((l) => l.url));
    expect(html.links).toContain(`${episodeUrl}#t=30`);
    expect(html.links).toContain('https://example.org/notes');
    // The person's text stays text in both: no bold, no script, no link made of it.
    expect(html.live).toBe(0);
    expect(html.summary).toBe(HOSTILE_SUMMARY);
    await popup.close();
  });

  it('says which files of a bulk export are new and which replace an earlier export', async () => {
    const page = await openLibrary('#episodes');
    const exportZip = async () => {
      await page.getByRole('checkbox', { name: /Select all/ }).check();
      const [zip] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export Markdown (zip, a file per episode)' }).click(),
      ]);
      return zip.suggestedFilename();
    };
    const demo = `${FILE}.md`;
    const gardens = 'City Gardens - Gardens on the roof.md';
    const first = await exportZip();
    await expect
      .poll(() => noticeText(page))
      .toBe(
        `Downloaded ${first}: 2 new, 0 replacing an earlier export (same file name). ` +
          `New: ${demo}, ${gardens}.`,
      );

    // One more episode in the library: its file is new, the others replace theirs.
    await go(page, '#backup');
    await page.getByLabel('Backup file').setInputFiles({
      name: 'more.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        serializeBackup({
          episodes: [makeEpisode('drafts', { title: 'Drafts', show: 'City Gardens' })],
          quotes: [],
        }),
      ),
    });
    await expect.poll(() => extensionDb<number>(page, { op: 'count', store: 'episodes' })).toBe(3);
    await go(page, '#episodes');
    const second = await exportZip();
    await expect
      .poll(() => noticeText(page))
      .toBe(
        `Downloaded ${second}: 1 new, 2 replacing an earlier export (same file name). ` +
          `New: City Gardens - Drafts.md. Replacing: ${demo}, ${gardens}.`,
      );
    await page.close();
  });
});
