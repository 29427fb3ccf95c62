/**
 * The extension's IndexedDB as an earlier version of Earmark left it, for browser tests of an
 * update: the layouts of released versions, written out as they were (not by running today's
 * migrations: a change to a released migration would then go unnoticed), and the data each
 * version wrote (test/fixtures/store/, the unit tests' fixtures).
 *
 * `writeOldDatabase` and `readDatabase` are self-contained functions, so that a test can run
 * them in the browser: through Playwright's `evaluate` in Chromium, or as source text in
 * Firefox's sidebar window (where the extension's `indexedDB` is passed in).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Episode, LibraryData, Quote } from '../../src/core/model';
import { DB_NAME, DB_VERSION } from '../../src/store/schema';
import { REPO_ROOT } from './browser';

/** A store as an earlier version created it: its key path and indexes (name → key path). */
export interface OldStore {
  name: string;
  keyPath: string;
  indexes: Record<string, string | string[]>;
}

export const LAYOUTS: Record<number, OldStore[]> = {
  1: [
    { name: 'episodes', keyPath: 'id', indexes: { byUpdatedAt: 'updatedAt' } },
    {
      name: 'quotes',
      keyPath: 'id',
      indexes: { byEpisode: 'episodeId', byUpdatedAt: 'updatedAt' },
    },
  ],
  6: [
    { name: 'episodes', keyPath: 'id', indexes: { byUpdatedAt: 'updatedAt' } },
    {
      name: 'quotes',
      keyPath: 'id',
      indexes: {
        byEpisode: 'episodeId',
        byUpdatedAt: 'updatedAt',
        byEpisodePlayback: ['episodeId', 'timeSec', 'order'],
        byEpisodeOrder: ['episodeId', 'order'],
      },
    },
    { name: 'meta', keyPath: 'key', indexes: {} },
    { name: 'episodeWords', keyPath: 'episodeId', indexes: {} },
    { name: 'quoteCounts', keyPath: 'episodeId', indexes: {} },
  ],
};

export interface QuoteCount {
  episodeId: string;
  count: number;
}

/** What version `version` wrote: its fixture library, as records per store. */
export function oldRecords(version: number): {
  data: LibraryData;
  records: Record<string, unknown[]>;
} {
  const file = join(REPO_ROOT, 'test/fixtures/store', `v${version}-library.json`);
  const data = JSON.parse(readFileSync(file, 'utf8')) as LibraryData;
  const records: Record<string, unknown[]> = { episodes: data.episodes, quotes: data.quotes };
  // Version 6 on kept each episode's quote count beside its quotes.
  if (version >= 6) records.quoteCounts = countsOf(data.quotes);
  return { data, records };
}

/** Each episode's quote count, by episode id. */
export function countsOf(quotes: Quote[]): QuoteCount[] {
  const counts = new Map<string, number>();
  for (const quote of quotes) counts.set(quote.episodeId, (counts.get(quote.episodeId) ?? 0) + 1);
  return [...counts]
    .map(([episodeId, count]) => ({ episodeId, count }))
    .sort((a, b) => a.episodeId.localeCompare(b.episodeId));
}

export interface OldDatabase {
  name: string;
  version: number;
  layout: OldStore[];
  records: Record<string, unknown[]>;
}

/**
 * Deletes the database `name` and makes it again at `version` with `layout`, holding `records`.
 * An extension page or worker holding it open steps aside for the deletion, as the store does
 * for any newer version.
 */
export async function writeOldDatabase(old: OldDatabase, factory?: IDBFactory): Promise<void> {
  const idb = factory ?? indexedDB;
  const done = (request: IDBRequest) =>
    new Promise<void>((resolve, reject) => {
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  await done(idb.deleteDatabase(old.name));
  const opening = idb.open(old.name, old.version);
  opening.onupgradeneeded = () => {
    for (const store of old.layout) {
      const created = opening.result.createObjectStore(store.name, { keyPath: store.keyPath });
      for (const [index, keyPath] of Object.entries(store.indexes)) {
        created.createIndex(index, keyPath);
      }
    }
  };
  await done(opening);
  const db = opening.result;
  const tx = db.transaction(Object.keys(old.records), 'readwrite');
  for (const [store, values] of Object.entries(old.records)) {
    for (const value of values) tx.objectStore(store).put(value);
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}

export interface DatabaseNow {
  version: number;
  quoteIndexes: string[];
  /** Every record of each store asked for, as stored. */
  records: Record<string, unknown[]>;
}

/** The database's version, the quotes store's indexes and every record of `stores`. */
export async function readDatabase(
  asked: { name: string; stores: string[] },
  factory?: IDBFactory,
): Promise<DatabaseNow> {
  const idb = factory ?? indexedDB;
  const opening = idb.open(asked.name);
  await new Promise((resolve, reject) => {
    opening.onsuccess = resolve;
    opening.onerror = () => reject(opening.error);
  });
  const db = opening.result;
  const tx = db.transaction(asked.stores, 'readonly');
  const records: Record<string, unknown[]> = {};
  await Promise.all(
    asked.stores.map(
      (store) =>
        new Promise<void>((resolve, reject) => {
          const request = tx.objectStore(store).getAll();
          request.onsuccess = () => {
            records[store] = request.result as unknown[];
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    ),
  );
  const quoteIndexes = [...tx.objectStore('quotes').indexNames].sort();
  db.close();
  return { version: db.version, quoteIndexes, records };
}

/** The stores an upgrade must keep, read back by `readDatabase`. */
export const KEPT = { name: DB_NAME, stores: ['episodes', 'quotes', 'quoteCounts'] };

/** A database's layout and records, in an order two of them compare in. */
export interface Upgraded {
  version: number;
  quoteIndexes: string[];
  episodes: Episode[];
  quotes: Quote[];
  quoteCounts: QuoteCount[];
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

/** What `data` should be after the upgrade: as written, in the current layout, counted. */
export function upgradedFrom(data: LibraryData): Upgraded {
  return {
    version: DB_VERSION,
    quoteIndexes: ['byEpisodeOrder', 'byEpisodePlayback'],
    episodes: [...data.episodes].sort(byId),
    quotes: [...data.quotes].sort(byId),
    quoteCounts: countsOf(data.quotes),
  };
}

/** What `readDatabase` read of the `KEPT` stores, in the same order. */
export function asRead(now: DatabaseNow): Upgraded {
  return {
    version: now.version,
    quoteIndexes: now.quoteIndexes,
    episodes: [...(now.records.episodes as Episode[])].sort(byId),
    quotes: [...(now.records.quotes as Quote[])].sort(byId),
    quoteCounts: [...(now.records.quoteCounts as QuoteCount[])].sort((a, b) =>
      a.episodeId.localeCompare(b.episodeId),
    ),
  };
}
