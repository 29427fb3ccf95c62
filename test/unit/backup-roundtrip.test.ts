// @vitest-environment node
/**
 * The backup is lossless: any library the model allows, written and read back, is the same
 * library; imported into an empty store it is written whole. And a large library still reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeBackup, parseBackup, serializeBackup, storedLibraryOf } from '../../src/core/backup';
import { PLATFORMS, ROLES, type Episode, type LibraryData, type Quote } from '../../src/core/model';
import { makeEpisode, makeQuote } from '../support/records';

// ---------------------------------------------------------------------------------------
// Any valid library: any Unicode text (lone surrogates included), any finite number ≥ 0,
// any ISO time, and references that hold (quotes point at their episode's people and parts).

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyText = fc.string({
  unit: fc.oneof(
    { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 9 },
    { arbitrary: loneSurrogate, weight: 1 },
  ),
  maxLength: 20,
});
const id = fc.string({ unit: 'binary', minLength: 1, maxLength: 8 });
const isoTime = fc
  .date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString());
const isoDate = isoTime.map((t) => t.slice(0, 10));
const seconds = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true });
const count = fc.nat();
const webUrl = fc.oneof(
  { arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }), weight: 1 },
  {
    arbitrary: fc
      .tuple(fc.constantFrom('http', 'https', 'HTTPS'), fc.domain(), anyText)
      .map(
        ([scheme, host, path]) =>
          `${scheme}://${host}/${encodeURIComponent(path.replace(/[\ud800-\udfff]/g, ''))}`,
      ),
    weight: 3,
  },
);

const episodeArb: fc.Arbitrary<Episode> = fc.record({
  id,
  url: webUrl,
  platform: fc.constantFrom(...PLATFORMS),
  title: anyText,
  show: anyText,
  publishedAt: fc.option(fc.oneof(isoDate, isoTime)),
  durationSec: fc.option(seconds),
  feedUrl: fc.option(webUrl),
  imageUrl: fc.option(webUrl),
  participants: fc.uniqueArray(fc.record({ id, name: anyText, role: fc.constantFrom(...ROLES) }), {
    selector: (p) => p.id,
    maxLength: 4,
  }),
  sections: fc.uniqueArray(fc.record({ id, heading: anyText, notes: anyText }), {
    selector: (s) => s.id,
    maxLength: 4,
  }),
  summary: anyText,
  twoCents: anyText,
  references: fc.array(fc.record({ title: anyText, url: webUrl }), { maxLength: 3 }),
  tags: fc.array(anyText, { maxLength: 3 }),
  createdAt: isoTime,
  updatedAt: isoTime,
});

function quoteArbFor(episode: Episode): fc.Arbitrary<Quote> {
  const oneOf = (ids: string[]) =>
    ids.length ? fc.option(fc.constantFrom(...ids)) : fc.constant(null);
  return fc.record({
    id,
    episodeId: fc.constant(episode.id),
    text: anyText,
    speakerId: oneOf(episode.participants.map((p) => p.id)),
    sectionId: oneOf(episode.sections.map((s) => s.id)),
    timeSec: fc.option(seconds),
    note: anyText,
    anchor: fc.option(
      fc.record({
        quote: fc.record({
          type: fc.constant('TextQuoteSelector' as const),
          exact: anyText,
          prefix: anyText,
          suffix: anyText,
        }),
        position: fc.option(
          fc.tuple(count, count).map(([a, b]) => ({
            type: 'TextPositionSelector' as const,
            start: Math.min(a, b),
            end: Math.max(a, b),
          })),
        ),
        timeSec: fc.option(seconds),
      }),
    ),
    order: count,
    createdAt: isoTime,
    updatedAt: isoTime,
  });
}

const libraryArb: fc.Arbitrary<LibraryData> = fc
  .uniqueArray(episodeArb, { selector: (e) => e.id, maxLength: 4 })
  .chain((episodes) =>
    episodes.length === 0
      ? fc.constant({ episodes, quotes: [] })
      : fc
          .uniqueArray(fc.constantFrom(...episodes).chain(quoteArbFor), {
            selector: (q) => q.id,
            maxLength: 10,
          })
          .map((quotes) => ({ episodes, quotes })),
  );

// ---------------------------------------------------------------------------------------

describe('the backup round trip', () => {
  it('reads back exactly the library it wrote (property)', () => {
    fc.assert(
      fc.property(libraryArb, isoTime, (library, now) => {
        const result = parseBackup(serializeBackup(library, now));
        expect(result).toEqual({ ok: true, data: library, version: 1, exportedAt: now });
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('export, wipe, import: an empty store receives every record unchanged (property)', () => {
    fc.assert(
      fc.property(libraryArb, (library) => {
        const parsed = parseBackup(serializeBackup(library));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const plan = mergeBackup(storedLibraryOf({ episodes: [], quotes: [] }), parsed.data);
        expect({ episodes: plan.episodesToPut, quotes: plan.quotesToPut }).toEqual(library);
        expect(plan.episodes).toEqual({
          added: library.episodes.length,
          updated: 0,
          unchanged: 0,
          rejected: 0,
        });
        expect(plan.quotes).toEqual({
          added: library.quotes.length,
          updated: 0,
          unchanged: 0,
          rejected: 0,
        });
        expect(plan.rejected).toEqual([]);
        expect(plan.adjusted).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('importing a backup over the library it came from changes nothing (property)', () => {
    fc.assert(
      fc.property(libraryArb, (library) => {
        const parsed = parseBackup(serializeBackup(library));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const plan = mergeBackup(storedLibraryOf(library), parsed.data);
        expect(plan.episodesToPut).toEqual([]);
        expect(plan.quotesToPut).toEqual([]);
        expect(plan.quotes.unchanged).toBe(library.quotes.length);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});

describe('a large backup', () => {
  it('of 500 episodes and 10,000 quotes reads back whole', () => {
    const episodes: Episode[] = Array.from({ length: 500 }, (_, i) =>
      makeEpisode(`ep-${i}`, {
        url: `https://podcasts.example.com/show/episode-${i}`,
        title: `Episode ${i}: a title of ordinary length`,
        show: 'A show with a name',
        publishedAt: '2024-05-01',
        durationSec: 3600,
        feedUrl: 'https://podcasts.example.com/feed.xml',
        participants: [
          { id: `ep-${i}-host`, name: 'Host Name', role: 'host' },
          { id: `ep-${i}-guest`, name: 'Guest Name', role: 'guest' },
        ],
        sections: [{ id: `ep-${i}-s1`, heading: 'Part one', notes: 'Some notes. '.repeat(20) }],
        summary: 'A summary of the episode. '.repeat(10),
        references: [
          { title: 'Episode page', url: `https://podcasts.example.com/show/episode-${i}` },
        ],
        tags: ['podcast'],
        createdAt: '2024-05-01T10:00:00.000Z',
        updatedAt: '2024-05-01T10:00:00.000Z',
      }),
    );
    const quotes: Quote[] = Array.from({ length: 10_000 }, (_, i) => {
      const ep = `ep-${i % 500}`;
      const text = `Quote number ${i}, a sentence or two that someone said on the show.`;
      return makeQuote(`q-${i}`, ep, {
        text,
        speakerId: `${ep}-guest`,
        sectionId: i % 2 ? `${ep}-s1` : null,
        timeSec: i,
        note: i % 3 ? '' : 'A note.',
        anchor: {
          quote: { type: 'TextQuoteSelector', exact: text, prefix: 'before ', suffix: ' after' },
          position: { type: 'TextPositionSelector', start: i, end: i + text.length },
          timeSec: i,
        },
        order: Math.floor(i / 500),
        createdAt: '2024-05-01T10:00:00.000Z',
        updatedAt: '2024-05-01T10:00:00.000Z',
      });
    });
    const text = serializeBackup({ episodes, quotes }, '2024-06-01T00:00:00.000Z');
    const result = parseBackup(text);
    expect(result.ok).toBe(true);
    expect(result.ok && result.data.quotes).toHaveLength(10_000);
    expect(result.ok && result.data).toEqual({ episodes, quotes });
  });
});
