// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  MAX_SHOW_FEEDS,
  forgetFeed,
  readShowFeeds,
  rememberFeed,
  rememberedFeed,
} from '../../../src/core/feeds/show-feeds';

const FEED = 'https://feeds.example/open.xml';

describe('feeds remembered per show', () => {
  it('offers a pasted feed again for the same show, however its name is written', () => {
    const feeds = rememberFeed([], 'The Open Feed Show', FEED);
    expect(rememberedFeed(feeds, 'The Open Feed Show')).toBe(FEED);
    expect(rememberedFeed(feeds, '  the open  feed show!')).toBe(FEED);
    expect(rememberedFeed(feeds, 'Another Show')).toBeNull();
  });

  it('keeps one feed per show, the newest', () => {
    const other = 'https://feeds.example/moved.xml';
    const feeds = rememberFeed(rememberFeed([], 'Show', FEED), 'show', other);
    expect(feeds).toHaveLength(1);
    expect(rememberedFeed(feeds, 'Show')).toBe(other);
  });

  it('remembers nothing for a show without a name or an address that is not on the web', () => {
    expect(rememberFeed([], '', FEED)).toEqual([]);
    expect(rememberFeed([], '!!!', FEED)).toEqual([]);
    expect(rememberFeed([], 'Show', 'javascript:alert(1)')).toEqual([]);
    expect(rememberFeed([], 'Show', 'file:///etc/passwd')).toEqual([]);
    expect(rememberedFeed([], '')).toBeNull();
  });

  it('forgets the oldest show first past the limit', () => {
    let feeds = readShowFeeds([]);
    for (let i = 0; i <= MAX_SHOW_FEEDS; i++) {
      feeds = rememberFeed(feeds, `Show ${i}`, `https://feeds.example/${i}.xml`);
    }
    expect(feeds).toHaveLength(MAX_SHOW_FEEDS);
    expect(rememberedFeed(feeds, 'Show 0')).toBeNull();
    expect(rememberedFeed(feeds, `Show ${MAX_SHOW_FEEDS}`)).toBe(
      `https://feeds.example/${MAX_SHOW_FEEDS}.xml`,
    );
    // Asked for again, a show becomes the newest and outlives the others.
    feeds = rememberFeed(feeds, 'Show 1', 'https://feeds.example/1.xml');
    feeds = rememberFeed(feeds, 'Show new', 'https://feeds.example/new.xml');
    expect(rememberedFeed(feeds, 'Show 1')).not.toBeNull();
    expect(rememberedFeed(feeds, 'Show 2')).toBeNull();
  });

  it('forgets a show on request', () => {
    const feeds = rememberFeed(rememberFeed([], 'A', FEED), 'B', FEED);
    expect(forgetFeed(feeds, 'a')).toEqual([['b', FEED]]);
  });

  it('reads back only what it could have written: a damaged value costs the memory, not the panel', () => {
    expect(readShowFeeds(undefined)).toEqual([]);
    expect(readShowFeeds({ show: FEED })).toEqual([]);
    expect(readShowFeeds('text')).toEqual([]);
    expect(
      readShowFeeds([
        ['show', FEED],
        ['bad', 'javascript:alert(1)'],
        ['', FEED],
        [1, FEED],
        ['three', FEED, 'parts'],
        null,
      ]),
    ).toEqual([['show', FEED]]);
  });
});
