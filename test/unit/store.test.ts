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

  it('numbers a quote after the last one, when an earlier one was deleted', async () => {
    const { quote: first } = await store.saveCapture(capture('one', 30));
    await store.saveCapture(capture('two', 10));
    await store.deleteQuote(first.id);
    const { quote } = await store.saveCapture(capture('three', null));
    expect(quote.order).toBe(2);
    expect(await store.countQuotes(episodeIdForUrl(URL))).toBe(2);
    // The newest first on the popup's first screen.
    const glance = await store.episodeGlance(episodeIdForUrl(URL), 1);
    expect(glance.newest.map((q) => q.text)).toEqual(['three']);
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

  describe('an episode at a glance (the first screen of the popup, issue 16)', () => {
    const id = episodeIdForUrl(URL);
    const texts = (quotes: { text: string }[]) => quotes.map((q) => q.text);
    const glance = async (count: number) => {
      const read = await store.episodeGlance(id, count);
      return { ...read, newest: texts(read.newest) };
    };

    it('reads the episode, the count and the newest quotes, in one read', async () => {
      await store.saveCapture(capture('first', 4000));
      await store.saveCapture(capture('untimed', null));
      await store.saveCapture(capture('third', 12));
      await store.saveCapture(capture('fourth', 30));
      expect(await glance(2)).toEqual({
        episode: await store.episode(id),
        quoteCount: 4,
        newest: ['fourth', 'third'],
      });
      expect((await glance(10)).newest).toEqual(['fourth', 'third', 'untimed', 'first']);
      expect((await glance(0)).newest).toEqual([]);
    });

    it('is empty for an episode not in the library, and never reads another episode', async () => {
      await store.saveCapture(capture('elsewhere', 5));
      expect(await store.episodeGlance('another-episode', 10)).toEqual({
        episode: undefined,
        quoteCount: 0,
        newest: [],
      });
    });

    it('stays true when quotes are deleted, restored, or the episode is deleted and undone', async () => {
      for (const [text, time] of [
        ['a', 1],
        ['b', 2],
        ['c', 3],
      ] as const) {
        await store.saveCapture(capture(text, time));
      }
      const newest = (await store.episodeGlance(id, 1)).newest[0]!;
      const deleted = await store.deleteQuote(newest.id);
      expect(await glance(5)).toMatchObject({
        quoteCount: 2,
        newest: ['b', 'a'],
      });
      await store.restoreQuote(deleted!);
      expect(await glance(5)).toMatchObject({ quoteCount: 3, newest: ['c', 'b', 'a'] });

      const removed = await store.deleteEpisode(id);
      expect(await glance(5)).toEqual({
        episode: undefined,
        quoteCount: 0,
        newest: [],
      });
      await store.restoreLibrary(removed);
      expect(await glance(5)).toMatchObject({ quoteCount: 3, newest: ['c', 'b', 'a'] });
    });

    it('stays true through a backup restored over the library and after a wipe', async () => {
      await store.saveCapture(capture('kept', 7));
      const backup = await store.exportLibrary();
      const later = backup.quotes.map((q, i) => ({
        ...q,
        id: `restored-${i}`,
        text: `restored ${i}`,
        order: q.order + 10,
        timeSec: 9000,
      }));
      await store.importLibrary({
        episodes: backup.episodes,
        quotes: [...backup.quotes, ...later],
      });
      expect(await glance(5)).toMatchObject({
        quoteCount: 2,
        newest: ['restored 0', 'kept'],
      });
      await store.wipe();
      expect(await glance(5)).toMatchObject({ quoteCount: 0, newest: [] });
    });
  });

  it('backs up the library as it was at one moment: a save made meanwhile is wholly in or out', async () => {
    for (const text of ['one', 'two', 'three']) await store.saveCapture(capture(text, 1));
    // Pages of one quote: a save that lands between two pages must not join the backup.
    const exporting = store.exportLibrary(1);
    const saving = store.saveCapture(capture('four', 2));
    const [backup] = await Promise.all([exporting, saving]);
    expect(backup.quotes.map((q) => q.text)).toEqual(['one', 'two', 'three']);
    expect((await store.exportLibrary()).quotes).toHaveLength(4);
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

  it('attributes a guessed first name to the participant it means, in the capture itself', async () => {
    const seed = { ...capture('x', 1).seed, participants: [{ name: 'Sam Rivera' }] };
    const saved = await store.saveCapture({ ...capture('a', 1, 'Sam'), seed });
    expect(saved.episode.participants.map((p) => p.name)).toEqual(['Sam Rivera']);
    expect(saved.quote.speakerId).toBe(saved.episode.participants[0]!.id);
  });

  it('removes a person and unattributes their quotes at once; Undo gives both back', async () => {
    const first = await store.saveCapture(capture('a', 1, 'Sam Rivera'));
    const second = await store.saveCapture(capture('b', 2, 'Ada'));
    await store.saveCapture(capture('c', 3, 'Sam Rivera'));
    const sam = first.episode.participants[0]!;
    const done = await store.removeFromEpisode(first.episode.id, 'participant', sam.id);
    expect(done?.removal).toMatchObject({ kind: 'participant', item: sam, index: 0 });
    expect(done?.removal.quoteIds).toHaveLength(2);
    expect(done?.episode.participants.map((p) => p.name)).toEqual(['Ada']);
    const after = await store.quotesForEpisode(first.episode.id);
    expect(after.map((q) => q.speakerId)).toEqual([null, second.quote.speakerId, null]);
    expect(await store.removeFromEpisode(first.episode.id, 'participant', sam.id)).toBeNull();

    const restored = await store.restoreRemoved(first.episode.id, done!.removal);
    expect(restored.participants.map((p) => p.name)).toEqual(['Sam Rivera', 'Ada']);
    const back = await store.quotesForEpisode(first.episode.id);
    expect(back.map((q) => q.speakerId)).toEqual([sam.id, second.quote.speakerId, sam.id]);
  });

  it('removes a section and unfiles its quotes; Undo files back only those still unfiled', async () => {
    const { episode, quote } = await store.saveCapture(capture('a', 1));
    const other = await store.saveCapture(capture('b', 2));
    const section = { id: 'sec-1', heading: 'Intro', notes: '' };
    await store.updateEpisode(episode.id, { sections: [section] });
    await store.updateQuote(quote.id, { sectionId: section.id });
    await store.updateQuote(other.quote.id, { sectionId: section.id });
    const done = await store.removeFromEpisode(episode.id, 'section', section.id);
    expect(done?.episode.sections).toEqual([]);
    // Filed elsewhere meanwhile: Undo leaves it there.
    await store.updateQuote(other.quote.id, { sectionId: 'sec-2' });
    await store.restoreRemoved(episode.id, done!.removal);
    expect((await store.episode(episode.id))?.sections).toEqual([section]);
    expect((await store.quote(quote.id))?.sectionId).toBe(section.id);
    expect((await store.quote(other.quote.id))?.sectionId).toBe('sec-2');
  });

  it('reopens after the connection is closed', async () => {
    const { episode } = await store.saveCapture(capture('a', 1));
    await store.close();
    expect((await store.episode(episode.id))?.title).toBe('Episode 12');
  });
});
