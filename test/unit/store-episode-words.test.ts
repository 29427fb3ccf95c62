import { describe, expect, it } from 'vitest';
import type { EpisodeWords } from '../../src/core/feeds/episode-words';
import { createStore } from '../../src/store/store';

const words = (episodeId: string): EpisodeWords => ({
  episodeId,
  feed: {
    url: 'https://example.com/feed.xml',
    fetchedAt: '2026-11-30T00:00:00.000Z',
    item: { index: 3, guid: 'g-3', title: 'Three', publishedAt: null },
    matchedBy: 'guid',
  },
  transcript: {
    url: 'https://example.com/3.vtt',
    fetchedAt: '2026-11-30T00:00:01.000Z',
    format: 'vtt',
    language: 'en',
    cues: [{ start: 0, end: 2, speaker: 'Ann', text: 'Hello' }],
  },
  chapters: {
    url: 'https://example.com/3.json',
    fetchedAt: '2026-11-30T00:00:02.000Z',
    chapters: [],
  },
  people: [{ name: 'Ann', role: 'host', group: 'cast', href: null, img: null }],
});

describe('store: what was fetched for an episode', () => {
  it('keeps it with its sources and dates, and reads it back after the database is reopened', async () => {
    const name = `words-${Math.random()}`;
    const store = createStore({ name });
    await store.saveEpisodeWords(words('e1'));
    await store.close();
    const again = createStore({ name });
    expect(await again.episodeWords('e1')).toEqual(words('e1'));
    expect(await again.episodeWords('e2')).toBeUndefined();
    await again.close();
  });

  it('replaces the record when fetched again', async () => {
    const store = createStore({ name: `words-${Math.random()}` });
    await store.saveEpisodeWords(words('e1'));
    await store.saveEpisodeWords({ ...words('e1'), transcript: null });
    expect((await store.episodeWords('e1'))?.transcript).toBeNull();
    await store.close();
  });
});
