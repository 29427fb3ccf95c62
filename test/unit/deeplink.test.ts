// @vitest-environment node
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepLink, deepLinker, momentLinks } from '../../src/core/deeplink';
import { PLATFORMS, type Platform } from '../../src/core/model';
import { webHref } from '../../src/core/web-url';

const link = (platform: Platform, url: string, seconds: number) =>
  deepLink({ platform, url }, seconds);

describe('deepLink in the platform’s own format', () => {
  it('starts a YouTube video at t=SECONDS, replacing any start time it had', () => {
    expect(link('youtube', 'https://www.youtube.com/watch?v=hwMkbaS_M_c&t=10s', 754.9)).toBe(
      'https://www.youtube.com/watch?v=hwMkbaS_M_c&t=754',
    );
    expect(link('youtube', 'https://www.youtube.com/watch?v=abc&time_continue=5', 60)).toBe(
      'https://www.youtube.com/watch?v=abc&t=60',
    );
    expect(link('youtube', 'https://youtu.be/abc', 60)).toBe('https://youtu.be/abc?t=60');
  });

  it('starts a YouTube Music podcast episode at t=SECONDS', () => {
    expect(link('youtube-music', 'https://music.youtube.com/podcast/abc', 61)).toBe(
      'https://music.youtube.com/podcast/abc?t=61',
    );
  });

  it('starts a Spotify episode at t=SECONDS', () => {
    expect(link('spotify', 'https://open.spotify.com/episode/64TORH3xleuD1wcnFsrH1E', 90)).toBe(
      'https://open.spotify.com/episode/64TORH3xleuD1wcnFsrH1E?t=90',
    );
  });

  it('keeps the episode parameter of an Apple Podcasts link and adds t=SECONDS', () => {
    expect(
      link('apple', 'https://podcasts.apple.com/us/podcast/x/id1550800132?i=1000730770603', 125),
    ).toBe('https://podcasts.apple.com/us/podcast/x/id1550800132?i=1000730770603&t=125');
  });

  it('starts a Pocket Casts episode at t=SECONDS, as its own share links do', () => {
    expect(
      link('pocketcasts', 'https://pca.st/episode/c510a66f-f9c0-45c8-bca2-8c0cc1d5f055', 1327),
    ).toBe('https://pca.st/episode/c510a66f-f9c0-45c8-bca2-8c0cc1d5f055?t=1327');
  });

  it('writes an Overcast moment as /+ID/h:mm:ss, replacing a moment the URL had', () => {
    expect(link('overcast', 'https://overcast.fm/+5K6jP2BDE', 3725)).toBe(
      'https://overcast.fm/+5K6jP2BDE/1:02:05',
    );
    expect(link('overcast', 'https://overcast.fm/+5K6jP2BDE/0:10:00', 75)).toBe(
      'https://overcast.fm/+5K6jP2BDE/0:01:15',
    );
  });

  it('writes a SoundCloud moment as clock time in the fragment', () => {
    expect(link('soundcloud', 'https://soundcloud.com/a/b', 65)).toBe(
      'https://soundcloud.com/a/b#t=1:05',
    );
  });
});

describe('deepLink elsewhere', () => {
  it('adds a W3C media fragment #t=SECONDS to any other page', () => {
    expect(link('generic', 'https://reactpodcast.com/episodes/117', 300)).toBe(
      'https://reactpodcast.com/episodes/117#t=300',
    );
    expect(link('transistor', 'https://share.transistor.fm/s/e83b42d0#t=5', 6)).toBe(
      'https://share.transistor.fm/s/e83b42d0#t=6',
    );
  });

  it('falls back to the media fragment on an Overcast URL that is not an episode', () => {
    expect(link('overcast', 'https://overcast.fm/itunes123/show', 5)).toBe(
      'https://overcast.fm/itunes123/show#t=5',
    );
  });

  it('leaves a page that routes by its fragment alone: the fragment is its address', () => {
    expect(link('generic', 'https://player.example/#/episode/12', 30)).toBe(
      'https://player.example/#/episode/12',
    );
  });

  it('drops fractions and never links before the start', () => {
    expect(link('generic', 'https://a.example/e', 59.99)).toBe('https://a.example/e#t=59');
    expect(link('generic', 'https://a.example/e', -4)).toBe('https://a.example/e#t=0');
  });

  it('returns the page URL unchanged for a time that is not a number or a URL it cannot read', () => {
    expect(link('youtube', 'https://www.youtube.com/watch?v=abc', Number.NaN)).toBe(
      'https://www.youtube.com/watch?v=abc',
    );
    expect(link('generic', 'not a url', 10)).toBe('not a url');
  });
});

describe('links to many moments of one episode', () => {
  const urlArb = fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.constantFrom(
      'https://www.youtube.com/watch?v=abc&t=10s&start=3#x',
      'https://overcast.fm/+AbC-12/0:10',
      'HTTPS://Example.COM/a b?q=1 2',
      'https://show.example/#/episode/7',
      'https://show.example/#t=5',
      'file:///episode.mp3',
      'javascript:alert(1)',
      'not an address',
      '',
    ),
  );
  const secondsArb = fc.oneof(
    fc.double({ min: -10, max: 1e6 }),
    fc.constantFrom(Number.NaN, Infinity, 0, 59.9, 3600),
  );

  it('are each the link deepLink makes, and the web address webHref makes of it', () => {
    fc.assert(
      fc.property(
        urlArb,
        fc.constantFrom(...PLATFORMS),
        fc.array(secondsArb, { minLength: 1, maxLength: 4 }),
        (url, platform, moments) => {
          const episode = { url, platform };
          // One linker for all the moments: what one moment changed must not reach the next.
          const linkAt = deepLinker(episode);
          const linksAt = momentLinks(episode);
          for (const seconds of moments) {
            const link = deepLink(episode, seconds);
            expect(linkAt(seconds)).toBe(link);
            expect(linksAt(seconds)).toEqual({ link, href: webHref(link) });
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
