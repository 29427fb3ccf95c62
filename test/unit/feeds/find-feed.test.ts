import { describe, expect, it } from 'vitest';
import { findFeeds } from '../../../src/core/feeds/find-feed';
import { readPage } from '../../../src/core/platforms/page';
import { readFixture } from '../../support/fixtures';
import { parsePage } from '../platforms/load-page';

const feedsOf = (html: string, url: string) => findFeeds(readPage(parsePage(html), new URL(url)));
const fixture = (name: string, url: string) => feedsOf(readFixture('pages', name), url);

describe('findFeeds on real pages', () => {
  it('reads the rel=alternate RSS link (Transistor, Simplecast, NPR)', () => {
    expect(fixture('transistor-share-episode.html', 'https://share.transistor.fm/s/abc')).toEqual([
      { url: 'https://feeds.transistor.fm/build-your-saas', source: 'rss-link' },
    ]);
    expect(
      fixture('simplecast-site-episode.html', 'https://show.simplecast.com/episodes/x')[0],
    ).toEqual({
      url: 'https://feeds.simplecast.com/JoR28o79',
      source: 'rss-link',
    });
    expect(
      fixture(
        'npr-planet-money-episode.html',
        'https://www.npr.org/2020/12/23/949764249/fork-the-government',
      )[0]!.url,
    ).toBe('https://feeds.npr.org/1125/rss.xml');
  });

  it('reads the 2025 Apple page’s own data ("feedUrl")', () => {
    expect(
      fixture(
        'apple-podcasts-episode-2025.html',
        'https://podcasts.apple.com/us/podcast/x/id1550800132?i=1000730770603',
      ),
    ).toEqual([{ url: 'https://anchor.fm/s/ff7e9014/podcast/rss', source: 'platform' }]);
  });

  it('finds none on Spotify, which names no feed', () => {
    expect(
      fixture('spotify-episode.html', 'https://open.spotify.com/episode/64TORH3xleuD1wcnFsrH1E'),
    ).toEqual([]);
  });
});

describe('findFeeds sources', () => {
  it('reads schema.org webFeed from JSON-LD, on the series or the episode’s partOfSeries', () => {
    const html = `<script type="application/ld+json">{"@type":"PodcastEpisode","partOfSeries":{"@type":"PodcastSeries","webFeed":"https://feeds.example.com/show.xml"}}</script>`;
    expect(feedsOf(html, 'https://example.com/ep/1')).toEqual([
      { url: 'https://feeds.example.com/show.xml', source: 'json-ld' },
    ]);
  });

  it('derives the feed from hosts whose feed follows from the show’s address', () => {
    expect(feedsOf('', 'https://www.buzzsprout.com/231452/9092843')).toEqual([
      { url: 'https://feeds.buzzsprout.com/231452.rss', source: 'host' },
    ]);
    expect(feedsOf('', 'https://buildyoursaas.transistor.fm/episodes/one')).toEqual([
      { url: 'https://feeds.transistor.fm/buildyoursaas', source: 'host' },
    ]);
    expect(feedsOf('', 'https://share.transistor.fm/s/abc')).toEqual([]);
    expect(feedsOf('', 'https://myshow.podbean.com/e/one/')).toEqual([
      { url: 'https://feed.podbean.com/myshow/feed.xml', source: 'host' },
    ]);
  });

  it('never names a javascript:, data: or file: feed, and lists each feed once', () => {
    const html = `<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
      <link rel="alternate" type="application/rss+xml" href="data:text/xml,<rss/>">
      <link rel="alternate" type="application/rss+xml" href="/feed.xml">
      <link rel="alternate" type="application/rss+xml" href="https://example.com/feed.xml">`;
    expect(feedsOf(html, 'https://example.com/ep')).toEqual([
      { url: 'https://example.com/feed.xml', source: 'rss-link' },
    ]);
  });
});
