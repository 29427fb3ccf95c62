// @vitest-environment node
/**
 * The backup file: what it looks like, and every way a file is refused. A refused file yields
 * a list of problems, each with the place it was found, and never an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_CHARS,
  MAX_NESTING_DEPTH,
  MAX_REPORTED_PROBLEMS,
  parseBackup,
  serializeBackup,
  type BackupProblem,
} from '../../src/core/backup';
import type { Episode, LibraryData, Quote } from '../../src/core/model';
import { makeEpisode, makeQuote } from '../support/records';

const STAMP = '2024-05-01T10:00:00.000Z';
const EXPORTED = '2024-06-01T12:00:00.000Z';

function episode(id: string, overrides: Partial<Episode> = {}): Episode {
  return makeEpisode(id, {
    url: `https://podcasts.example.com/${id}`,
    title: `Episode ${id}`,
    show: 'The Show',
    publishedAt: '2024-04-30',
    durationSec: 3600,
    participants: [
      { id: 'p-ann', name: 'Ann', role: 'host' },
      { id: 'p-bo', name: 'Bo', role: 'guest' },
    ],
    sections: [{ id: 's-1', heading: 'Start', notes: 'Notes.' }],
    summary: 'Summary.',
    references: [{ title: 'Page', url: `https://podcasts.example.com/${id}` }],
    tags: ['tag'],
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  });
}

function quote(id: string, overrides: Partial<Quote> = {}): Quote {
  return makeQuote(id, 'ep-1', {
    text: `Quote ${id}`,
    speakerId: 'p-ann',
    sectionId: 's-1',
    timeSec: 12.5,
    anchor: {
      quote: { type: 'TextQuoteSelector', exact: `Quote ${id}`, prefix: 'a ', suffix: ' b' },
      position: { type: 'TextPositionSelector', start: 10, end: 20 },
      timeSec: 12.5,
    },
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  });
}

function library(): LibraryData {
  return {
    episodes: [
      episode('ep-1'),
      // A section made from the feed's chapters keeps its start.
      episode('ep-2', {
        sections: [
          { id: 's-1', heading: 'Start', notes: 'Notes.' },
          { id: 's-2', heading: 'Chapter two', notes: '', startSec: 95.5 },
        ],
      }),
    ],
    quotes: [quote('q-1'), quote('q-2', { speakerId: 'p-bo', sectionId: null, timeSec: null })],
  };
}

/** A valid file as a plain object, to break in one place. */
function fileObject(): Record<string, unknown> & { episodes: unknown[]; quotes: unknown[] } {
  return JSON.parse(serializeBackup(library(), EXPORTED)) as ReturnType<typeof fileObject>;
}

/** The problems of a file changed by `change`; fails the test if the file is accepted. */
function problemsOf(change: (file: ReturnType<typeof fileObject>) => void): BackupProblem[] {
  const file = fileObject();
  change(file);
  const result = parseBackup(JSON.stringify(file));
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

function set(target: unknown, path: (string | number)[], value: unknown): void {
  let node = target as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
}

function refusal(text: string): BackupProblem[] {
  const result = parseBackup(text);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('serializeBackup', () => {
  it('writes the format name, the version, the export time, the episodes and the quotes', () => {
    const file = JSON.parse(serializeBackup(library(), EXPORTED)) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'episodes', 'quotes']);
    expect(file).toMatchObject({ format: 'earmark-backup', version: 1, exportedAt: EXPORTED });
    expect(file.episodes).toEqual(library().episodes);
    expect(file.quotes).toEqual(library().quotes);
  });

  it('writes only the fields of the model, whatever else a record carries', () => {
    const data = library();
    Object.assign(data.quotes[0]!, { cachedHtml: '<b>x</b>' });
    expect(serializeBackup(data, EXPORTED)).not.toContain('cachedHtml');
  });

  it('stamps the export with the current time when none is given', () => {
    const result = parseBackup(serializeBackup(library()));
    expect(result.ok && Date.now() - Date.parse(result.exportedAt)).toBeLessThan(60_000);
  });
});

describe('parseBackup accepts', () => {
  it('a file it wrote, with its version and export time', () => {
    expect(parseBackup(serializeBackup(library(), EXPORTED))).toEqual({
      ok: true,
      data: library(),
      version: BACKUP_VERSION,
      exportedAt: EXPORTED,
    });
  });

  it('a page saved quotes from keeps its kind; a record from before kinds stays without one', () => {
    const data = library();
    data.episodes[0] = { ...data.episodes[0]!, kind: 'page' };
    const result = parseBackup(serializeBackup(data, EXPORTED));
    expect(result.ok && result.data.episodes[0]!.kind).toBe('page');
    const older = parseBackup(serializeBackup(library(), EXPORTED));
    expect(older.ok && 'kind' in older.data.episodes[0]!).toBe(false);
  });

  it('a file saved with a byte-order mark', () => {
    expect(parseBackup(`\ufeff${serializeBackup(library(), EXPORTED)}`).ok).toBe(true);
  });

  it('a library with nothing in it', () => {
    const result = parseBackup(serializeBackup({ episodes: [], quotes: [] }, EXPORTED));
    expect(result).toMatchObject({ ok: true, data: { episodes: [], quotes: [] } });
  });

  it('fields it does not know, leaving them out of what it returns (no prototype tricks)', () => {
    const file = fileObject();
    set(file, ['quotes', 0, 'extra'], 'x');
    const text = JSON.stringify(file).replace(
      '"episodes":[',
      '"__proto__":{"polluted":1},"episodes":[',
    );
    const result = parseBackup(text);
    expect(result.ok).toBe(true);
    expect(result.ok && result.data.quotes[0]).not.toHaveProperty('extra');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseBackup refuses', () => {
  it('an episode kind it does not know', () => {
    const problems = problemsOf((file) => set(file, ['episodes', 0, 'kind'], 'article'));
    expect(problems).toEqual([
      { path: 'episodes[0].kind', message: 'expected a kind: episode, page' },
    ]);
  });

  it('an empty file', () => {
    expect(refusal('')).toEqual([{ path: '', message: 'the file is empty' }]);
    expect(refusal(' \n\t ')).toEqual([{ path: '', message: 'the file is empty' }]);
  });

  it('a truncated file, cut anywhere', () => {
    const text = serializeBackup(library(), EXPORTED);
    for (const end of [1, 40, Math.floor(text.length / 2), text.length - 3]) {
      const [problem] = refusal(text.slice(0, end));
      expect(problem?.path).toBe('');
      expect(problem?.message).toMatch(/cut off|not valid JSON/);
    }
    expect(refusal(text.slice(0, text.length / 2))[0]?.message).toMatch(/truncated/);
  });

  it('text that is not JSON', () => {
    for (const text of ['hello', "{'format': 'earmark-backup'}", '{"a":1}}', 'NaN']) {
      expect(refusal(text)).toEqual([
        { path: '', message: expect.stringMatching(/^not valid JSON/) as unknown },
      ]);
    }
  });

  it('JSON that is not an Earmark backup', () => {
    for (const text of ['[]', '"earmark-backup"', 'null', '{"format":"other","version":1}']) {
      expect(refusal(text)).toEqual([
        { path: 'format', message: 'not an Earmark backup (expected "earmark-backup")' },
      ]);
    }
  });

  it(`nesting deeper than ${MAX_NESTING_DEPTH} levels, before parsing it`, () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    expect(refusal(deep)[0]?.message).toMatch(/nested more than/);
    const file = fileObject();
    set(file, ['episodes', 0, 'tags'], JSON.parse('['.repeat(40) + ']'.repeat(40)));
    expect(refusal(JSON.stringify(file))[0]?.message).toMatch(/nested more than 32 levels/);
  });

  it('a file larger than the limit, without reading it', () => {
    const text = serializeBackup(library(), EXPORTED);
    expect(parseBackup(text, { maxChars: 100 })).toEqual({
      ok: false,
      errors: [{ path: '', message: expect.stringMatching(/too large/) as unknown }],
    });
    expect(MAX_BACKUP_CHARS).toBe(200 * 1024 * 1024);
  });

  it('a file from a newer version of Earmark', () => {
    expect(problemsOf((f) => (f.version = BACKUP_VERSION + 1))).toEqual([
      { path: 'version', message: expect.stringMatching(/newer Earmark.*version 2/) as unknown },
    ]);
  });

  it('a version that is not a whole number ≥ 1', () => {
    for (const version of [0, 1.5, '1', null]) {
      expect(problemsOf((f) => (f.version = version))).toEqual([
        { path: 'version', message: 'expected a whole number ≥ 1' },
      ]);
    }
  });

  it('links that are not http(s)', () => {
    const problems = problemsOf((f) => {
      set(f, ['episodes', 0, 'url'], 'javascript:alert(1)');
      set(f, ['episodes', 0, 'feedUrl'], 'ftp://example.com/feed');
      set(f, ['episodes', 1, 'imageUrl'], 'data:image/png;base64,AAAA');
      set(f, ['episodes', 1, 'references', 0, 'url'], 'file:///etc/passwd');
    });
    expect(problems).toEqual([
      { path: 'episodes[0].feedUrl', message: 'expected an http(s) address' },
      { path: 'episodes[0].url', message: 'expected an http(s) address' },
      { path: 'episodes[1].imageUrl', message: 'expected an http(s) address' },
      { path: 'episodes[1].references[0].url', message: 'expected an http(s) address' },
    ]);
  });

  it('roles and platforms it does not know', () => {
    const problems = problemsOf((f) => {
      set(f, ['episodes', 0, 'participants', 1, 'role'], 'villain');
      set(f, ['episodes', 1, 'platform'], 'myspace');
    });
    expect(problems).toEqual([
      {
        path: 'episodes[0].participants[1].role',
        message: 'expected a role: host, co-host, guest, interviewer, narrator, other',
      },
      { path: 'episodes[1].platform', message: expect.stringMatching(/^expected a platform: /) },
    ]);
  });

  it('quotes of an episode that is not in the file', () => {
    expect(problemsOf((f) => set(f, ['quotes', 1, 'episodeId'], 'ep-gone'))).toEqual([
      { path: 'quotes[1].episodeId', message: 'no episode with id "ep-gone" in this file' },
    ]);
  });

  it('a speaker or section that its episode does not have', () => {
    const problems = problemsOf((f) => {
      set(f, ['quotes', 0, 'speakerId'], 'p-nobody');
      set(f, ['quotes', 0, 'sectionId'], 's-nowhere');
    });
    expect(problems).toEqual([
      { path: 'quotes[0].sectionId', message: 'no section with id "s-nowhere" in episode "ep-1"' },
      {
        path: 'quotes[0].speakerId',
        message: 'no participant with id "p-nobody" in episode "ep-1"',
      },
    ]);
  });

  it('the same id twice: episodes, quotes, participants, sections', () => {
    const problems = problemsOf((f) => {
      set(f, ['episodes', 1, 'id'], 'ep-1');
      set(f, ['quotes', 1, 'id'], 'q-1');
      set(f, ['episodes', 0, 'participants', 2], { id: 'p-ann', name: 'Ann again', role: 'guest' });
      set(f, ['episodes', 0, 'sections', 1], { id: 's-1', heading: 'Again', notes: '' });
    });
    expect(problems).toEqual([
      {
        path: 'episodes[0].participants[2].id',
        message: 'duplicate id "p-ann" (already used by episodes[0].participants[0])',
      },
      {
        path: 'episodes[0].sections[1].id',
        message: 'duplicate id "s-1" (already used by episodes[0].sections[0])',
      },
      { path: 'episodes[1].id', message: 'duplicate id "ep-1" (already used by episodes[0])' },
      { path: 'quotes[1].id', message: 'duplicate id "q-1" (already used by quotes[0])' },
    ]);
  });

  it('numbers out of range, saying what was expected', () => {
    const file = fileObject();
    file.quotes = Array.from({ length: 13 }, (_, i) => quote(`q-${i}`));
    set(file, ['quotes', 12, 'timeSec'], -1);
    set(file, ['quotes', 3, 'order'], 1.5);
    set(file, ['quotes', 4, 'anchor', 'position', 'end'], 2);
    const text = JSON.stringify(file).replace('"durationSec":3600', '"durationSec":1e999');
    expect(refusal(text)).toEqual([
      { path: 'episodes[0].durationSec', message: 'expected a number ≥ 0' },
      { path: 'quotes[3].order', message: 'expected a whole number ≥ 0' },
      { path: 'quotes[4].anchor.position.end', message: 'expected end ≥ start' },
      { path: 'quotes[12].timeSec', message: 'expected a number ≥ 0' },
    ]);
  });

  it("a section's start that is not a number ≥ 0", () => {
    for (const startSec of [-1, '95', null]) {
      expect(
        problemsOf((file) => set(file, ['episodes', 1, 'sections', 1, 'startSec'], startSec)),
      ).toEqual([{ path: 'episodes[1].sections[1].startSec', message: 'expected a number ≥ 0' }]);
    }
  });

  it('missing fields, wrong types and dates that are not ISO 8601', () => {
    const problems = problemsOf((f) => {
      delete (f.quotes[0] as Record<string, unknown>).text;
      set(f, ['quotes', 1, 'note'], 42);
      set(f, ['episodes', 0, 'updatedAt'], 'yesterday');
      set(f, ['episodes', 1, 'publishedAt'], '2024-13-01');
      set(f, ['episodes', 1, 'tags'], 'not a list');
    });
    expect(problems).toEqual([
      {
        path: 'episodes[0].updatedAt',
        message: 'expected an ISO 8601 date-time such as 2024-05-01T12:00:00.000Z',
      },
      {
        path: 'episodes[1].publishedAt',
        message: 'expected an ISO 8601 date or date-time such as 2024-05-01',
      },
      { path: 'episodes[1].tags', message: 'expected a list of tags' },
      { path: 'quotes[0].text', message: 'missing' },
      { path: 'quotes[1].note', message: 'expected text' },
    ]);
  });

  it(`every problem, up to ${MAX_REPORTED_PROBLEMS}, then how many more`, () => {
    const file = fileObject();
    file.quotes = Array.from({ length: 1500 }, (_, i) => quote(`q-${i}`, { timeSec: -1 }));
    const problems = refusal(JSON.stringify(file));
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems[0]).toEqual({ path: 'quotes[0].timeSec', message: 'expected a number ≥ 0' });
    expect(problems[MAX_REPORTED_PROBLEMS]).toEqual({
      path: '',
      message: 'and 500 more problems not listed',
    });
  });
});

describe('parseBackup never throws', () => {
  const isResult = (r: unknown) =>
    typeof r === 'object' && r !== null && typeof (r as { ok: unknown }).ok === 'boolean';

  it('on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(isResult(parseBackup(text))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('on any JSON value, alone or in place of any part of a valid file (property)', () => {
    const valid = serializeBackup(library(), EXPORTED);
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, at) => {
        expect(isResult(parseBackup(JSON.stringify(value)))).toBe(true);
        // Swap one value of the valid file (after a `:` or `[`) for the arbitrary one.
        const starts = [...valid.matchAll(/[:[]\s*/g)].map((m) => m.index + m[0].length);
        const start = starts[at % starts.length]!;
        const end =
          start + (/^("(?:[^"\\]|\\.)*"|[^,\]}\n]*)/.exec(valid.slice(start))?.[0].length ?? 0);
        const text = valid.slice(0, start) + JSON.stringify(value) + valid.slice(end);
        expect(isResult(parseBackup(text))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('when given something that is not text at all', () => {
    for (const input of [undefined, null, 42, {}, []]) {
      expect(parseBackup(input as unknown as string)).toEqual({
        ok: false,
        errors: [{ path: '', message: 'expected the text of a file' }],
      });
    }
  });

  it('and says which format it expects', () => {
    expect(BACKUP_FORMAT).toBe('earmark-backup');
  });
});
