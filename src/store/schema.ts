import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { EpisodeWords } from '../core/feeds/episode-words';
import type { Episode, Quote } from '../core/model';

export const DB_NAME = 'earmark';

/** The IndexedDB layout. Quotes have their own store, indexed by episode, so a large library stays fast. */
export interface EarmarkDB extends DBSchema {
  episodes: {
    key: string;
    value: Episode;
    indexes: { byUpdatedAt: string };
  };
  quotes: {
    key: string;
    value: Quote;
    indexes: {
      byEpisode: string;
      byUpdatedAt: string;
      /** Timed quotes in playback order ([episodeId, timeSec, order]); untimed ones are not in it. */
      byEpisodePlayback: [string, number, number];
      /** Quotes in capture order ([episodeId, order]): the newest ones without reading them all. */
      byEpisodeOrder: [string, number];
    };
  };
  /**
   * What was fetched from an episode's feed (transcript, chapters, people), with each part's
   * source address and date, so a revisit works offline (issue 13).
   */
  episodeWords: {
    key: string;
    value: EpisodeWords;
  };
  /**
   * How many quotes each episode has, kept by every write that adds or removes one, so that a
   * first screen never counts them (issue 16: an index count of 1,000 quotes took ~20 ms of
   * the popup's opening). An episode without quotes may have no record.
   */
  quoteCounts: {
    key: string;
    value: QuoteCount;
  };
  /** Small named records about the library itself (settings, the last backup). */
  meta: {
    key: string;
    value: MetaRecord;
  };
}

export interface QuoteCount {
  episodeId: string;
  count: number;
}

/** A `meta` record: its key and a JSON-safe value. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

type UpgradeTx = IDBPTransaction<EarmarkDB, StoreNames<EarmarkDB>[], 'versionchange'>;

/**
 * Numbered migrations: entry N upgrades version N to N+1. They run in order inside the
 * upgrade transaction, so a failure leaves the previous version intact. Never edit a
 * released migration; add the next one, with a test on data written by every earlier version.
 */
export const MIGRATIONS: ((db: IDBPDatabase<EarmarkDB>, tx: UpgradeTx) => void)[] = [
  // 0 → 1: the first schema.
  (db) => {
    const episodes = db.createObjectStore('episodes', { keyPath: 'id' });
    episodes.createIndex('byUpdatedAt', 'updatedAt');
    const quotes = db.createObjectStore('quotes', { keyPath: 'id' });
    quotes.createIndex('byEpisode', 'episodeId');
    quotes.createIndex('byUpdatedAt', 'updatedAt');
  },
  // 1 → 2: a place for settings and backup bookkeeping, so they need no `storage` permission.
  (db) => {
    db.createObjectStore('meta', { keyPath: 'key' });
  },
  // 2 → 3: the first quotes of an episode in playback order, without reading them all (a
  // popup draws its first screen of a long list first). A null time leaves a quote out.
  (_db, tx) => {
    tx.objectStore('quotes').createIndex('byEpisodePlayback', ['episodeId', 'timeSec', 'order']);
  },
  // 3 → 4: what was fetched from an episode's feed, one record per episode (issue 13).
  (db) => {
    db.createObjectStore('episodeWords', { keyPath: 'episodeId' });
  },
  // 4 → 5: an episode's newest quotes in capture order, without reading them all (issue 16:
  // the popup draws its first screen, the newest quotes, from a few records). An index, not a
  // summary record: IndexedDB keeps it true through every write, restore and deletion.
  (_db, tx) => {
    tx.objectStore('quotes').createIndex('byEpisodeOrder', ['episodeId', 'order']);
  },
  // 5 → 6: each episode's quote count, counted once here from the quotes already stored
  // (ADR 0016: the popup's first screen reads it instead of counting).
  (db, tx) => {
    db.createObjectStore('quoteCounts', { keyPath: 'episodeId' });
    // A failed request aborts the upgrade by itself; the promise's rejection adds nothing.
    countEveryEpisode(tx).catch(() => undefined);
  },
];

/**
 * Fills `quoteCounts` inside the upgrade: its requests keep the upgrade transaction open, and
 * a failure aborts it, leaving the previous version as it was.
 */
async function countEveryEpisode(tx: UpgradeTx): Promise<void> {
  const counts = new Map<string, number>();
  const byEpisode = tx.objectStore('quotes').index('byEpisode');
  for (let cursor = await byEpisode.openKeyCursor(); cursor; cursor = await cursor.continue()) {
    counts.set(cursor.key, (counts.get(cursor.key) ?? 0) + 1);
  }
  const store = tx.objectStore('quoteCounts');
  await Promise.all([...counts].map(([episodeId, count]) => store.put({ episodeId, count })));
}

export const DB_VERSION = MIGRATIONS.length;
