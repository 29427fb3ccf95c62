/**
 * Each episode's quote count is kept by the store (issue 16: a first screen reads it instead of
 * counting 1,000 quotes through an index). Whatever sequence of writes a person makes, the
 * kept count is there and equals the quotes stored.
 */
import fc from 'fast-check';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { episodeIdForUrl } from '../../src/core/episode';
import type { LibraryData, Quote } from '../../src/core/model';
import { DB_VERSION, type EarmarkDB } from '../../src/store/schema';
import { createStore, type CaptureInput } from '../../src/store/store';

const URLS = ['https://podcasts.example/episodes/1', 'https://podcasts.example/episodes/2'];
const IDS = URLS.map(episodeIdForUrl);

function capture(url: string, text: string): CaptureInput {
  return {
    seed: { url, platform: 'generic', title: 'Episode', show: 'Show' },
    text,
    timeSec: text.length,
    anchor: {
      quote: { type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: text.length },
      timeSec: text.length,
    },
    speakerName: null,
  };
}

type Step =
  | { op: 'capture'; episode: number }
  | { op: 'deleteQuote'; pick: number }
  | { op: 'restoreQuote' }
  | { op: 'deleteEpisode'; episode: number }
  | { op: 'restoreEpisode' }
  | { op: 'importCopy'; episode: number }
  | { op: 'wipe' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('capture'), episode: fc.nat(1) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('deleteQuote'), pick: fc.nat(50) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('restoreQuote') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deleteEpisode'), episode: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('restoreEpisode') }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('importCopy'), episode: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wipe') }) },
) as fc.Arbitrary<Step>;

describe('kept quote counts', () => {
  it('equal the quotes stored after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 20 }), async (steps) => {
        const name = `counts-${Math.random()}`;
        const store = createStore({ name });
        let deleted: Quote | undefined;
        let removed: LibraryData | undefined;
        let texts = 0;
        try {
          for (const s of steps) {
            if (s.op === 'capture') {
              await store.saveCapture(capture(URLS[s.episode]!, `words ${++texts}`));
            } else if (s.op === 'deleteQuote') {
              const all = (await store.exportLibrary()).quotes;
              if (all.length) deleted = await store.deleteQuote(all[s.pick % all.length]!.id);
            } else if (s.op === 'restoreQuote' && deleted) {
              await store.restoreQuote(deleted);
              deleted = undefined;
            } else if (s.op === 'deleteEpisode') {
              removed = await store.deleteEpisode(IDS[s.episode]!);
            } else if (s.op === 'restoreEpisode' && removed) {
              await store.restoreLibrary(removed);
              removed = undefined;
            } else if (s.op === 'importCopy') {
              // A backup with one more quote of the episode and a newer edit of one it has.
              const library = await store.exportLibrary();
              const own = library.quotes.filter((q) => q.episodeId === IDS[s.episode]);
              if (own.length) {
                const extra = { ...own[0]!, id: `imported-${++texts}`, order: own.length };
                const edited = {
                  ...own[0]!,
                  note: 'edited',
                  updatedAt: '2099-01-01T00:00:00.000Z',
                };
                const others = library.quotes.filter((q) => q.id !== edited.id);
                await store.importLibrary({ ...library, quotes: [...others, edited, extra] });
              }
            } else if (s.op === 'wipe') {
              await store.wipe();
            }
          }
          // Opened after the store has upgraded the database (an older empty one would block it).
          await store.countQuotes(IDS[0]!);
          const raw = await openDB<EarmarkDB>(name, DB_VERSION);
          for (const id of IDS) {
            const stored = (await store.quotesForEpisode(id)).length;
            expect((await store.episodeGlance(id, 3)).quoteCount).toBe(stored);
            expect(await store.countQuotes(id)).toBe(stored);
            // Kept, not counted: every episode with quotes has its record.
            const kept = await raw.get('quoteCounts', id);
            if (stored > 0) expect(kept?.count).toBe(stored);
            else expect(kept?.count ?? 0).toBe(0);
          }
          raw.close();
        } finally {
          await store.close();
        }
      }),
      { numRuns: 100 },
    );
  });
});
