/**
 * A model-based test of the store (issue 8): random sequences of captures, edits, deletes and
 * backup round trips, written through three connections at once (two tabs' captures and the
 * popup), must leave IndexedDB equal to a plain in-memory model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { episodeIdForUrl } from '../../src/core/episode';
import type { Episode, LibraryData, Quote } from '../../src/core/model';
import { createStore, type Store } from '../../src/store/store';

const URLS = ['https://a.example/ep/1', 'https://b.example/ep/2', 'https://c.example/ep/3'];

interface Model {
  episodes: Map<string, Episode>;
  quotes: Map<string, Quote>;
}

interface World {
  writers: Store[];
  /** The ids the store handed out, in order, so commands can pick existing quotes. */
  quoteIds: string[];
}

type Command = fc.AsyncCommand<Model, World>;

const text = fc.string({ maxLength: 40 });
const writer = fc.integer({ min: 0, max: 2 });

/** Applies a saved capture to the model exactly as the store promises to. */
function modelCapture(model: Model, episode: Episode, quote: Quote): void {
  const known = model.episodes.get(episode.id);
  // After the episode's last quote, whatever was deleted before it.
  const orders = [...model.quotes.values()]
    .filter((q) => q.episodeId === episode.id)
    .map((q) => q.order);
  expect(quote.order).toBe(orders.length > 0 ? Math.max(...orders) + 1 : 0);
  if (known) expect(episode.participants).toEqual(known.participants);
  model.episodes.set(episode.id, episode);
  model.quotes.set(quote.id, quote);
}

class Capture implements Command {
  constructor(
    readonly by: number,
    readonly url: number,
    readonly words: string,
    readonly time: number | null,
  ) {}
  check = () => true;
  async run(model: Model, world: World) {
    const { episode, quote } = await world.writers[this.by]!.saveCapture({
      seed: { url: URLS[this.url]!, platform: 'generic', title: `Episode ${this.url}`, show: 'S' },
      text: this.words,
      timeSec: this.time,
      anchor: null,
      speakerName: null,
    });
    expect(episode.id).toBe(episodeIdForUrl(URLS[this.url]!));
    modelCapture(model, episode, quote);
    world.quoteIds.push(quote.id);
  }
  toString = () => `capture(w${this.by}, ${this.url}, ${JSON.stringify(this.words)})`;
}

/** Two writers capture into the same episode at the same moment. */
class ConcurrentCaptures implements Command {
  constructor(
    readonly url: number,
    readonly first: string,
    readonly second: string,
  ) {}
  check = () => true;
  async run(model: Model, world: World) {
    const seed = { url: URLS[this.url]!, platform: 'generic' as const, title: 'T', show: 'S' };
    const base = { seed, timeSec: 1, anchor: null, speakerName: null };
    const results = await Promise.all([
      world.writers[0]!.saveCapture({ ...base, text: this.first }),
      world.writers[1]!.saveCapture({ ...base, text: this.second }),
    ]);
    // Transactions serialise: both quotes land, numbered one after the other.
    const sorted = [...results].sort((a, b) => a.quote.order - b.quote.order);
    for (const { episode, quote } of sorted) {
      modelCapture(model, { ...(model.episodes.get(episode.id) ?? episode), ...episode }, quote);
      world.quoteIds.push(quote.id);
    }
    // The episode record is whichever transaction committed last.
    model.episodes.set(sorted[1]!.episode.id, sorted[1]!.episode);
  }
  toString = () => `concurrentCaptures(${this.url})`;
}

class EditTwoCents implements Command {
  constructor(
    readonly by: number,
    readonly url: number,
    readonly words: string,
  ) {}
  check = (model: Readonly<Model>) => model.episodes.has(episodeIdForUrl(URLS[this.url]!));
  async run(model: Model, world: World) {
    const id = episodeIdForUrl(URLS[this.url]!);
    const updated = await world.writers[this.by]!.updateEpisode(id, { twoCents: this.words });
    expect(updated).toEqual({
      ...model.episodes.get(id),
      twoCents: this.words,
      updatedAt: updated.updatedAt,
    });
    model.episodes.set(id, updated);
  }
  toString = () => `twoCents(w${this.by}, ${this.url})`;
}

class EditNote implements Command {
  constructor(
    readonly by: number,
    readonly pick: number,
    readonly words: string,
  ) {}
  check = (model: Readonly<Model>) => model.quotes.size > 0;
  async run(model: Model, world: World) {
    const id = [...model.quotes.keys()][this.pick % model.quotes.size]!;
    const updated = await world.writers[this.by]!.updateQuote(id, { note: this.words });
    expect(updated).toEqual({
      ...model.quotes.get(id),
      note: this.words,
      updatedAt: updated.updatedAt,
    });
    model.quotes.set(id, updated);
  }
  toString = () => `note(w${this.by}, #${this.pick})`;
}

class DeleteQuote implements Command {
  constructor(
    readonly by: number,
    readonly pick: number,
  ) {}
  check = (model: Readonly<Model>) => model.quotes.size > 0;
  async run(model: Model, world: World) {
    const id = [...model.quotes.keys()][this.pick % model.quotes.size]!;
    const deleted = await world.writers[this.by]!.deleteQuote(id);
    expect(deleted).toEqual(model.quotes.get(id));
    model.quotes.delete(id);
  }
  toString = () => `delete(w${this.by}, #${this.pick})`;
}

/** Export, wipe, import: the library comes back identical. */
class BackupRoundTrip implements Command {
  constructor(readonly by: number) {}
  check = () => true;
  async run(_model: Model, world: World) {
    const store = world.writers[this.by]!;
    const exported = await store.exportLibrary();
    await store.wipe();
    const plan = await store.importLibrary(exported);
    expect(plan.episodes.added).toBe(exported.episodes.length);
    expect(plan.quotes.added).toBe(exported.quotes.length);
  }
  toString = () => `backupRoundTrip(w${this.by})`;
}

const commands = [
  fc
    .tuple(
      writer,
      fc.integer({ min: 0, max: 2 }),
      text,
      fc.option(fc.double({ min: 0, max: 1e4, noNaN: true })),
    )
    .map(([by, url, words, time]) => new Capture(by, url, words, time)),
  fc
    .tuple(fc.integer({ min: 0, max: 2 }), text, text)
    .map(([url, a, b]) => new ConcurrentCaptures(url, a, b)),
  fc
    .tuple(writer, fc.integer({ min: 0, max: 2 }), text)
    .map(([by, url, w]) => new EditTwoCents(by, url, w)),
  fc.tuple(writer, fc.nat(), text).map(([by, pick, w]) => new EditNote(by, pick, w)),
  fc.tuple(writer, fc.nat()).map(([by, pick]) => new DeleteQuote(by, pick)),
  writer.map((by) => new BackupRoundTrip(by)),
];

function sorted(data: LibraryData) {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { episodes: [...data.episodes].sort(byId), quotes: [...data.quotes].sort(byId) };
}

describe('store model', () => {
  it('always equals a simple model, whatever three writers do in any order', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 25 }), async (cmds) => {
        const name = `model-${run++}`;
        let id = 0;
        let tick = 0;
        const shared = {
          name,
          makeId: () => `id-${String(++id).padStart(5, '0')}`,
          now: () => new Date(Date.UTC(2026, 0, 1) + tick++ * 1000).toISOString(),
        };
        const writers = [createStore(shared), createStore(shared), createStore(shared)];
        const model: Model = { episodes: new Map(), quotes: new Map() };
        try {
          await fc.asyncModelRun(() => ({ model, real: { writers, quoteIds: [] } }), cmds);
          const stored = sorted(await writers[2]!.exportLibrary());
          expect(stored).toEqual(
            sorted({ episodes: [...model.episodes.values()], quotes: [...model.quotes.values()] }),
          );
        } finally {
          await Promise.all(writers.map((w) => w.close()));
          indexedDB.deleteDatabase(name);
        }
      }),
      { numRuns: 200 },
    );
  });
});
