// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  FIRST_SCREEN_NEWEST,
  FIRST_SCREEN_QUOTES,
  readFirstScreen,
} from '../../../src/ui/editor/first-quotes';
import { openDB } from 'idb';
import { DB_VERSION, type EarmarkDB } from '../../../src/store/schema';
import { createStore } from '../../../src/store/store';
import { freshStore, seedEpisode } from './helpers';

const timed = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `q${i}`, timeSec: i }));
const texts = (quotes: { text: string }[]) => quotes.map((q) => q.text);

describe('readFirstScreen, the side panel: playback order', () => {
  it('reads a short list whole, in playback order, with its episode', async () => {
    const store = freshStore();
    const { episode, quotes } = await seedEpisode(store, [...timed(5).reverse()]);
    const first = await readFirstScreen(store, episode.id, 'playback');
    expect(first).toEqual({ episode, quotes, unread: 0, readRest: null });
    expect(quotes.map((q) => q.timeSec)).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads the first screen of a long list, and the whole list when asked', async () => {
    const store = freshStore();
    const { episode } = await seedEpisode(store, [
      ...timed(100),
      { text: 'no time', timeSec: null },
    ]);
    const first = await readFirstScreen(store, episode.id, 'playback');
    expect(texts(first.quotes)).toEqual(texts(timed(FIRST_SCREEN_QUOTES)));
    expect(first.unread).toBe(101 - FIRST_SCREEN_QUOTES);
    const whole = await first.readRest!();
    expect(whole).toEqual(await store.quotesForEpisode(episode.id));
    expect(whole.slice(0, FIRST_SCREEN_QUOTES)).toEqual(first.quotes);
  });

  it('reads a list whole when untimed quotes leave the index short of a screen', async () => {
    const store = freshStore();
    const untimed = Array.from({ length: 50 }, (_, i) => ({ text: `u${i}`, timeSec: null }));
    const { episode } = await seedEpisode(store, [...timed(3), ...untimed]);
    const first = await readFirstScreen(store, episode.id, 'playback');
    expect(first.quotes).toHaveLength(53);
    expect(first.unread).toBe(0);
    expect(first.readRest).toBeNull();
  });
});

describe('readFirstScreen, the popup: the newest quotes (issue 16)', () => {
  it('reads the newest quotes of a long list, counting them all, untimed ones too', async () => {
    const store = freshStore();
    const { episode } = await seedEpisode(store, [
      ...timed(40),
      { text: 'no time', timeSec: null },
      { text: 'an hour in', timeSec: 3600 },
      { text: 'newest', timeSec: 12 },
    ]);
    const first = await readFirstScreen(store, episode.id, 'newest');
    expect(first.episode).toEqual(await store.episode(episode.id));
    expect(texts(first.quotes)).toEqual([
      'newest',
      'an hour in',
      'no time',
      ...texts(
        timed(40)
          .slice(-(FIRST_SCREEN_NEWEST - 3))
          .reverse(),
      ),
    ]);
    expect(first.unread).toBe(43 - FIRST_SCREEN_NEWEST);
    expect(await first.readRest!()).toEqual(await store.quotesForEpisode(episode.id));
  });

  it('has nothing more to read for a list that fits the first screen', async () => {
    const store = freshStore();
    const { episode, quotes } = await seedEpisode(store, timed(3));
    const first = await readFirstScreen(store, episode.id, 'newest');
    expect(first.quotes).toEqual([...quotes].reverse());
    expect(first.unread).toBe(0);
    expect(first.readRest).toBeNull();
  });

  it('reads the rest of a long list even where the kept count fell behind', async () => {
    // Quotes written around the store (as an older version or a browser test might): the
    // count it keeps says 3, the episode has 23. The count never hides a quote.
    const name = `first-quotes-${Math.random()}`;
    const store = createStore({ name });
    const { episode, quotes } = await seedEpisode(store, timed(3));
    const raw = await openDB<EarmarkDB>(name, DB_VERSION);
    const more = Array.from({ length: 20 }, (_, i) => ({
      ...quotes[0]!,
      id: `around-${i}`,
      text: `around ${i}`,
      order: 3 + i,
    }));
    await Promise.all(more.map((quote) => raw.put('quotes', quote)));
    raw.close();

    const first = await readFirstScreen(store, episode.id, 'newest');
    expect(first.quotes).toHaveLength(FIRST_SCREEN_NEWEST);
    expect(first.unread).toBe(0);
    expect(await first.readRest!()).toHaveLength(23);
    await store.close();
  });

  it('says so when the episode is not in the library', async () => {
    const first = await readFirstScreen(freshStore(), 'not-stored', 'newest');
    expect(first).toEqual({
      episode: undefined,
      quotes: [],
      unread: 0,
      readRest: null,
    });
  });
});
