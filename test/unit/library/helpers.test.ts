import { describe, expect, it, vi } from 'vitest';
import type { Episode, LibraryData, Quote } from '../../../src/core/model';
import { backupStatus, REMIND_AFTER_CHANGES } from '../../../src/ui/library/backup-reminder';
import {
  arrangeLibrary,
  facetsOf,
  filterRows,
  NO_FILTER,
  sortRows,
} from '../../../src/ui/library/episodes';
import { webHref } from '../../../src/core/web-url';
import { formatBytes } from '../../../src/ui/format';
import { exportedFilesFrom, newAndReplaced } from '../../../src/ui/library/export';
import { routeFromHash, hashOf } from '../../../src/ui/library/Library';
import { DEFAULT_SETTINGS, readSettings } from '../../../src/ui/library/settings';
import { makeEpisode, makeQuote } from '../../support/records';

vi.mock('../../../src/browser/extension-api', () => import('../ui/fake-browser'));

const T = '2026-01-01T00:00:00.000Z';

function episode(id: string, fields: Partial<Episode> = {}): Episode {
  const time = { createdAt: T, updatedAt: T };
  return makeEpisode(id, { title: id, show: '', ...time, ...fields });
}

function quote(id: string, episodeId: string, fields: Partial<Quote> = {}): Quote {
  const time = { createdAt: T, updatedAt: T };
  return makeQuote(id, episodeId, { text: id, timeSec: null, ...time, ...fields });
}

const titles = (rows: { episode: Episode }[]) => rows.map((r) => r.episode.title);

describe('episode rows', () => {
  it("take the latest edit of the episode or any of its quotes as the episode's last edit", () => {
    const view = arrangeLibrary({
      episodes: [episode('a', { updatedAt: '2026-02-01T00:00:00.000Z' })],
      quotes: [quote('q', 'a', { updatedAt: '2026-03-01T00:00:00.000Z' })],
    });
    expect(view.rows[0]).toMatchObject({ quoteCount: 1, lastEdited: '2026-03-01T00:00:00.000Z' });
  });

  it('hold quotes in playback order, untimed ones last in capture order', () => {
    const view = arrangeLibrary({
      episodes: [episode('a')],
      quotes: [
        quote('late', 'a', { timeSec: 90 }),
        quote('untimed-2', 'a', { order: 2 }),
        quote('early', 'a', { timeSec: 5 }),
        quote('untimed-1', 'a', { order: 1 }),
      ],
    });
    expect(view.quotesByEpisode.get('a')!.map((q) => q.id)).toEqual([
      'early',
      'late',
      'untimed-1',
      'untimed-2',
    ]);
  });

  it('put undated episodes last when ordered by publication', () => {
    const { rows } = arrangeLibrary({
      episodes: [
        episode('undated'),
        episode('old', { publishedAt: '2020-01-01' }),
        episode('new', { publishedAt: '2026-01-01T10:00:00Z' }),
      ],
      quotes: [],
    });
    expect(titles(sortRows(rows, 'published'))).toEqual(['new', 'old', 'undated']);
  });

  it('order by show alphabetically, ignoring case, with episodes without a show last', () => {
    const { rows } = arrangeLibrary({
      episodes: [
        episode('none'),
        episode('b1', { show: 'beta', publishedAt: '2026-01-01' }),
        episode('a1', { show: 'Alpha' }),
        episode('b2', { show: 'Beta', publishedAt: '2026-05-01' }),
      ],
      quotes: [],
    });
    expect(titles(sortRows(rows, 'show'))).toEqual(['a1', 'b2', 'b1', 'none']);
  });
});

describe('filters', () => {
  const data: LibraryData = {
    episodes: [
      episode('a', {
        show: 'Café Talk',
        participants: [{ id: 'p', name: 'Léa Martin', role: 'host' }],
        tags: ['Music'],
      }),
      episode('b', { show: 'cafe talk', tags: ['music', 'history'] }),
      episode('c', { show: 'Other' }),
    ],
    quotes: [],
  };
  const { rows } = arrangeLibrary(data);

  it('match show, speaker and tag ignoring case and accents', () => {
    expect(titles(filterRows(rows, { ...NO_FILTER, show: 'CAFE TALK' }))).toEqual(['a', 'b']);
    expect(titles(filterRows(rows, { ...NO_FILTER, speaker: 'lea martin' }))).toEqual(['a']);
    expect(titles(filterRows(rows, { ...NO_FILTER, tag: 'MUSIC' }))).toEqual(['a', 'b']);
  });

  it('offer each show, speaker and tag once, in alphabetical order', () => {
    expect(facetsOf(rows)).toEqual({
      shows: ['Café Talk', 'Other'],
      speakers: ['Léa Martin'],
      tags: ['history', 'Music'],
    });
  });
});

describe('the backup reminder', () => {
  const now = new Date('2026-06-10T00:00:00Z');
  const many = (n: number, updatedAt: string): LibraryData => ({
    episodes: [episode('e', { updatedAt })],
    quotes: Array.from({ length: n - 1 }, (_, i) => quote(`q${i}`, 'e', { updatedAt })),
  });

  it('stays quiet for an empty library and for a few fresh changes', () => {
    expect(backupStatus({ episodes: [], quotes: [] }, null, now).reminder).toBe(false);
    expect(backupStatus(many(3, '2026-06-09T00:00:00Z'), null, now)).toEqual({
      lastBackupAt: null,
      changed: 3,
      reminder: false,
    });
  });

  it(`reminds after ${REMIND_AFTER_CHANGES} changes since the last backup`, () => {
    const status = backupStatus(
      many(REMIND_AFTER_CHANGES, '2026-06-09T00:00:00Z'),
      '2026-06-01T00:00:00Z',
      now,
    );
    expect(status).toMatchObject({ changed: REMIND_AFTER_CHANGES, reminder: true });
  });

  it('reminds when even one change has waited a week without a backup', () => {
    expect(backupStatus(many(1, '2026-06-02T00:00:00Z'), null, now).reminder).toBe(true);
  });

  it('counts nothing backed up already', () => {
    const status = backupStatus(many(50, '2026-06-01T00:00:00Z'), '2026-06-05T00:00:00Z', now);
    expect(status).toMatchObject({ changed: 0, reminder: false });
  });
});

describe('settings read from the store', () => {
  it('are the defaults when nothing was saved', () => {
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('look for transcripts automatically only when the person switched it on', () => {
    expect(DEFAULT_SETTINGS.findTranscriptsAutomatically).toBe(false);
    expect(readSettings({ findTranscriptsAutomatically: true }).findTranscriptsAutomatically).toBe(
      true,
    );
  });

  it('keep every valid field and replace only the broken ones', () => {
    expect(
      readSettings({
        exportDefaults: { frontMatter: true, timestamps: 'yes', quoteGrouping: 'colour' },
        floatingButton: false,
        detectAllSites: 1,
        findTranscriptsAutomatically: 'yes',
        template: { choice: 'mustache', custom: '# {{title}}' },
        obsidian: { vault: 'Notes', folder: 7 },
      }),
    ).toEqual({
      exportDefaults: { frontMatter: true, timestamps: true, quoteGrouping: 'time' },
      floatingButton: false,
      detectAllSites: false,
      findTranscriptsAutomatically: false,
      template: { choice: 'overview', custom: '# {{title}}' },
      obsidian: { vault: 'Notes', folder: 'Podcasts' },
    });
  });
});

describe('files of a re-export', () => {
  it('tells new files from ones replacing an earlier export, by episode and file name', () => {
    const names = new Map([
      ['a', 'Show - One.md'],
      ['b', 'Show - Two (renamed).md'],
      ['c', 'Show - Three.md'],
    ]);
    expect(newAndReplaced(names, { a: 'Show - One.md', b: 'Show - Two.md', z: 'Gone.md' })).toEqual(
      { added: ['Show - Two (renamed).md', 'Show - Three.md'], replaced: ['Show - One.md'] },
    );
  });

  it('reads the stored record of exported files, dropping what is not a file name', () => {
    expect(exportedFilesFrom({ a: 'One.md', b: 7, c: null })).toEqual({ a: 'One.md' });
    expect(exportedFilesFrom(['One.md'])).toEqual({});
    expect(exportedFilesFrom(null)).toEqual({});
  });
});

describe('page addresses', () => {
  it('name the tabs and an episode, and survive ids with any characters', () => {
    expect(routeFromHash('')).toEqual({ name: 'episodes' });
    expect(routeFromHash('#settings')).toEqual({ name: 'settings' });
    const route = { name: 'episode', id: 'a/b#c d' } as const;
    expect(routeFromHash(hashOf(route))).toEqual(route);
  });
});

describe('formatting', () => {
  it('writes sizes in decimal units', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(2_400_000)).toBe('2.4 MB');
    expect(formatBytes(120_000_000_000)).toBe('120 GB');
  });

  it('links only web addresses', () => {
    expect(webHref('https://a.example/x')).toBe('https://a.example/x');
    expect(webHref('javascript:alert(1)')).toBeNull();
    expect(webHref('data:text/html,hi')).toBeNull();
    expect(webHref('not a url')).toBeNull();
  });
});
