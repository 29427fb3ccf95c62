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
      /** Timed quotes in playback order ([episodeId, timeSec, order]); untimed ones are not in it. */
      byEpisodePlayback: [string, number, number];
      /**
       * Quotes in capture order ([episodeId, order]): the newest ones without reading them all,
       * and, as the range [episodeId, -∞]…[episodeId, ∞], all of an episode's quotes.
       */
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

/**
 * A migration sees the database as it was at its version, not as `EarmarkDB` says it is now:
 * an index a later version dropped is still there for the migrations before it.
 */
type UpgradeDB = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;

/**
 * Numbered migrations: entry N upgrades version N to N+1. They run in order inside the
 * upgrade transaction, so a failure leaves the previous version intact. Never edit a
 * released migration; add the next one, with a test on data written by every earlier version.
 */
export const MIGRATIONS: ((db: UpgradeDB, tx: UpgradeTx) => void)[] = [
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
  // 6 → 7: quotes lose the two indexes no read needs any more: `byEpisode` (an episode's quotes
  // are a range of `byEpisodeOrder`) and `byUpdatedAt` (never read). IndexedDB writes every
  // index on every put: an import of 10,000 quotes took ~2,150 ms with them, 1,840–2,050
  // without (bench `backup`).
  (_db, tx) => {
    const quotes = tx.objectStore('quotes');
    quotes.deleteIndex('byEpisode');
    quotes.deleteIndex('byUpdatedAt');
  },
];

/**
 * Fills `quoteCounts` inside the upgrade: its requests keep the upgrade transaction open, and
 * a failure aborts it, leaving the previous version as it was.
 */
async function countEveryEpisode(tx: UpgradeTx): Promise<void> {
  const counts = new Map<string, number>();
  // The capture-order index (version 5), whose keys are [episodeId, order]: every quote has an
  // order, so it holds every quote. Not `byEpisode`, which version 7 drops in the same upgrade
  // before this count's requests have run.
  const byOrder = tx.objectStore('quotes').index('byEpisodeOrder');
  for (let cursor = await byOrder.openKeyCursor(); cursor; cursor = await cursor.continue()) {
    const [episodeId] = cursor.key as [string, number];
    counts.set(episodeId, (counts.get(episodeId) ?? 0) + 1);
  }
  const store = tx.objectStore('quoteCounts');
  await Promise.all([...counts].map(([episodeId, count]) => store.put({ episodeId, count })));
}

export const DB_VERSION = MIGRATIONS.length;

/**
 * Runs the migrations from version `from` up to `to` (the current one unless given), inside
 * an upgrade's transaction. The migrations see the database untyped (`UpgradeDB`): the one
 * cast is here.
 */
export function upgradeSchema(
  db: IDBPDatabase<EarmarkDB>,
  tx: IDBPTransaction<EarmarkDB, StoreNames<EarmarkDB>[], 'versionchange'>,
  from: number,
  to = DB_VERSION,
): void {
  for (let version = from; version < to; version++) {
    MIGRATIONS[version]!(db as unknown as UpgradeDB, tx as unknown as UpgradeTx);
  }
}
