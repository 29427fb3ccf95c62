/**
 * Every schema upgrade runs on data written by each earlier version (kept as fixtures in
 * test/fixtures/store/), and keeps every record the person wrote.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { LibraryData } from '../../src/core/model';
import { DB_VERSION, upgradeSchema, type EarmarkDB } from '../../src/store/schema';
import { createStore } from '../../src/store/store';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/browser';

/** The released versions whose data we keep as fixtures: version → file. */
const RELEASED: Record<number, string> = {
  1: 'v1-library.json',
  2: 'v2-library.json',
  3: 'v3-library.json',
  4: 'v4-library.json',
  5: 'v5-library.json',
  6: 'v6-library.json',
};

function fixture(version: number): LibraryData {
  const file = join(REPO_ROOT, 'test/fixtures/store', RELEASED[version]!);
  return JSON.parse(readFileSync(file, 'utf8')) as LibraryData;
}

/** Writes a database exactly as version `version` of Earmark left it. */
async function writeAsVersion(name: string, version: number, data: LibraryData): Promise<void> {
  const db = await openDB<EarmarkDB>(name, version, {
    upgrade(database, oldVersion, _new, tx) {
      upgradeSchema(database, tx, oldVersion, version);
    },
  });
  const stores =
    version >= 6
      ? (['episodes', 'quotes', 'quoteCounts'] as const)
      : (['episodes', 'quotes'] as const);
  const tx = db.transaction(stores, 'readwrite');
  // Version 6 on kept each episode's quote count beside its quotes.
  const counts = new Map<string, number>();
  for (const q of data.quotes) counts.set(q.episodeId, (counts.get(q.episodeId) ?? 0) + 1);
  await Promise.all([
    ...data.episodes.map((e) => tx.objectStore('episodes').put(e)),
    ...data.quotes.map((q) => tx.objectStore('quotes').put(q)),
    ...(version >= 6
      ? [...counts].map(([episodeId, count]) =>
          tx.objectStore('quoteCounts').put({ episodeId, count }),
        )
      : []),
    tx.done,
  ]);
  db.close();
}

/** The quote count the store keeps for an episode, read around the store. */
async function keptCount(name: string, episodeId: string): Promise<number | undefined> {
  const db = await openDB<EarmarkDB>(name);
  try {
    return (await db.get('quoteCounts', episodeId))?.count;
  } finally {
    db.close();
  }
}

/** The quotes store's index names, read around the store. */
async function quoteIndexes(name: string): Promise<string[]> {
  const db = await openDB<EarmarkDB>(name);
  try {
    return [...db.transaction('quotes').store.indexNames].sort();
  } finally {
    db.close();
  }
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('schema migrations', () => {
  it('has a fixture for every released version before the current one', () => {
    for (let version = 1; version < DB_VERSION; version++) {
      expect(RELEASED[version], `no data fixture for schema version ${version}`).toBeDefined();
    }
  });

  it.each(Object.keys(RELEASED).map(Number))(
    'upgrades data written by version %i to the current version without losing anything',
    async (version) => {
      const name = `migrate-${version}-${Math.random()}`;
      const data = fixture(version);
      await writeAsVersion(name, version, data);

      const store = createStore({ name });
      const after = await store.exportLibrary();
      expect(after.episodes.sort(byId)).toEqual([...data.episodes].sort(byId));
      expect(after.quotes.sort(byId)).toEqual([...data.quotes].sort(byId));
      // The upgraded database works for new writes and for what the new version added.
      await store.setMeta('lastBackupAt', '2026-04-01T00:00:00.000Z');
      expect(await store.getMeta('lastBackupAt')).toBe('2026-04-01T00:00:00.000Z');
      for (const episode of data.episodes) {
        const quotes = await store.quotesForEpisode(episode.id);
        expect(quotes).toHaveLength(data.quotes.filter((q) => q.episodeId === episode.id).length);
        // The playback-order index (version 3) covers quotes written before it existed.
        const timed = quotes.filter((q) => q.timeSec !== null);
        expect(await store.firstTimedQuotes(episode.id, 100)).toEqual(timed);
        // What is fetched from a feed (version 4) has its place, empty after the upgrade.
        expect(await store.episodeWords(episode.id)).toBeUndefined();
        // The capture-order index (version 5) covers quotes written before it existed: the
        // newest first (ties in order: the later id), untimed ones too.
        const byNewest = [...quotes].sort((a, b) => b.order - a.order || b.id.localeCompare(a.id));
        const glance = await store.episodeGlance(episode.id, 3);
        expect(glance.quoteCount).toBe(quotes.length);
        expect(glance.newest).toEqual(byNewest.slice(0, 3));
        // Each episode's quote count (version 6) is counted by the upgrade and kept.
        expect(await keptCount(name, episode.id)).toBe(quotes.length || undefined);
      }
      await store.close();
      // Quotes keep only the indexes a read uses (version 7).
      expect(await quoteIndexes(name)).toEqual(['byEpisodeOrder', 'byEpisodePlayback']);
    },
  );

  it('waits for an old page holding the database open and tells the person why', async () => {
    const name = `blocked-${Math.random()}`;
    await writeAsVersion(name, 1, fixture(1));
    // An old page (a popup of the previous version) keeps its connection and ignores requests.
    const old = await openDB(name, 1);
    let blocked = 0;
    const store = createStore({ name, onBlocked: () => blocked++ });
    const reading = store.exportLibrary();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(blocked).toBe(1);
    old.close();
    expect((await reading).quotes).toHaveLength(2);
    await store.close();
  });

  it('steps aside when a newer version needs to upgrade', async () => {
    const name = `blocking-${Math.random()}`;
    const store = createStore({ name });
    await store.setMeta('x', 1);
    const newer = await openDB(name, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
  });
});
