// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_QUOTES, readFirstQuotes } from '../../../src/ui/editor/first-quotes';
import { freshStore, seedEpisode } from './helpers';

const timed = (n: number) => Array.from({ length: n }, (_, i) => ({ text: `q${i}`, timeSec: i }));

describe('readFirstQuotes', () => {
  it('reads a short list whole, in playback order', async () => {
    const store = freshStore();
    const { episode, quotes } = await seedEpisode(store, [...timed(5).reverse()]);
    const first = await readFirstQuotes(store, episode.id);
    expect(first).toEqual({ quotes, unread: 0, whole: null });
    expect(quotes.map((q) => q.timeSec)).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads the first screen of a long list, and the whole list after', async () => {
    const store = freshStore();
    const { episode } = await seedEpisode(store, [
      ...timed(100),
      { text: 'no time', timeSec: null },
    ]);
    const first = await readFirstQuotes(store, episode.id);
    expect(first.quotes.map((q) => q.text)).toEqual(timed(FIRST_SCREEN_QUOTES).map((q) => q.text));
    expect(first.unread).toBe(101 - FIRST_SCREEN_QUOTES);
    const whole = await first.whole!;
    expect(whole).toEqual(await store.quotesForEpisode(episode.id));
    expect(whole.slice(0, FIRST_SCREEN_QUOTES)).toEqual(first.quotes);
  });

  it('reads a list whole when untimed quotes leave the index short of a screen', async () => {
    const store = freshStore();
    const untimed = Array.from({ length: 50 }, (_, i) => ({ text: `u${i}`, timeSec: null }));
    const { episode } = await seedEpisode(store, [...timed(3), ...untimed]);
    const first = await readFirstQuotes(store, episode.id);
    expect(first.quotes).toHaveLength(53);
    expect(first.unread).toBe(0);
    expect(first.whole).toBeNull();
  });
});
