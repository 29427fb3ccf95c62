import { openDB, type IDBPDatabase } from 'idb';
import { newEpisode, type EpisodeSeed, episodeIdForUrl } from '../core/episode';
import type { Episode, Participant, Quote, QuoteAnchor } from '../core/model';
import { DB_NAME, DB_VERSION, MIGRATIONS, type EarmarkDB } from './schema';

/** What the capture path hands the store: the page's episode and the selection. */
export interface CaptureInput {
  seed: EpisodeSeed;
  text: string;
  timeSec: number | null;
  anchor: QuoteAnchor | null;
  /** A speaker name guessed from the page, matched to (or added as) a participant. */
  speakerName: string | null;
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

/** Playback order; quotes without a time keep their capture order after the timed ones. */
export function byPlaybackOrder(a: Quote, b: Quote): number {
  const ta = a.timeSec ?? Number.POSITIVE_INFINITY;
  const tb = b.timeSec ?? Number.POSITIVE_INFINITY;
  return ta === tb ? a.order - b.order : ta - tb;
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
        for (let version = oldVersion; version < DB_VERSION; version++) {
          MIGRATIONS[version]!(database, tx);
        }
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

  async function episode(id: string): Promise<Episode | undefined> {
    return (await db()).get('episodes', id);
  }

  /** Every episode, most recently edited first. */
  async function listEpisodes(): Promise<Episode[]> {
    const all = await (await db()).getAllFromIndex('episodes', 'byUpdatedAt');
    return all.reverse();
  }

  async function quotesForEpisode(episodeId: string): Promise<Quote[]> {
    const quotes = await (await db()).getAllFromIndex('quotes', 'byEpisode', episodeId);
    return quotes.sort(byPlaybackOrder);
  }

  async function countQuotes(episodeId: string): Promise<number> {
    return (await db()).countFromIndex('quotes', 'byEpisode', episodeId);
  }

  /**
   * Saves a quote, creating its episode from the page's metadata on the first capture, in one
   * transaction: the quote and its episode are written together or not at all.
   */
  async function saveCapture(input: CaptureInput): Promise<{ episode: Episode; quote: Quote }> {
    const tx = (await db()).transaction(['episodes', 'quotes'], 'readwrite', {
      durability: 'strict',
    });
    const episodes = tx.objectStore('episodes');
    const quotes = tx.objectStore('quotes');
    const time = now();
    const id = episodeIdForUrl(input.seed.url);
    let record = (await episodes.get(id)) ?? newEpisode(input.seed, time, makeId);
    let speakerId: string | null = null;
    if (input.speakerName) {
      const found = findParticipant(record.participants, input.speakerName);
      if (found) {
        speakerId = found.id;
      } else {
        const added: Participant = { id: makeId(), name: input.speakerName.trim(), role: 'guest' };
        record = { ...record, participants: [...record.participants, added] };
        speakerId = added.id;
      }
    }
    const order = await quotes.index('byEpisode').count(id);
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
    await Promise.all([episodes.put(record), quotes.put(quote), tx.done]);
    return { episode: record, quote };
  }

  /** The episode a page is about, created from its metadata when it is not stored yet. */
  async function ensureEpisode(seed: EpisodeSeed): Promise<Episode> {
    const tx = (await db()).transaction('episodes', 'readwrite', { durability: 'strict' });
    const id = episodeIdForUrl(seed.url);
    let record = await tx.store.get(id);
    if (!record) {
      record = newEpisode(seed, now(), makeId);
      await tx.store.put(record);
    }
    await tx.done;
    return record;
  }

  async function updateEpisode(id: string, edit: EpisodeEdit): Promise<Episode> {
    const tx = (await db()).transaction('episodes', 'readwrite', { durability: 'strict' });
    const current = await tx.store.get(id);
    if (!current) throw new Error('This episode is no longer in your library.');
    const next: Episode = { ...current, ...edit, updatedAt: now() };
    await Promise.all([tx.store.put(next), tx.done]);
    return next;
  }

  async function updateQuote(id: string, edit: QuoteEdit): Promise<Quote> {
    const tx = (await db()).transaction('quotes', 'readwrite', { durability: 'strict' });
    const current = await tx.store.get(id);
    if (!current) throw new Error('This quote is no longer in your library.');
    const next: Quote = { ...current, ...edit, updatedAt: now() };
    await Promise.all([tx.store.put(next), tx.done]);
    return next;
  }

  /** Deletes a quote and returns it, so the caller can offer Undo (`restoreQuote`). */
  async function deleteQuote(id: string): Promise<Quote | undefined> {
    const tx = (await db()).transaction('quotes', 'readwrite', { durability: 'strict' });
    const current = await tx.store.get(id);
    if (current) await tx.store.delete(id);
    await tx.done;
    return current;
  }

  async function restoreQuote(quote: Quote): Promise<void> {
    await (await db()).put('quotes', quote);
  }

  async function close(): Promise<void> {
    const current = opening;
    opening = null;
    if (current) (await current).close();
  }

  return {
    episode,
    listEpisodes,
    quotesForEpisode,
    countQuotes,
    saveCapture,
    ensureEpisode,
    updateEpisode,
    updateQuote,
    deleteQuote,
    restoreQuote,
    close,
  };
}

export type Store = ReturnType<typeof createStore>;

function findParticipant(participants: Participant[], name: string): Participant | undefined {
  const wanted = name.trim().toLowerCase();
  return participants.find((p) => p.name.trim().toLowerCase() === wanted);
}
