import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { episodeIdForUrl } from '../../src/core/episode';
import type { QuoteAnchor } from '../../src/core/model';
import { createStore, type CaptureInput, type Store } from '../../src/store/store';

const URL = 'https://podcasts.example/episodes/12';
let store: Store;
let clock = 0;
let ids = 0;

function capture(
  text: string,
  timeSec: number | null,
  speakerName: string | null = null,
): CaptureInput {
  const anchor: QuoteAnchor = {
    quote: { type: 'TextQuoteSelector', exact: text, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 10, end: 10 + text.length },
    timeSec,
  };
  return {
    seed: { url: URL, platform: 'generic', title: 'Episode 12', show: 'Margin Notes' },
    text,
    timeSec,
    anchor,
    speakerName,
  };
}

beforeEach(() => {
  clock = 0;
  ids = 0;
  store = createStore({
    // A fresh database per test: fake-indexeddb keeps databases for the whole file.
    name: `earmark-test-${Math.random()}`,
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString(),
    makeId: () => `id-${++ids}`,
  });
});

afterEach(() => store.close());

describe('store', () => {
  it('creates the episode from the page on the first capture, with no reference of its own', async () => {
    const { episode, quote } = await store.saveCapture(capture('First words.', 62.5));
    expect(episode).toMatchObject({
      id: episodeIdForUrl(URL),
      url: URL,
      title: 'Episode 12',
      show: 'Margin Notes',
      twoCents: '',
      // The overview links the episode in its intro; a reference would link it twice.
      references: [],
    });
    expect(quote).toMatchObject({
      episodeId: episode.id,
      text: 'First words.',
      timeSec: 62.5,
      order: 0,
    });
    expect(await store.episode(episode.id)).toEqual(episode);
  });

  it('adds later quotes to the same episode, numbered in capture order', async () => {
    await store.saveCapture(capture('one', 30));
    await store.saveCapture(capture('two', 10));
    const { quote } = await store.saveCapture(capture('three', null));
    expect(quote.order).toBe(2);
    expect(await store.countQuotes(episodeIdForUrl(URL))).toBe(3);
    expect((await store.listEpisodes()).length).toBe(1);
  });

  it('reads the first timed quotes in playback order through the index, as many as asked', async () => {
    await store.saveCapture(capture('late', 300));
    await store.saveCapture(capture('untimed', null));
    await store.saveCapture(capture('early', 5));
    await store.saveCapture(capture('late, saved second', 300));
    const id = episodeIdForUrl(URL);
    const texts = async (count: number) =>
      (await store.firstTimedQuotes(id, count)).map((q) => q.text);
    expect(await texts(2)).toEqual(['early', 'late']);
    expect(await texts(10)).toEqual(['early', 'late', 'late, saved second']);
    // The same order as the whole list, which adds the untimed ones after.
    expect((await store.quotesForEpisode(id)).slice(0, 3).map((q) => q.text)).toEqual(
      await texts(10),
    );
    expect(await store.firstTimedQuotes('another-episode', 10)).toEqual([]);
  });

  it('lists quotes in playback order, untimed ones last in capture order', async () => {
    await store.saveCapture(capture('late', 300));
    await store.saveCapture(capture('untimed A', null));
    await store.saveCapture(capture('early', 5));
    await store.saveCapture(capture('untimed B', null));
    const quotes = await store.quotesForEpisode(episodeIdForUrl(URL));
    expect(quotes.map((q) => q.text)).toEqual(['early', 'late', 'untimed A', 'untimed B']);
  });

  it('matches a guessed speaker to a participant, or adds them as a guest', async () => {
    const first = await store.saveCapture(capture('a', 1, 'Sam Rivera'));
    const second = await store.saveCapture(capture('b', 2, '  sam rivera '));
    expect(second.episode.participants).toEqual([
      { id: first.quote.speakerId, name: 'Sam Rivera', role: 'guest' },
    ]);
    expect(second.quote.speakerId).toBe(first.quote.speakerId);
  });

  it('keeps my 2 cents written before any quote, and the quote saved after it', async () => {
    const episode = await store.ensureEpisode(capture('x', 1).seed);
    await store.updateEpisode(episode.id, { twoCents: 'Worth a second listen.' });
    await store.saveCapture(capture('Then a quote.', 12));
    expect((await store.episode(episode.id))?.twoCents).toBe('Worth a second listen.');
    expect(await store.countQuotes(episode.id)).toBe(1);
  });

  it('edits bump updatedAt and keep the rest of the record', async () => {
    const { episode, quote } = await store.saveCapture(capture('text', 1));
    const edited = await store.updateQuote(quote.id, { note: 'my note' });
    expect(edited).toEqual({ ...quote, note: 'my note', updatedAt: edited.updatedAt });
    expect(edited.updatedAt > quote.updatedAt).toBe(true);
    const renamed = await store.updateEpisode(episode.id, { title: 'Better title' });
    expect(renamed.updatedAt > episode.updatedAt).toBe(true);
  });

  it('refuses to edit what is no longer there, with a message a person understands', async () => {
    await expect(store.updateQuote('missing', { note: 'x' })).rejects.toThrow(
      /no longer in your library/,
    );
    await expect(store.updateEpisode('missing', { title: 'x' })).rejects.toThrow(
      /no longer in your library/,
    );
  });

  it('deletes a quote and restores it exactly on Undo', async () => {
    const { quote } = await store.saveCapture(capture('keep me', 1));
    const deleted = await store.deleteQuote(quote.id);
    expect(deleted).toEqual(quote);
    expect(await store.quotesForEpisode(quote.episodeId)).toEqual([]);
    await store.restoreQuote(deleted!);
    expect(await store.quotesForEpisode(quote.episodeId)).toEqual([quote]);
  });

  it('reopens after the connection is closed', async () => {
    const { episode } = await store.saveCapture(capture('a', 1));
    await store.close();
    expect((await store.episode(episode.id))?.title).toBe('Episode 12');
  });
});
