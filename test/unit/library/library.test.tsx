/**
 * The library page, rendered with a real store (fake-indexeddb) and a fake browser: what a
 * person sees and what each action writes, downloads or asks the browser for.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deepLink } from '../../../src/core/deeplink';
import type { Episode, LibraryData, Quote } from '../../../src/core/model';
import { Library } from '../../../src/ui/library/Library';
import { fakeBrowser, snapshot, type FakeBrowser } from './fake-api';
import { makeLibrary } from './make-library';
import { makeEpisode, makeQuote } from '../../support/records';

vi.mock('../../../src/browser/extension-api', () => import('../ui/fake-browser'));

const T0 = '2026-01-01T00:00:00.000Z';

function episode(id: string, fields: Partial<Episode>): Episode {
  const time = { createdAt: T0, updatedAt: T0 };
  return makeEpisode(id, { title: `Title ${id}`, show: 'Show', ...time, ...fields });
}

function quote(id: string, episodeId: string, text: string, fields: Partial<Quote> = {}): Quote {
  const time = { createdAt: T0, updatedAt: T0 };
  return makeQuote(id, episodeId, { text, timeSec: 62, ...time, ...fields });
}

/** Three episodes from two shows, with speakers and tags to filter by. */
const LIBRARY: LibraryData = {
  episodes: [
    episode('pen', {
      title: 'Listening with a pen in hand',
      show: 'The Margin Notes Podcast',
      publishedAt: '2026-03-10',
      updatedAt: '2026-05-01T10:00:00.000Z',
      participants: [
        { id: 'ada', name: 'Ada Park', role: 'host' },
        { id: 'sam', name: 'Sam Rivera', role: 'guest' },
      ],
      tags: ['listening'],
      twoCents: 'The haystack line is the one I will remember.',
    }),
    episode('gardens', {
      title: 'Gardens on the roof',
      show: 'City Gardens',
      publishedAt: '2026-04-20',
      updatedAt: '2026-02-01T10:00:00.000Z',
      participants: [{ id: 'noor', name: 'Noor Haddad', role: 'host' }],
      tags: ['cities'],
    }),
    episode('drafts', {
      title: 'Drafts and second drafts',
      show: 'The Margin Notes Podcast',
      publishedAt: '2026-01-05',
      updatedAt: '2026-03-01T10:00:00.000Z',
      participants: [{ id: 'ada2', name: 'Ada Park', role: 'host' }],
      tags: ['writing', 'listening'],
    }),
  ],
  quotes: [
    quote('q1', 'pen', 'Write down the words that surprised you.', { speakerId: 'sam' }),
    quote('q2', 'pen', 'A needle in a haystack of talk.', { timeSec: 125, order: 1 }),
    quote('q3', 'gardens', 'Bees <b>love</b> a flat roof.', {
      speakerId: 'noor',
      // Editing a quote makes its episode the most recently edited.
      updatedAt: '2026-06-01T09:00:00.000Z',
    }),
  ],
};

let browser: FakeBrowser;

beforeEach(() => {
  history.replaceState(null, '', '#episodes');
  browser = fakeBrowser();
});

afterEach(async () => {
  cleanup();
  await browser.store.close();
});

async function openLibrary(data: LibraryData | null = LIBRARY) {
  if (data) await browser.store.restoreLibrary(data);
  render(<Library api={browser.api} />);
  await waitFor(() => expect(screen.queryByText('Loading your library…')).toBeNull());
}

/** Follows an in-page link as the browser would: the hash changes, the page hears of it. */
function go(hash: string) {
  history.replaceState(null, '', hash);
  dispatchEvent(new HashChangeEvent('hashchange'));
}

const episodeTitles = () =>
  screen
    .queryAllByRole('link')
    .filter((a) => a.classList.contains('episode-title'))
    .map((a) => a.textContent);

/** The line above the results that says how many matched. */
const searchSummary = () => document.querySelector('.results [role="status"]')?.textContent;

function pick(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

/** Clicks as a person does: the browser counts it as a user gesture while it is dispatched. */
function click(element: Element) {
  browser.gesture.active = true;
  try {
    fireEvent.click(element);
  } finally {
    browser.gesture.active = false;
  }
}

describe('an empty library', () => {
  it('welcomes the person and says how to save the first quote', async () => {
    await openLibrary(null);
    expect(screen.getByRole('heading', { name: 'Welcome to your Earmark library' })).toBeTruthy();
    const steps = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(steps.map((s) => s.textContent)).toEqual([
      expect.stringContaining('Open a podcast episode'),
      expect.stringContaining('highlight its words'),
      expect.stringContaining('Click the Earmark icon'),
    ]);
    expect(document.body.textContent).not.toContain('npm');
    expect(screen.getByRole('link', { name: 'Restore a backup' }).getAttribute('href')).toBe(
      '#backup',
    );
  });
});

describe('the episodes list', () => {
  it('lists episodes most recently edited first, counting edits to their quotes', async () => {
    await openLibrary();
    expect(episodeTitles()).toEqual([
      'Gardens on the roof',
      'Listening with a pen in hand',
      'Drafts and second drafts',
    ]);
  });

  it('orders by publication date or by show when asked', async () => {
    await openLibrary();
    pick('Order', 'published');
    expect(episodeTitles()).toEqual([
      'Gardens on the roof',
      'Listening with a pen in hand',
      'Drafts and second drafts',
    ]);
    pick('Order', 'show');
    expect(episodeTitles()).toEqual([
      'Gardens on the roof',
      'Listening with a pen in hand',
      'Drafts and second drafts',
    ]);
  });

  it('filters by show, speaker and tag, and clears the filters', async () => {
    await openLibrary();
    pick('Show', 'The Margin Notes Podcast');
    expect(episodeTitles()).toEqual(['Listening with a pen in hand', 'Drafts and second drafts']);
    pick('Speaker', 'Sam Rivera');
    expect(episodeTitles()).toEqual(['Listening with a pen in hand']);
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    pick('Tag', 'writing');
    expect(episodeTitles()).toEqual(['Drafts and second drafts']);
  });

  it('shows each episode with its show, dates, quote count and tags', async () => {
    await openLibrary();
    const row = screen.getByText('Listening with a pen in hand').closest('li')!;
    expect(row.textContent).toContain('The Margin Notes Podcast');
    expect(row.textContent).toContain('Quotes: 2');
    expect(within(row).getByText('listening')).toBeTruthy();
  });
});

describe('search as you type', () => {
  it('finds quotes and episodes and marks the matching words', async () => {
    await openLibrary();
    const box = screen.getByRole('searchbox');
    fireEvent.input(box, { target: { value: 'hay' } });
    expect(searchSummary()).toBe('Matching episodes: 1 · matching quotes: 1');
    const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(['hay', 'hay']);
    fireEvent.input(box, { target: { value: 'haystack talk' } });
    expect([...document.querySelectorAll('.hit-quote mark')].map((m) => m.textContent)).toEqual([
      'haystack',
      'talk',
    ]);
  });

  it('finds a quote by its speaker, with a link to the moment on the episode page', async () => {
    await openLibrary();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'rivera' } });
    const hit = screen.getByRole('article', { name: 'Quote' });
    expect(within(hit).getByText('Rivera').tagName).toBe('MARK');
    const time = within(hit).getByRole('link', { name: '1:02' });
    expect(time.getAttribute('href')).toBe(deepLink(LIBRARY.episodes[0]!, 62));
    expect(time.getAttribute('target')).toBe('_blank');
  });

  it('shows page text that looks like markup as text', async () => {
    await openLibrary();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'love' } });
    const quoteText = document.querySelector('.hit-quote')!;
    expect(quoteText.textContent).toBe('Bees <b>love</b> a flat roof.');
    expect(quoteText.querySelector('b')).toBeNull();
    expect(quoteText.querySelector('mark')!.textContent).toBe('love');
  });

  it('searches only the filtered episodes', async () => {
    await openLibrary();
    pick('Show', 'City Gardens');
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'the' } });
    const hits = screen.getAllByRole('article');
    expect(hits.every((h) => h.textContent!.includes('Gardens on the roof'))).toBe(true);
  });

  it('renders only the rows in view when 10,000 quotes match', async () => {
    await openLibrary(makeLibrary({ episodes: 500, quotes: 10_000 }));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'e' } });
    expect(searchSummary()).toBe('Matching episodes: 500 · matching quotes: 10,000');
    const rows = document.querySelectorAll('.hit');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(80);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('10500');
  });
});

/**
 * The first Markdown export imports the serialiser and the template engine (docs/decisions/0004):
 * cold, on a busy machine, that takes more than waitFor's default second.
 */
const FIRST_EXPORT = { timeout: 5_000 };

describe('bulk actions', () => {
  function select(title: string) {
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${title}` }));
  }

  it('exports the selected episodes as a zip of one Markdown file each', async () => {
    await openLibrary();
    select('Listening with a pen in hand');
    select('Gardens on the roof');
    fireEvent.click(
      screen.getByRole('button', { name: 'Export Markdown (zip, a file per episode)' }),
    );
    await waitFor(() => expect(browser.downloads).toHaveLength(1), FIRST_EXPORT);
    const [download] = browser.downloads;
    expect(download!.name).toBe('Earmark overviews 2026-06-01.zip');
    const files = unzipSync(new Uint8Array(await download!.blob.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      'City Gardens - Gardens on the roof.md',
      'The Margin Notes Podcast - Listening with a pen in hand.md',
    ]);
    const pen = strFromU8(files['The Margin Notes Podcast - Listening with a pen in hand.md']!);
    expect(pen).toContain('# Podcast Episode Overview: Listening with a pen in hand');
    expect(pen).toContain('Write down the words that surprised you.');
  });

  it('exports several episodes as one Markdown file, one overview after another', async () => {
    await openLibrary();
    fireEvent.click(screen.getByRole('checkbox', { name: /Select all/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown (one file)' }));
    await waitFor(() => expect(browser.downloads).toHaveLength(1), FIRST_EXPORT);
    const text = await browser.downloads[0]!.blob.text();
    expect(browser.downloads[0]!.name).toBe('Earmark overviews 2026-06-01.md');
    expect(text.match(/^# Podcast Episode Overview: /gm)).toHaveLength(3);
    expect(text.startsWith('---')).toBe(false);
  });

  it('deletes only after confirmation, and Undo brings everything back', async () => {
    await openLibrary();
    const before = await snapshot(browser.store);
    select('Listening with a pen in hand');
    select('Drafts and second drafts');
    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain(
      'Delete the selected episodes (2) and all their quotes (2)?',
    );
    expect(document.activeElement?.textContent).toBe('Cancel');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(await snapshot(browser.store)).toEqual(before);

    fireEvent.click(screen.getByRole('button', { name: 'Delete…' }));
    fireEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }),
    );
    await waitFor(() => expect(episodeTitles()).toEqual(['Gardens on the roof']));
    expect((await browser.store.exportLibrary()).quotes.map((q) => q.id)).toEqual(['q3']);
    expect(screen.getByText(/Deleted episodes: 2, with their quotes: 2/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(episodeTitles()).toHaveLength(3));
    expect(await snapshot(browser.store)).toEqual(before);
  });
});

describe('one episode', () => {
  it("shows the overview read-only, with each quote's time linking to that moment", async () => {
    await openLibrary();
    go('#episode/pen');
    await screen.findByRole('heading', { name: 'Listening with a pen in hand' });
    const quotes = screen
      .getAllByRole('listitem')
      .filter((li) => li.classList.contains('overview-quote'));
    expect(quotes.map((q) => q.querySelector('blockquote')!.textContent)).toEqual([
      'Write down the words that surprised you.',
      'A needle in a haystack of talk.',
    ]);
    expect(within(quotes[1]!).getByRole('link', { name: '2:05' }).getAttribute('href')).toBe(
      'https://podcasts.example/pen#t=125',
    );
    expect(screen.getByText('The haystack line is the one I will remember.')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('links to the editor for that episode, in a new tab, without needing its page', async () => {
    await openLibrary();
    go('#episode/pen');
    await screen.findByRole('heading', { name: 'Listening with a pen in hand' });
    const edit = screen.getByRole('link', { name: 'Edit' });
    expect(edit.getAttribute('href')).toBe('/src/ui/sidepanel/index.html?episode=pen');
    expect(edit.getAttribute('target')).toBe('_blank');
    expect(edit.getAttribute('title')).toBe('Edit this episode in a new tab');
    expect(screen.queryByText(/To edit this episode, open its page/)).toBeNull();
  });

  it('never turns a stored non-web address into a link', async () => {
    await openLibrary({
      episodes: [
        episode('js', {
          url: 'javascript:alert(1)',
          title: 'Hostile',
          references: [{ title: 'Click me', url: 'javascript:alert(2)' }],
        }),
      ],
      quotes: [quote('qj', 'js', 'A quote')],
    });
    go('#episode/js');
    await screen.findByRole('heading', { name: 'Hostile' });
    const hrefs = screen.getAllByRole('link').map((a) => a.getAttribute('href') ?? '');
    expect(hrefs.some((href) => href.startsWith('javascript:'))).toBe(false);
    expect(screen.getByText('Click me').tagName).toBe('LI');
  });
});

describe('backup and restore', () => {
  it('downloads a backup of everything, records when, and stops reminding', async () => {
    // Every record is newer than "never": the reminder shows before the first backup.
    browser.clock.now = new Date('2026-07-01T00:00:00Z');
    await openLibrary();
    expect(screen.getByRole('note').textContent).toContain('You have never backed up');
    go('#backup');
    fireEvent.click(await screen.findByRole('button', { name: 'Download backup' }));
    await waitFor(() => expect(browser.downloads).toHaveLength(1));
    expect(browser.downloads[0]!.name).toBe('earmark-backup-2026-07-01.json');
    const file = JSON.parse(await browser.downloads[0]!.blob.text());
    expect(file.format).toBe('earmark-backup');
    expect(file.episodes).toHaveLength(3);
    expect(file.quotes).toHaveLength(3);
    expect(await browser.store.getMeta('lastBackupAt')).toBe('2026-07-01T00:00:00.000Z');
    go('#episodes');
    await waitFor(() => expect(screen.queryByRole('note')).toBeNull());
  });

  it('refuses a broken file, showing each problem with its place, and changes nothing', async () => {
    await openLibrary();
    const before = await snapshot(browser.store);
    go('#backup');
    const bad = JSON.stringify({
      format: 'earmark-backup',
      version: 1,
      exportedAt: T0,
      episodes: [],
      quotes: [{ ...LIBRARY.quotes[0], timeSec: -5, episodeId: 'nowhere' }],
    });
    fireEvent.change(await screen.findByLabelText('Backup file'), {
      target: { files: [new File([bad], 'broken.json', { type: 'application/json' })] },
    });
    const problems = await screen.findByRole('list', { name: 'Problems in the file' });
    const items = within(problems)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^quotes\[0\]\.timeSec: /),
        expect.stringMatching(/^quotes\[0\]\.episodeId: /),
      ]),
    );
    expect(screen.getByText(/broken\.json was not restored/).textContent).toContain(
      'Nothing was changed.',
    );
    expect(await snapshot(browser.store)).toEqual(before);
  });

  it('restores a backup into an emptied library, reporting the counts', async () => {
    await openLibrary();
    go('#backup');
    fireEvent.click(await screen.findByRole('button', { name: 'Download backup' }));
    await waitFor(() => expect(browser.downloads).toHaveLength(1));
    const before = await snapshot(browser.store);
    const backup = await browser.downloads[0]!.blob.text();
    await browser.store.wipe();

    fireEvent.change(screen.getByLabelText('Backup file'), {
      target: { files: [new File([backup], 'earmark-backup.json')] },
    });
    const table = await screen.findByRole('table');
    const row = (name: string) =>
      within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td');
    expect([...row('Episodes')].map((td) => td.textContent)).toEqual(['3', '0', '0', '0']);
    expect([...row('Quotes')].map((td) => td.textContent)).toEqual(['3', '0', '0', '0']);
    expect(await snapshot(browser.store)).toEqual(before);
  });

  it('shows storage use and asks the browser to keep the data', async () => {
    await openLibrary();
    go('#backup');
    expect((await screen.findByText(/^Using /)).textContent).toBe(
      'Using 2.4 MB of the 120 GB this browser allows.',
    );
    expect(screen.getByText(/may delete this data/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ask the browser to keep it' }));
    expect(await screen.findByText("Granted: the browser will keep Earmark's data.")).toBeTruthy();
    expect(screen.getByText(/keeps this data even when the disk runs low/)).toBeTruthy();
  });
});

describe('settings', () => {
  it('saves export defaults, and the next export uses them', async () => {
    await openLibrary();
    go('#settings');
    fireEvent.click(await screen.findByRole('checkbox', { name: /YAML front matter/ }));
    pick('Quotes list', 'speaker');
    await waitFor(async () =>
      expect(await browser.store.getMeta('settings')).toMatchObject({
        exportDefaults: { frontMatter: true, timestamps: true, quoteGrouping: 'speaker' },
      }),
    );
    go('#episode/pen');
    fireEvent.click(await screen.findByRole('button', { name: 'Export Markdown' }));
    await waitFor(() => expect(browser.downloads).toHaveLength(1));
    expect((await browser.downloads[0]!.blob.text()).startsWith('---\n')).toBe(true);
  });

  it('keeps the floating button setting across visits', async () => {
    await openLibrary();
    go('#settings');
    const box = await screen.findByRole('checkbox', { name: /capture button/ });
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await waitFor(async () =>
      expect(await browser.store.getMeta('settings')).toMatchObject({ floatingButton: false }),
    );
    cleanup();
    render(<Library api={browser.api} />);
    const again = await screen.findByRole('checkbox', { name: /capture button/ });
    expect((again as HTMLInputElement).checked).toBe(false);
  });

  it('keeps “Look for transcripts automatically”, off until switched on, with what it does', async () => {
    await openLibrary();
    go('#settings');
    const box = (await screen.findByRole('checkbox', {
      name: 'Look for transcripts automatically',
    })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    const help = document.getElementById(box.getAttribute('aria-describedby')!)!;
    expect(help.textContent).toContain('fetches the feed the page names');
    expect(help.textContent).toContain('Nothing you wrote is sent.');
    fireEvent.click(box);
    await waitFor(async () =>
      expect(await browser.store.getMeta('settings')).toMatchObject({
        findTranscriptsAutomatically: true,
      }),
    );
    cleanup();
    render(<Library api={browser.api} />);
    const again = await screen.findByRole('checkbox', {
      name: 'Look for transcripts automatically',
    });
    expect((again as HTMLInputElement).checked).toBe(true);
  });

  it('asks for all sites during the click itself, then registers the content script', async () => {
    await openLibrary();
    go('#settings');
    const box = (await screen.findByRole('checkbox', {
      name: 'Detect podcast episodes on all sites',
    })) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    click(box);
    expect(browser.gesture.requestsOutside).toBe(0);
    await screen.findByText('Earmark now detects episodes on every site.');
    expect(box.checked).toBe(true);
    expect(browser.applied).toHaveBeenCalled();
    await waitFor(async () =>
      expect(await browser.store.getMeta('settings')).toMatchObject({ detectAllSites: true }),
    );

    click(box);
    await screen.findByText(/detects episodes on the podcast sites it knows/);
    expect(browser.permission.held).toBe(false);
    expect(box.checked).toBe(false);
    // Once on opening the settings, once after each answer.
    expect(browser.applied).toHaveBeenCalledTimes(3);
  });

  it('says so when the browser does not grant all sites, and stays off', async () => {
    browser.permission.grant = false;
    await openLibrary();
    go('#settings');
    const box = (await screen.findByRole('checkbox', {
      name: 'Detect podcast episodes on all sites',
    })) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    click(box);
    await screen.findByText('The browser did not grant access to all sites, so nothing changed.');
    expect(box.checked).toBe(false);
  });

  it('follows a permission change made elsewhere', async () => {
    await openLibrary();
    go('#settings');
    const box = (await screen.findByRole('checkbox', {
      name: 'Detect podcast episodes on all sites',
    })) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    browser.permission.held = true;
    browser.permission.listeners.forEach((listener) => listener());
    await waitFor(() => expect(box.checked).toBe(true));
  });

  it("shows the capture shortcut and opens the browser's shortcuts page", async () => {
    await openLibrary();
    go('#settings');
    expect((await screen.findByText('Alt+Shift+Q')).tagName).toBe('KBD');
    fireEvent.click(screen.getByRole('link', { name: 'chrome://extensions/shortcuts' }));
    expect(browser.shortcutSettingsOpened).toHaveBeenCalled();
  });
});
