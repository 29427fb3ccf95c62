import { describe, expect, it } from 'vitest';
import { detectPodcastPage } from '../../src/core/detect';
import {
  EPISODE_ADDRESSES,
  inDomain,
  OTHER_PLATFORM_HOSTS,
} from '../../src/core/platforms/addresses';
import { firstLook, mightBePodcastPage } from '../../src/core/precheck';
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

describe("the start-up script's first look: sure of an episode, or leaving it to detection", () => {
  const page = (head: string) =>
    parse(`<head>${head}</head><body><audio src="a.mp3"></audio></body>`);
  const ld = (type: string) =>
    `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite"},{"@type":${type},"name":"Episode 12"}]}</script>`;

  it.each([
    ['https://open.spotify.com/episode/64TORH3xleuD1wcnFsrH1E'],
    ['https://open.spotify.com/intl-de/episode/64TORH3xleuD1wcnFsrH1E'],
    ['https://podcasts.apple.com/us/podcast/a-show/id1550800132?i=1000730770603'],
    ['https://overcast.fm/+5K6jP2BDE'],
    ['https://play.acast.com/s/saywhytodrugs/caffeine'],
  ])("is sure at a platform's episode address with a title: %s", (url) => {
    const doc = page('<title>Episode 12</title>');
    expect(firstLook(doc, url)).toBe('episode');
    // Detection says the same of the same page.
    expect(detectPodcastPage(doc, url).kind).toBe('episode');
  });

  it("leaves a platform's other pages, and an untitled episode page, to detection", () => {
    expect(firstLook(page('<title>A show</title>'), 'https://open.spotify.com/show/2VRS1IJ')).toBe(
      'maybe',
    );
    expect(
      firstLook(page('<title>A show</title>'), 'https://podcasts.apple.com/us/podcast/a/id155'),
    ).toBe('maybe');
    // Detection needs a name for an episode: no title, no claim.
    expect(firstLook(page('<title> </title>'), 'https://overcast.fm/+5K6jP2BDE')).toBe('maybe');
  });

  it('is sure where a site no platform claims names a PodcastEpisode or RadioEpisode in JSON-LD', () => {
    for (const type of ['"PodcastEpisode"', '["RadioEpisode","CreativeWork"]']) {
      const doc = page(`<title>Episode 12</title>${ld(type)}`);
      expect(firstLook(doc, 'https://show.example/episodes/12'), type).toBe('episode');
      expect(detectPodcastPage(doc, 'https://show.example/episodes/12').kind).toBe('episode');
    }
  });

  it('leaves a series, broken JSON-LD, and a video platform to detection', () => {
    const url = 'https://show.example/';
    expect(firstLook(page(`<title>A show</title>${ld('"PodcastSeries"')}`), url)).toBe('maybe');
    const broken = '<script type="application/ld+json">{"@type":"PodcastEpisode",</script>';
    expect(firstLook(page(`<title>Episode 12</title>${broken}`), url)).toBe('maybe');
    // A video is an episode only when it says podcast: that is detection's to judge.
    const video = page(`<title>Episode 12</title>${ld('"PodcastEpisode"')}`);
    expect(firstLook(video, 'https://www.youtube.com/watch?v=hwMkbaS_M_c')).toBe('maybe');
  });

  it('sees nothing where nothing suggests a podcast, except a platform episode address', () => {
    const doc = parse('<title>Episode 12</title><p>Just words.</p>');
    expect(firstLook(doc, 'https://show.example/episodes/12')).toBe('none');
    // A platform builds its page by script: its episode address is enough, as for detection.
    const url = 'https://open.spotify.com/episode/64TORH3xleuD1wcnFsrH1E';
    expect(firstLook(doc, url)).toBe('episode');
    expect(detectPodcastPage(doc, url).kind).toBe('episode');
  });

  it('reads JSON-LD in the body when the head has none', () => {
    const doc = parse(
      `<head><title>Episode 12</title></head><body><audio></audio>${ld('"PodcastEpisode"')}</body>`,
    );
    expect(firstLook(doc, 'https://show.example/episodes/12')).toBe('episode');
  });
});

describe("the platforms' domains, checked before their patterns", () => {
  const hosts: Record<string, string[]> = {
    spotify: ['open.spotify.com'],
    apple: ['podcasts.apple.com', 'itunes.apple.com'],
    overcast: ['overcast.fm', 'www.overcast.fm'],
    pocketcasts: ['pca.st', 'pocketcasts.com', 'play.pocketcasts.com'],
    podbean: ['podbean.com', 'show.podbean.com'],
    buzzsprout: ['www.buzzsprout.com'],
    simplecast: ['show.simplecast.com'],
    transistor: ['share.transistor.fm', 'show.transistor.fm'],
    libsyn: ['show.libsyn.com'],
    captivate: ['show.captivate.fm'],
    acast: ['play.acast.com', 'shows.acast.com'],
    castbox: ['castbox.fm', 'www.castbox.fm'],
    podchaser: ['www.podchaser.com'],
    listennotes: ['www.listennotes.com'],
  };

  it.each(Object.entries(hosts))('hold every host of %s that its pattern takes', (name, list) => {
    const address = EPISODE_ADDRESSES[name as keyof typeof EPISODE_ADDRESSES];
    for (const host of list) {
      expect(address.host.test(host), host).toBe(true);
      expect(inDomain(host, address.domains), host).toBe(true);
    }
  });

  it('cover every platform, and no look-alike host', () => {
    expect(Object.keys(hosts).sort()).toEqual(Object.keys(EPISODE_ADDRESSES).sort());
    const all = [
      ...Object.values(EPISODE_ADDRESSES),
      ...Object.values(OTHER_PLATFORM_HOSTS),
    ].flatMap((a) => a.domains);
    for (const host of ['notspotify.com', 'evilapple.com', 'podbean.com.example', 'fm', '']) {
      expect(inDomain(host, all), host).toBe(false);
    }
    expect(inDomain('m.youtube.com', OTHER_PLATFORM_HOSTS.youtube.domains)).toBe(true);
  });
});
