// Over 400 lines on purpose: every read and write of Earmark's IndexedDB lives here, one
// transaction per method, beside the comments on IndexedDB's traps (transactions that close on
// a foreign await, aborts that must undo a half-write). Split up, each part would need the
// private transaction helpers exported.
import {
  openDB,
  type IDBPDatabase,
  type IDBPIndex,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import type { MergePlan } from '../core/backup';
import type { EpisodeWords } from '../core/feeds/episode-words';
import { newEpisode, type EpisodeSeed, episodeIdForUrl } from '../core/episode';
import { insertAt } from '../core/list';
import type { Episode, LibraryData, Participant, Quote, QuoteAnchor, Section } from '../core/model';
import { matchParticipant } from '../core/people';
import { byPlaybackOrder } from '../core/quote-order';
import { toStoreError } from './errors';
import { DB_NAME, DB_VERSION, upgradeSchema, type EarmarkDB, type QuoteCount } from './schema';

/**
 * A participant or section taken off an episode, with where it was and the quotes that lost
 * it (they stay, unattributed or unfiled): everything Undo needs to put it all back.
 */
export type Removal =
  | { kind: 'participant'; item: Participant; index: number; quoteIds: string[] }
  | { kind: 'section'; item: Section; index: number; quoteIds: string[] };

/** Where each kind of removable item lives: its list on the episode, its field on a quote. */
const REMOVABLE = {
  participant: { list: 'participants', field: 'speakerId' },
  section: { list: 'sections', field: 'sectionId' },
} as const;

/** What the capture path hands the store: the page's episode and the selection. */
export interface CaptureInput {
  seed: EpisodeSeed;
  text: string;
  timeSec: number | null;
  anchor: QuoteAnchor | null;
  /** A speaker name guessed from the page, matched to (or added as) a participant. */
  speakerName: string | null;
  /**
   * A retry of a capture whose outcome the page never heard (the service worker stopped): if
   * the same words were saved for the episode in the last few minutes, that quote is the
   * answer, not a second copy.
   */
  retry?: boolean;
  /**
   * Whether the page marks the guess as a speaker's turn. An unconfirmed guess (a lone
   * "Name:" line) only names a participant the episode has; it adds nobody (issue 20: the
   * title "Episode 251:" and a photo's "Credit:" became guests). Absent: confirmed.
   */
  speakerConfirmed?: boolean;
}

/** How far back a retried capture looks for its own earlier, unconfirmed save. */
export const RETRY_MATCH_MS = 10 * 60_000;

/** An episode at a glance: what a first screen draws before the whole list is read. */
export interface EpisodeGlance {
  episode: Episode | undefined;
  /** All of the episode's quotes, counted. */
  quoteCount: number;
  /** Its newest quotes, highest `order` (capture order) first. */
  newest: Quote[];
}

/** Fields of an episode a person edits. */
export type EpisodeEdit = Partial<
  Pick<
    Episode,
    'title' | 'show' | 'participants' | 'sections' | 'summary' | 'twoCents' | 'references' | 'tags'
  >
>;
export type QuoteEdit = Partial<
  Pick<Quote, 'text' | 'speakerId' | 'sectionId' | 'timeSec' | 'note'>
>;

export interface StoreOptions {
  name?: string;
  now?: () => string;
  makeId?: () => string;
  /** Told when an upgrade waits for the extension's other pages to close. */
  onBlocked?: () => void;
}

/**
 * The only code that reads or writes Earmark's IndexedDB. Each method is one transaction;
 * writes that a person would hate to lose use strict durability (flushed to disk on commit).
 */
export function createStore(options: StoreOptions = {}) {
  const name = options.name ?? DB_NAME;
  const now = options.now ?? (() => new Date().toISOString());
  const makeId = options.makeId ?? (() => crypto.randomUUID());
  let opening: Promise<IDBPDatabase<EarmarkDB>> | null = null;

  /** Opens lazily; a connection closed by an upgrade elsewhere or by the browser is reopened. */
  function db(): Promise<IDBPDatabase<EarmarkDB>> {
    opening ??= openDB<EarmarkDB>(name, DB_VERSION, {
      upgrade(database, oldVersion, _newVersion, tx) {
        upgradeSchema(database, tx, oldVersion);
      },
      blocked() {
        options.onBlocked?.();
      },
      blocking(_current, _next, event) {
        // A newer version wants to upgrade: step aside so it can.
        (event.target as IDBDatabase).close();
        opening = null;
      },
      terminated() {
        opening = null;
      },
    }).catch((error: unknown) => {
      opening = null;
      throw error;
    });
    return opening;
  }

  /**
   * Runs a write and turns any failure into a StoreError a person can read. `abort` undoes
   * what the transaction queued before the failure: nothing is ever half-written.
   */
  async function writing<T>(work: (database: IDBPDatabase<EarmarkDB>) => Promise<T>): Promise<T> {
    try {
      return await work(await db());
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /**
   * One strict-durability read-write transaction. Its `done` is observed at once so a failure
   * part-way is reported once, as the error that caused it; the rest is aborted.
   */
  function inWriteTx<const N extends StoreNames<EarmarkDB>[], T>(
    names: N,
    work: (tx: IDBPTransaction<EarmarkDB, N, 'readwrite'>) => Promise<T>,
  ): Promise<T> {
    return writing(async (database) => {
      const tx = database.transaction(names, 'readwrite', { durability: 'strict' });
      tx.done.catch(() => undefined);
      try {
        const result = await work(tx);
        await tx.done;
        return result;
      } catch (error) {
        abortQuietly(tx);
        throw error;
      }
    });
  }

  /**
   * Opens the database now, so that opening overlaps other waiting (the popup asks its tab
   * what the page is meanwhile). Never rejects: the first real read reports any failure.
   */
  function warm(): void {
    db().catch(() => undefined);
  }

  async function episode(id: string): Promise<Episode | undefined> {
    return (await db()).get('episodes', id);
  }

  /** Every episode, most recently edited first. */
  async function listEpisodes(): Promise<Episode[]> {
    const all = await (await db()).getAllFromIndex('episodes', 'byUpdatedAt');
    return all.reverse();
  }

  async function quote(id: string): Promise<Quote | undefined> {
    return (await db()).get('quotes', id);
  }

  async function quotesForEpisode(episodeId: string): Promise<Quote[]> {
    const quotes = await (
      await db()
    ).getAllFromIndex('quotes', 'byEpisodeOrder', ofEpisode(episodeId));
    return quotes.sort(byPlaybackOrder);
  }

  /**
   * The first `count` quotes of an episode in playback order, read through an index: enough
   * for a first screen of a long list, in a few milliseconds where reading 1,000 takes ~35.
   * Quotes without a time (last in playback order) are never among them.
   */
  async function firstTimedQuotes(episodeId: string, count: number): Promise<Quote[]> {
    const range = IDBKeyRange.bound(
      [episodeId, -Infinity, -Infinity],
      [episodeId, Infinity, Infinity],
    );
    return (await db()).getAllFromIndex('quotes', 'byEpisodePlayback', range, count);
  }

  /**
   * What a first screen of an episode needs, in one read-only transaction of a few records:
   * the episode, how many quotes it has, and its `count` newest quotes (highest `order` first,
   * through the capture-order index). Reading all of 1,000 quotes takes ~35 ms in Chromium.
   */
  async function episodeGlance(episodeId: string, count: number): Promise<EpisodeGlance> {
    const tx = (await db()).transaction(['episodes', 'quotes', 'quoteCounts']);
    const quotes = tx.objectStore('quotes');
    const [episode, quoteCount, newest] = await Promise.all([
      tx.objectStore('episodes').get(episodeId),
      keptCount(tx, episodeId),
      count > 0 ? lastOf(quotes.index('byEpisodeOrder'), ofEpisode(episodeId), count) : [],
    ]);
    return { episode, quoteCount, newest };
  }

  async function countQuotes(episodeId: string): Promise<number> {
    return keptCount((await db()).transaction(['quotes', 'quoteCounts']), episodeId);
  }

  /**
   * Saves a quote, creating its episode from the page's metadata on the first capture, in one
   * transaction: the quote and its episode are written together or not at all.
   */
  async function saveCapture(input: CaptureInput): Promise<{ episode: Episode; quote: Quote }> {
    return inWriteTx(['episodes', 'quotes', 'quoteCounts'], async (tx) => {
      const episodes = tx.objectStore('episodes');
      const quotes = tx.objectStore('quotes');
      const counts = tx.objectStore('quoteCounts');
      const time = now();
      const id = episodeIdForUrl(input.seed.url);
      const stored = await episodes.get(id);
      if (stored && input.retry) {
        const since = Date.parse(time) - RETRY_MATCH_MS;
        const earlier = (await quotes.index('byEpisodeOrder').getAll(ofEpisode(id))).find(
          (q) => q.text === input.text && Date.parse(q.createdAt) >= since,
        );
        if (earlier) return { episode: stored, quote: earlier };
      }
      let record = stored ?? newEpisode(input.seed, time, makeId);
      // A page saved from before its player loaded, now found to be an episode. Never the
      // reverse: a page that fails detection once (a slow SPA) stays the episode it was.
      if (record.kind === 'page' && input.seed.kind !== 'page') {
        record = { ...record, kind: 'episode' };
      }
      let speakerId: string | null = null;
      if (input.speakerName) {
        // The episode's participant the guess refers to ("Sam" is "Sam Rivera"): the stored
        // episode's, or on the first capture the page's. Else a confirmed guess joins as a
        // guest; an unconfirmed one names nobody.
        const found = matchParticipant(input.speakerName, record.participants);
        if (found) {
          speakerId = found.id;
        } else if (
          input.speakerConfirmed !== false &&
          record.participants.length < MAX_PARTICIPANTS_FROM_GUESSES
        ) {
          const added: Participant = {
            id: makeId(),
            name: input.speakerName.trim(),
            role: 'guest',
          };
          record = { ...record, participants: [...record.participants, added] };
          speakerId = added.id;
        }
      }
      // After the last one, not at the count: once a quote is deleted the count is an order
      // still in use, and the newest quote could tie with (and sort behind) an older one.
      const [[last], before] = await Promise.all([
        lastOf(quotes.index('byEpisodeOrder'), ofEpisode(id), 1),
        keptCount(tx, id),
      ]);
      const order = last ? last.order + 1 : 0;
      const count = before + 1;
      const quote: Quote = {
        id: makeId(),
        episodeId: id,
        text: input.text,
        speakerId,
        sectionId: null,
        timeSec: input.timeSec,
        note: '',
        anchor: input.anchor,
        order,
        createdAt: time,
        updatedAt: time,
      };
      record = { ...record, updatedAt: time };
      await Promise.all([
        observed(episodes.put(record)),
        observed(quotes.put(quote)),
        observed(counts.put({ episodeId: id, count })),
      ]);
      return { episode: record, quote };
    });
  }

  /** The episode a page is about, created from its metadata when it is not stored yet. */
  async function ensureEpisode(seed: EpisodeSeed): Promise<Episode> {
    return inWriteTx(['episodes'], async (tx) => {
      const episodes = tx.objectStore('episodes');
      const stored = await episodes.get(episodeIdForUrl(seed.url));
      if (stored) return stored;
      const record = newEpisode(seed, now(), makeId);
      await episodes.put(record);
      return record;
    });
  }

  /**
   * Edits an episode. Given a function, the edit is computed from the record as stored inside
   * the same transaction, so two views editing at once (popup and side panel) can't overwrite
   * each other's lists.
   */
  async function updateEpisode(
    id: string,
    edit: EpisodeEdit | ((current: Episode) => EpisodeEdit),
  ): Promise<Episode> {
    return inWriteTx(['episodes'], async (tx) => {
      const episodes = tx.objectStore('episodes');
      const current = await episodes.get(id);
      if (!current) throw new Error('This episode is no longer in your library.');
      const change = typeof edit === 'function' ? edit(current) : edit;
      const next: Episode = { ...current, ...change, updatedAt: now() };
      await episodes.put(next);
      return next;
    });
  }

  async function updateQuote(id: string, edit: QuoteEdit): Promise<Quote> {
    return inWriteTx(['quotes'], async (tx) => {
      const quotes = tx.objectStore('quotes');
      const current = await quotes.get(id);
      if (!current) throw new Error('This quote is no longer in your library.');
      const next: Quote = { ...current, ...edit, updatedAt: now() };
      await quotes.put(next);
      return next;
    });
  }

  /**
   * Takes a participant or section off an episode and clears it from the episode's quotes,
   * in one transaction: a failure part-way leaves both as they were. Returns the episode as
   * saved and what `restoreRemoved` needs; null when the item is already gone.
   */
  async function removeFromEpisode(
    episodeId: string,
    kind: Removal['kind'],
    itemId: string,
  ): Promise<{ episode: Episode; removal: Removal } | null> {
    const { list, field } = REMOVABLE[kind];
    return inWriteTx(['episodes', 'quotes'], async (tx) => {
      const episodes = tx.objectStore('episodes');
      const quotes = tx.objectStore('quotes');
      const current = await episodes.get(episodeId);
      if (!current) throw new Error('This episode is no longer in your library.');
      const items: readonly (Participant | Section)[] = current[list];
      const index = items.findIndex((item) => item.id === itemId);
      if (index < 0) return null;
      const time = now();
      const episode: Episode = {
        ...current,
        [list]: items.filter((item) => item.id !== itemId),
        updatedAt: time,
      };
      const affected = (await quotes.index('byEpisodeOrder').getAll(ofEpisode(episodeId))).filter(
        (q) => q[field] === itemId,
      );
      await Promise.all([
        observed(episodes.put(episode)),
        ...affected.map((q) => observed(quotes.put({ ...q, [field]: null, updatedAt: time }))),
      ]);
      const quoteIds = affected.map((q) => q.id);
      const removal = { kind, item: items[index]!, index, quoteIds } as Removal;
      return { episode, removal };
    });
  }

  /**
   * Undo of `removeFromEpisode`, in one transaction: the item back at its place, and back on
   * the quotes that lost it, unless one was given another since.
   */
  async function restoreRemoved(episodeId: string, removal: Removal): Promise<Episode> {
    const { list, field } = REMOVABLE[removal.kind];
    return inWriteTx(['episodes', 'quotes'], async (tx) => {
      const episodes = tx.objectStore('episodes');
      const quotes = tx.objectStore('quotes');
      const current = await episodes.get(episodeId);
      if (!current) throw new Error('This episode is no longer in your library.');
      const items: readonly (Participant | Section)[] = current[list];
      const time = now();
      const episode: Episode = {
        ...current,
        [list]: items.some((item) => item.id === removal.item.id)
          ? items
          : insertAt(items, removal.index, removal.item),
        updatedAt: time,
      };
      const found = await Promise.all(removal.quoteIds.map((id) => quotes.get(id)));
      const back = found.filter((q): q is Quote => q !== undefined && q[field] === null);
      await Promise.all([
        observed(episodes.put(episode)),
        ...back.map((q) =>
          observed(quotes.put({ ...q, [field]: removal.item.id, updatedAt: time })),
        ),
      ]);
      return episode;
    });
  }

  /** Deletes a quote and returns it, so the caller can offer Undo (`restoreQuote`). */
  async function deleteQuote(id: string): Promise<Quote | undefined> {
    return inWriteTx(['quotes', 'quoteCounts'], async (tx) => {
      const quotes = tx.objectStore('quotes');
      const current = await quotes.get(id);
      if (current) {
        await quotes.delete(id);
        await recount(tx, [current.episodeId]);
      }
      return current;
    });
  }

  async function restoreQuote(quote: Quote): Promise<void> {
    await inWriteTx(['quotes', 'quoteCounts'], async (tx) => {
      await tx.objectStore('quotes').put(quote);
      await recount(tx, [quote.episodeId]);
    });
  }

  /** Deletes an episode with all its quotes, returning both so the caller can offer Undo. */
  async function deleteEpisode(id: string): Promise<LibraryData> {
    return inWriteTx(['episodes', 'quotes', 'quoteCounts'], async (tx) => {
      const episode = await tx.objectStore('episodes').get(id);
      const quotes = await tx.objectStore('quotes').index('byEpisodeOrder').getAll(ofEpisode(id));
      await Promise.all([
        observed(tx.objectStore('episodes').delete(id)),
        ...quotes.map((q) => observed(tx.objectStore('quotes').delete(q.id))),
        observed(tx.objectStore('quoteCounts').delete(id)),
      ]);
      return { episodes: episode ? [episode] : [], quotes };
    });
  }

  /** Puts records back exactly as they were (Undo of a delete). */
  async function restoreLibrary(data: LibraryData): Promise<void> {
    await inWriteTx(['episodes', 'quotes', 'quoteCounts'], async (tx) => {
      await Promise.all([
        ...data.episodes.map((e) => observed(tx.objectStore('episodes').put(e))),
        ...data.quotes.map((q) => observed(tx.objectStore('quotes').put(q))),
      ]);
      await recount(
        tx,
        data.quotes.map((q) => q.episodeId),
      );
    });
  }

  /**
   * Everything, for a backup, as it was at one moment: one read-only transaction, so a save
   * made meanwhile is either wholly in the backup or not at all. Quotes are read in pages of
   * `pageSize` keys, so no single request materialises the whole store.
   */
  async function exportLibrary(pageSize = 2_000): Promise<LibraryData> {
    const tx = (await db()).transaction(['episodes', 'quotes']);
    const episodes = await tx.objectStore('episodes').getAll();
    const store = tx.objectStore('quotes');
    const quotes: Quote[] = [];
    let after: string | null = null;
    for (;;) {
      const range = after === null ? null : IDBKeyRange.lowerBound(after, true);
      const page: Quote[] = await store.getAll(range, pageSize);
      quotes.push(...page);
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.id;
    }
    await tx.done;
    return { episodes, quotes };
  }

  /**
   * Imports a parsed, validated backup: for ids already stored, the newer `updatedAt` wins.
   * The merge is decided and written inside one transaction, so a failure changes nothing and
   * a concurrent edit can't slip between the decision and the write.
   */
  async function importLibrary(
    incoming: LibraryData,
    onWritten?: (total: number) => void,
  ): Promise<MergePlan> {
    // Loaded here, before the transaction opens (an await inside it would let it commit):
    // pages that never import keep the backup validator out of their first render.
    const { mergeBackup } = await import('../core/backup');
    return inWriteTx(['episodes', 'quotes', 'quoteCounts'], async (tx) => {
      const episodes = tx.objectStore('episodes');
      const quotes = tx.objectStore('quotes');
      const counts = tx.objectStore('quoteCounts');
      const storedEpisodes = new Map((await episodes.getAll()).map((e) => [e.id, e]));
      const storedQuotes = new Map<
        string,
        Pick<Quote, 'episodeId' | 'updatedAt' | 'speakerId' | 'sectionId'>
      >();
      for (let cursor = await quotes.openCursor(); cursor; cursor = await cursor.continue()) {
        storedQuotes.set(cursor.value.id, cursor.value);
      }
      const plan = mergeBackup({ episodes: storedEpisodes, quotes: storedQuotes }, incoming);
      const total = plan.episodesToPut.length + plan.quotesToPut.length;
      // Each acknowledged put is told, with the total, so a restore can show progress (issue
      // 18). Observed twice: a put that throws at once leaves the ones before it outside
      // Promise.all.
      const counted = <T>(request: Promise<T>) =>
        observed(observed(request).then((value) => (onWritten?.(total), value)));
      await Promise.all([
        ...plan.episodesToPut.map((e) => counted(episodes.put(e))),
        ...plan.quotesToPut.map((q) => counted(quotes.put(q))),
        ...countsAfter(storedQuotes, plan.quotesToPut).map((c) => observed(counts.put(c))),
      ]);
      return plan;
    });
  }

  /** Deletes every episode and quote. */
  async function wipe(): Promise<void> {
    await inWriteTx(['episodes', 'quotes', 'quoteCounts'], async (tx) => {
      await Promise.all([
        observed(tx.objectStore('episodes').clear()),
        observed(tx.objectStore('quotes').clear()),
        observed(tx.objectStore('quoteCounts').clear()),
      ]);
    });
  }

  async function getMeta<T>(key: string): Promise<T | undefined> {
    return (await (await db()).get('meta', key))?.value as T | undefined;
  }

  async function setMeta(key: string, value: unknown): Promise<void> {
    await inWriteTx(['meta'], (tx) => tx.objectStore('meta').put({ key, value }));
  }

  /** What was fetched from the episode's feed, or undefined before the first fetch. */
  async function episodeWords(episodeId: string): Promise<EpisodeWords | undefined> {
    return (await db()).get('episodeWords', episodeId);
  }

  /** Keeps a fetch's result; only a complete, checked result is ever handed here. */
  async function saveEpisodeWords(words: EpisodeWords): Promise<void> {
    await inWriteTx(['episodeWords'], (tx) => tx.objectStore('episodeWords').put(words));
  }

  async function close(): Promise<void> {
    const current = opening;
    opening = null;
    if (current) (await current).close();
  }

  return {
    warm,
    episode,
    listEpisodes,
    quote,
    quotesForEpisode,
    firstTimedQuotes,
    episodeGlance,
    countQuotes,
    saveCapture,
    ensureEpisode,
    updateEpisode,
    updateQuote,
    deleteQuote,
    restoreQuote,
    removeFromEpisode,
    restoreRemoved,
    deleteEpisode,
    restoreLibrary,
    exportLibrary,
    importLibrary,
    wipe,
    getMeta,
    setMeta,
    episodeWords,
    saveEpisodeWords,
    close,
  };
}

export type Store = ReturnType<typeof createStore>;

/** `IDBIndex.getAllRecords`, through idb's wrapper (which promises any request). */
type GetAllRecords = (options: {
  query: IDBKeyRange;
  count: number;
  direction: 'prev';
}) => Promise<{ value: Quote }[]>;

/**
 * The last `count` values of an index range, last first: one request where the browser has
 * `getAllRecords`, else one cursor step each (after its first steps Chromium fetches a
 * cursor's next values ahead, so ten cost a few round trips).
 */
async function lastOf(
  index: IDBPIndex<
    EarmarkDB,
    ('episodes' | 'quotes' | 'quoteCounts')[],
    'quotes',
    'byEpisodeOrder',
    'readonly' | 'readwrite'
  >,
  range: IDBKeyRange,
  count: number,
): Promise<Quote[]> {
  // One request where the browser has it (Chromium 141+): 0.6–2 ms against the cursor's 3–11.
  const records = (index as unknown as { getAllRecords?: GetAllRecords }).getAllRecords;
  if (records) {
    return (await records.call(index, { query: range, count, direction: 'prev' })).map(
      (record) => record.value,
    );
  }
  const found: Quote[] = [];
  let cursor = await index.openCursor(range, 'prev');
  while (cursor && found.push(cursor.value) < count) cursor = await cursor.continue();
  return found;
}

/** All of an episode's quotes, as a range of the capture-order index ([episodeId, order]). */
function ofEpisode(episodeId: string): IDBKeyRange {
  return IDBKeyRange.bound([episodeId, -Infinity], [episodeId, Infinity]);
}

type CountingTx = IDBPTransaction<
  EarmarkDB,
  ('quotes' | 'quoteCounts' | 'episodes')[],
  'readonly' | 'readwrite'
>;

/** An episode's quote count as kept; counted through the index where none is kept yet. */
async function keptCount(tx: CountingTx, episodeId: string): Promise<number> {
  const kept = await tx.objectStore('quoteCounts').get(episodeId);
  return (
    kept?.count ?? tx.objectStore('quotes').index('byEpisodeOrder').count(ofEpisode(episodeId))
  );
}

/**
 * Each episode's quote count once `puts` are written over `stored` (id → quote), from what
 * the import has read anyway: no index count per episode inside its transaction.
 */
function countsAfter(
  stored: ReadonlyMap<string, Pick<Quote, 'episodeId'>>,
  puts: readonly Quote[],
): QuoteCount[] {
  const counts = new Map<string, number>();
  const add = (episodeId: string, n: number) =>
    counts.set(episodeId, (counts.get(episodeId) ?? 0) + n);
  for (const quote of stored.values()) add(quote.episodeId, 1);
  for (const quote of puts) {
    const before = stored.get(quote.id);
    if (before) add(before.episodeId, -1);
    add(quote.episodeId, 1);
  }
  return [...counts].map(([episodeId, count]) => ({ episodeId, count }));
}

/** Counts the episodes' quotes again, after a write that put or deleted several. */
async function recount(
  tx: IDBPTransaction<EarmarkDB, ('quotes' | 'quoteCounts' | 'episodes')[], 'readwrite'>,
  episodeIds: readonly string[],
): Promise<void> {
  const byEpisode = tx.objectStore('quotes').index('byEpisodeOrder');
  await Promise.all(
    [...new Set(episodeIds)].map(async (episodeId) => {
      const count = await byEpisode.count(ofEpisode(episodeId));
      await tx.objectStore('quoteCounts').put({ episodeId, count });
    }),
  );
}

/**
 * Marks a request's promise as handled. When a later request in the same transaction throws,
 * the earlier ones reject with AbortError; the error worth reporting is the first one.
 */
function observed<T>(request: Promise<T>): Promise<T> {
  request.catch(() => undefined);
  return request;
}

/** Aborts a transaction that failed part-way; it may already be finished or aborted. */
function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted: nothing left to undo.
  }
}

/**
 * A guessed speaker joins the episode's participants only while it has fewer than this many:
 * an episode has a handful of voices, and a page whose labels change with every capture must
 * not grow the list without end. Past it, the quote is saved with no speaker.
 */
export const MAX_PARTICIPANTS_FROM_GUESSES = 50;
