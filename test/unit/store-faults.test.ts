/**
 * Faults injected at the store's boundary with IndexedDB (fake-indexeddb cannot run out of
 * quota by itself): the person gets a readable error and nothing is half-written.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { episodeIdForUrl } from '../../src/core/episode';
import { StoreError } from '../../src/store/errors';
import { createStore, type CaptureInput } from '../../src/store/store';

const URL = 'https://podcasts.example/episodes/7';
const capture: CaptureInput = {
  seed: { url: URL, platform: 'generic', title: 'Seven', show: 'Show' },
  text: 'words worth keeping',
  timeSec: 12,
  anchor: null,
  speakerName: 'New Guest',
};

/** Makes `put` into one object store fail the way the browser would. */
function failPutsInto(storeName: string, fail: (store: IDBObjectStore) => IDBRequest | never) {
  const original = IDBObjectStore.prototype.put;
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args
  ) {
    if (this.name === storeName) return fail.call(null, this) ?? original.apply(this, args);
    return original.apply(this, args);
  });
}

afterEach(() => vi.restoreAllMocks());

describe('store under faults', () => {
  it('reports a full disk clearly and writes neither the quote nor its new episode', async () => {
    const store = createStore({ name: `faults-${Math.random()}` });
    failPutsInto('quotes', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await store.saveCapture(capture).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('quota');
    expect((error as StoreError).message).toMatch(/storage for Earmark is full.*Nothing was saved/);
    vi.restoreAllMocks();
    expect(await store.episode(episodeIdForUrl(URL))).toBeUndefined();
    expect(await store.countQuotes(episodeIdForUrl(URL))).toBe(0);
    await store.close();
  });

  it('reports an aborted transaction and leaves the stored episode as it was', async () => {
    const store = createStore({ name: `faults-${Math.random()}` });
    const first = await store.saveCapture(capture);
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      const request = original.apply(this, args);
      if (this.name === 'quotes') this.transaction.abort();
      return request;
    });
    const error = await store
      .saveCapture({ ...capture, speakerName: 'Someone Else' })
      .catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).reason).toBe('interrupted');
    expect(await store.episode(first.episode.id)).toEqual(first.episode);
    expect(await store.quotesForEpisode(first.episode.id)).toEqual([first.quote]);
    await store.close();
  });

  it('removes a person from the episode and their quotes all or nothing', async () => {
    const store = createStore({ name: `faults-${Math.random()}` });
    const first = await store.saveCapture(capture);
    await store.saveCapture({ ...capture, text: 'more words' });
    const guest = first.episode.participants.find((p) => p.name === 'New Guest')!;
    const before = await store.exportLibrary();
    let puts = 0;
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      // The episode and the first quote are written; the second quote fails.
      if (this.name === 'quotes' && ++puts === 2) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    });
    const error = await store
      .removeFromEpisode(first.episode.id, 'participant', guest.id)
      .catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(StoreError);
    expect(puts).toBe(2);
    expect(await store.exportLibrary()).toEqual(before);
    await store.close();
  });

  it('keeps an import all-or-nothing when a write fails part-way', async () => {
    const store = createStore({ name: `faults-${Math.random()}` });
    const { episode, quote } = await store.saveCapture(capture);
    const before = await store.exportLibrary();
    let puts = 0;
    const original = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'quotes' && ++puts === 2) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    });
    const later = '2030-01-01T00:00:00.000Z';
    const incoming = {
      episodes: [{ ...episode, title: 'Renamed', updatedAt: later }],
      quotes: [
        { ...quote, note: 'edited', updatedAt: later },
        { ...quote, id: 'second', order: 1 },
      ],
    };
    await expect(store.importLibrary(incoming)).rejects.toMatchObject({ reason: 'quota' });
    vi.restoreAllMocks();
    expect(await store.exportLibrary()).toEqual(before);
    await store.close();
  });

  it('says so when the library was written by a newer version', async () => {
    const name = `faults-${Math.random()}`;
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(name, 99);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
    });
    const store = createStore({ name });
    await expect(store.saveCapture(capture)).rejects.toMatchObject({ reason: 'newer-version' });
  });
});
