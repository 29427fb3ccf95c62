/**
 * The restore the library's worker runs (issue 18): progress as it goes, a field over the
 * limit refused with its place, and all or nothing when a write fails.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { serializeBackup } from '../../src/core/backup';
import { MAX_FIELD_CHARS } from '../../src/core/model';
import { createStore } from '../../src/store/store';
import { restoreBackup, type RestoreProgress } from '../../src/ui/library/restore-backup';
import { makeLibrary } from './library/make-library';

const fresh = () => createStore({ name: `restore-${Math.random()}` });
const fileOf = (text: string) => new Blob([text], { type: 'application/json' });

afterEach(() => vi.restoreAllMocks());

describe('restoreBackup', () => {
  it('says how far it is, in order, until every record is written', async () => {
    const store = fresh();
    const library = makeLibrary({ episodes: 10, quotes: 500 });
    const seen: RestoreProgress[] = [];
    const outcome = await restoreBackup(store, fileOf(serializeBackup(library)), (p) =>
      seen.push(p),
    );
    expect(outcome).toMatchObject({
      kind: 'done',
      quotes: { added: 500 },
      episodes: { added: 10 },
    });
    expect(seen.slice(0, 3)).toEqual([
      { phase: 'reading' },
      { phase: 'checking' },
      { phase: 'writing', written: 1, total: 510 },
    ]);
    const writing = seen.filter((p) => p.phase === 'writing');
    // Steps of about 1%, never backwards, ending at the total.
    expect(writing.length).toBeGreaterThan(50);
    expect(writing.length).toBeLessThanOrEqual(102);
    const counts = writing.map((p) => p.written);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
    expect(writing.at(-1)).toEqual({ phase: 'writing', written: 510, total: 510 });
    expect((await store.exportLibrary()).quotes).toHaveLength(500);
    await store.close();
  });

  it('refuses a field over the limit with its place, and writes nothing', async () => {
    const store = fresh();
    const library = makeLibrary({ episodes: 1, quotes: 2 });
    library.quotes[1] = { ...library.quotes[1]!, note: 'x'.repeat(MAX_FIELD_CHARS + 1) };
    const outcome = await restoreBackup(store, fileOf(serializeBackup(library)));
    expect(outcome).toEqual({
      kind: 'refused',
      errors: [
        {
          path: 'quotes[1].note',
          message: 'longer than 200,000 characters, the most Earmark keeps in one field',
        },
      ],
    });
    expect(await store.exportLibrary()).toEqual({ episodes: [], quotes: [] });
    await store.close();
  });

  it('keeps a field of exactly the limit', async () => {
    const store = fresh();
    const library = makeLibrary({ episodes: 1, quotes: 1 });
    library.quotes[0] = { ...library.quotes[0]!, note: 'x'.repeat(MAX_FIELD_CHARS) };
    expect(await restoreBackup(store, fileOf(serializeBackup(library)))).toMatchObject({
      kind: 'done',
    });
    expect((await store.exportLibrary()).quotes[0]!.note).toHaveLength(MAX_FIELD_CHARS);
    await store.close();
  });

  it('reports a write that fails part-way, with nothing written', async () => {
    const store = fresh();
    const library = makeLibrary({ episodes: 3, quotes: 300 });
    let puts = 0;
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'quotes' && ++puts === 200) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    });
    const outcome = await restoreBackup(store, fileOf(serializeBackup(library)));
    vi.restoreAllMocks();
    expect(outcome).toEqual({
      kind: 'failed',
      message: expect.stringContaining("The browser's storage for Earmark is full."),
    });
    expect(await store.exportLibrary()).toEqual({ episodes: [], quotes: [] });
    await store.close();
  });
});
