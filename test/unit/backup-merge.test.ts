// @vitest-environment node
/**
 * Importing a backup over a library that already has some of its records: the newer
 * `updatedAt` wins, nothing the person wrote is lost, and the plan says what it will do.
 */
import { describe, expect, it } from 'vitest';
import { mergeBackup, storedLibraryOf } from '../../src/core/backup';
import type { Episode, LibraryData, Quote } from '../../src/core/model';
import { makeEpisode, makeQuote } from '../support/records';

const OLD = '2024-05-01T10:00:00.000Z';
const NEW = '2024-05-02T10:00:00.000Z';

function episode(id: string, updatedAt: string, overrides: Partial<Episode> = {}): Episode {
  return makeEpisode(id, {
    url: `https://podcasts.example.com/${id}`,
    title: `${id} as of ${updatedAt}`,
    participants: [{ id: 'p-ann', name: 'Ann', role: 'host' }],
    sections: [{ id: 's-1', heading: 'Start', notes: '' }],
    createdAt: OLD,
    updatedAt,
    ...overrides,
  });
}

function quote(id: string, updatedAt: string, overrides: Partial<Quote> = {}): Quote {
  return makeQuote(id, 'ep-1', {
    text: `${id} as of ${updatedAt}`,
    createdAt: OLD,
    updatedAt,
    ...overrides,
  });
}

const none = { added: 0, updated: 0, unchanged: 0, rejected: 0 };

describe('mergeBackup', () => {
  it('adds records whose ids are not stored', () => {
    const incoming: LibraryData = { episodes: [episode('ep-1', OLD)], quotes: [quote('q-1', OLD)] };
    const plan = mergeBackup(storedLibraryOf({ episodes: [], quotes: [] }), incoming);
    expect(plan.episodesToPut).toEqual(incoming.episodes);
    expect(plan.quotesToPut).toEqual(incoming.quotes);
    expect(plan.episodes).toEqual({ ...none, added: 1 });
    expect(plan.quotes).toEqual({ ...none, added: 1 });
  });

  it("replaces a stored record with the file's copy when the file's is newer", () => {
    const stored = { episodes: [episode('ep-1', OLD)], quotes: [quote('q-1', OLD)] };
    const incoming = { episodes: [episode('ep-1', NEW)], quotes: [quote('q-1', NEW)] };
    const plan = mergeBackup(storedLibraryOf(stored), incoming);
    expect(plan.episodesToPut).toEqual(incoming.episodes);
    expect(plan.quotesToPut).toEqual(incoming.quotes);
    expect(plan.episodes).toEqual({ ...none, updated: 1 });
    expect(plan.quotes).toEqual({ ...none, updated: 1 });
  });

  it('keeps the stored record when it is newer, or as new', () => {
    const stored = {
      episodes: [episode('ep-1', NEW)],
      quotes: [quote('q-1', NEW), quote('q-2', OLD)],
    };
    const incoming = {
      episodes: [episode('ep-1', OLD)],
      quotes: [quote('q-1', OLD), quote('q-2', OLD, { text: 'same time, other text' })],
    };
    const plan = mergeBackup(storedLibraryOf(stored), incoming);
    expect(plan.episodesToPut).toEqual([]);
    expect(plan.quotesToPut).toEqual([]);
    expect(plan.episodes).toEqual({ ...none, unchanged: 1 });
    expect(plan.quotes).toEqual({ ...none, unchanged: 2 });
  });

  it('compares times, not their spelling', () => {
    const stored = { episodes: [episode('ep-1', '2024-05-02T12:00:00+02:00')], quotes: [] };
    // 11:00Z is later than 12:00+02:00 (10:00Z), though it sorts earlier as text.
    const incoming = { episodes: [episode('ep-1', '2024-05-02T11:00:00.000Z')], quotes: [] };
    expect(mergeBackup(storedLibraryOf(stored), incoming).episodes.updated).toBe(1);
  });

  it('rejects a quote whose id a quote of another episode already has', () => {
    const stored = { episodes: [], quotes: [quote('q-1', OLD, { episodeId: 'ep-other' })] };
    const incoming = { episodes: [episode('ep-1', OLD)], quotes: [quote('q-1', NEW)] };
    const plan = mergeBackup(storedLibraryOf(stored), incoming);
    expect(plan.quotesToPut).toEqual([]);
    expect(plan.quotes).toEqual({ ...none, rejected: 1 });
    expect(plan.rejected).toEqual([
      {
        path: 'quotes[0].id',
        message: 'id "q-1" already belongs to a quote of another episode',
      },
    ]);
  });

  it('keeps the speaker and section of a quote whose newer stored episode dropped them, by name', () => {
    const stored = {
      episodes: [episode('ep-1', NEW, { participants: [], sections: [] })],
      quotes: [],
    };
    const incoming = {
      episodes: [episode('ep-1', OLD)],
      quotes: [quote('q-1', OLD, { speakerId: 'p-ann', sectionId: 's-1' })],
    };
    const plan = mergeBackup(storedLibraryOf(stored), incoming);
    // The quote keeps both, and the episode gets them back from the file's copy (issue 18).
    expect(plan.quotesToPut).toEqual([quote('q-1', OLD, { speakerId: 'p-ann', sectionId: 's-1' })]);
    expect(plan.episodesToPut).toHaveLength(1);
    expect(plan.episodesToPut[0]!.participants).toEqual([
      { id: 'p-ann', name: 'Ann', role: 'host' },
    ]);
    expect(plan.episodesToPut[0]!.sections.map((x) => x.id)).toEqual(['s-1']);
    expect(plan.episodesToPut[0]!.updatedAt).toBe(NEW);
    expect(plan.quotes).toEqual({ ...none, added: 1 });
    expect(plan.adjusted).toEqual([]);
    expect(plan.changes.join('\n')).toContain('the speaker “Ann” was not in the newer copy; kept');
  });

  it('keeps a stored quote’s speaker when the file’s newer episode dropped them, and says so', () => {
    const stored = {
      episodes: [episode('ep-1', OLD)],
      quotes: [quote('q-1', OLD, { speakerId: 'p-ann' })],
    };
    const incoming = {
      episodes: [
        episode('ep-1', NEW, { participants: [{ id: 'p-bo', name: 'Bo', role: 'guest' }] }),
      ],
      quotes: [],
    };
    const plan = mergeBackup(storedLibraryOf(stored), incoming);
    const written = plan.episodesToPut[0]!;
    // Every stored quote's speaker is still among the participants written.
    expect(written.participants.map((p) => p.name)).toEqual(['Bo', 'Ann']);
    expect(plan.changes).toEqual([
      '“ep-1 as of 2024-05-02T10:00:00.000Z”: replaced by the backup’s newer copy.',
      '“ep-1 as of 2024-05-02T10:00:00.000Z”: the speaker “Ann” was not in the newer copy; kept, because 1 quote names it.',
    ]);
  });

  it('clears a reference only when neither copy of the episode has it', () => {
    const stored = { episodes: [episode('ep-1', NEW, { participants: [] })], quotes: [] };
    const incoming = {
      episodes: [episode('ep-1', OLD, { participants: [] })],
      quotes: [quote('q-1', OLD, { speakerId: 'p-gone' })],
    };
    const plan = mergeBackup(storedLibraryOf(stored), incoming);
    expect(plan.quotesToPut[0]!.speakerId).toBeNull();
    expect(plan.adjusted.map((a) => a.path)).toEqual(['quotes[0].speakerId']);
  });

  it("keeps a quote's speaker when the file's newer episode brings that speaker along", () => {
    const stored = { episodes: [episode('ep-1', OLD, { participants: [] })], quotes: [] };
    const incoming = {
      episodes: [episode('ep-1', NEW)],
      quotes: [quote('q-1', OLD, { speakerId: 'p-ann' })],
    };
    const plan = mergeBackup(storedLibraryOf(stored), incoming);
    expect(plan.quotesToPut[0]?.speakerId).toBe('p-ann');
    expect(plan.adjusted).toEqual([]);
  });
});
