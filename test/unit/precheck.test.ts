import { describe, expect, it } from 'vitest';
import { mightBePodcastPage } from '../../src/core/precheck';
import { readFixture } from '../support/fixtures';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('the first look before loading the full content script', () => {
  it.each([
    'spotify-episode.html',
    'apple-podcasts-episode-2025.html',
    'apple-podcasts-episode-2023.html',
    'overcast-episode.html',
    'transistor-share-episode.html',
    'acast-episode.html',
    'simplecast-site-episode.html',
    'npr-planet-money-episode.html',
    'youtube-watch-trailer.html',
    'soundcloud-track.html',
    'show-site-simplecast-embed.html',
    'radiolab-network-episode.html',
    // Saved after its script built the player: its download link is the sign (issue 20).
    'transistor-embed-episode.html',
  ])('lets the full detector look at %s (an episode or media page)', (file) => {
    expect(mightBePodcastPage(parse(readFixture('pages', file)))).toBe(true);
  });

  it('passes a page whose only sign is podcast JSON-LD', () => {
    const doc = parse(
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"PodcastEpisode","name":"x"}</script><p>text</p>',
    );
    expect(mightBePodcastPage(doc)).toBe(true);
  });

  it('stops at a plain article with only article JSON-LD', () => {
    const doc = parse(
      '<title>News</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Podcasts are popular"}</script><article><p>Words about a podcast episode.</p></article>',
    );
    expect(mightBePodcastPage(doc)).toBe(false);
  });

  it('passes a lazy embed whose player address waits in data-src', () => {
    const doc = parse('<iframe data-src="https://player.simplecast.com/x"></iframe>');
    expect(mightBePodcastPage(doc)).toBe(true);
  });

  it('stops at the GitHub and Medium pages', () => {
    for (const file of ['not-podcast-github.html', 'not-podcast-medium.html']) {
      expect(mightBePodcastPage(parse(readFixture('pages', file))), file).toBe(false);
    }
  });
});
