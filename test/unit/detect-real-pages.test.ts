import { describe, expect, it, vi } from 'vitest';
import { detectPodcastPage, type Detection } from '../../src/core/detect';
import { firstLook } from '../../src/core/precheck';
import { readFixture } from '../support/fixtures';

/**
 * The real saved pages in test/fixtures/real/pages must come out as FIXTURES.md's table says.
 * Each page is loaded with the URL the table gives, as if served from it, because URL
 * patterns are part of detection.
 */
function fixtureDocument(file: string): Document {
  const html = readFixture('pages', file);
  // happy-dom reports each stylesheet and iframe it does not load; that noise is not ours.
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return new DOMParser().parseFromString(html, 'text/html');
  } finally {
    quiet.mockRestore();
  }
}

function detectFixture(file: string, url: string): Detection {
  return detectPodcastPage(fixtureDocument(file), url);
}

const episodes = [
  {
    file: 'spotify-episode.html',
    url: 'https://open.spotify.com/episode/64TORH3xleuD1wcnFsrH1E',
    platform: 'spotify',
    title: 'Hasty Treat - Modules in Node',
    show: 'Syntax - Tasty Web Development Treats',
  },
  {
    file: 'apple-podcasts-episode-2025.html',
    url: 'https://podcasts.apple.com/us/podcast/episode-251-from-cern-to-femtech-innovation-with-magda/id1550800132?i=1000730770603',
    platform: 'apple',
    title: 'Episode 251: From CERN to FemTech Innovation with Magda Armbruster',
    show: 'Product Thinking',
  },
  {
    file: 'apple-podcasts-episode-2023.html',
    url: 'https://podcasts.apple.com/es/podcast/la-mol%C3%A9cula-que-falta/id1181714154?i=1000623871376',
    platform: 'apple',
    title: 'La molécula que falta',
    show: 'mixx.io',
  },
  {
    file: 'overcast-episode.html',
    url: 'https://overcast.fm/+5K6jP2BDE',
    platform: 'overcast',
    title: 'Using AI to Help Doctors Save Lives',
    show: "What's Your Problem?",
  },
  {
    file: 'transistor-share-episode.html',
    url: 'https://share.transistor.fm/s/e83b42d0',
    platform: 'transistor',
    title: 'Paul Jarvis: gaining freedom by building an indie business',
    show: 'Build Your SaaS',
  },
  {
    file: 'acast-episode.html',
    url: 'https://play.acast.com/s/saywhytodrugs/caffeine',
    platform: 'acast',
    title: 'Caffeine',
    show: 'Say Why To Drugs',
  },
  {
    file: 'simplecast-site-episode.html',
    url: 'https://reactpodcast.com/episodes/117',
    platform: 'generic',
    title: '117: Tom Preston-Werner on RedwoodJS',
    show: 'React Podcast',
  },
  {
    file: 'npr-planet-money-episode.html',
    url: 'https://www.npr.org/2020/12/23/949764249/fork-the-government',
    platform: 'generic',
    title: 'Fork The Government',
    show: 'Planet Money',
  },
  // Issue 20: shows' own sites and hosts' embed pages.
  {
    file: 'show-site-simplecast-embed.html',
    url: 'https://theflip.africa/podcast/digitizing-healthcare-helium-health-goke-olubusi/',
    platform: 'generic',
    title: 'Digitizing Healthcare with Helium Health’s Goke Olubusi',
    show: 'The Flip Africa',
  },
  {
    file: 'radiolab-network-episode.html',
    url: 'https://radiolab.org/podcast/wubi-effect',
    platform: 'generic',
    title: 'The Wubi Effect',
    show: 'Radiolab',
  },
  {
    file: 'transistor-embed-episode.html',
    url: 'https://share.transistor.fm/e/70c487ed',
    platform: 'transistor',
    title: 'Before and After Product-Market Fit with Peter and Calvin from Segment',
    show: 'Indie Hackers',
  },
] as const;

const media = [
  {
    file: 'youtube-watch-trailer.html',
    url: 'https://www.youtube.com/watch?v=hwMkbaS_M_c',
    platform: 'youtube',
  },
  {
    file: 'soundcloud-track.html',
    url: 'https://soundcloud.com/beautybrainsp/beauty-brain-swag-bandicoot',
    platform: 'soundcloud',
  },
] as const;

// The table names these pages without URLs; each is loaded from the address it names itself.
const notPodcasts = [
  ['not-podcast-bbc.html', 'https://www.bbc.com/news/business-40504764'],
  ['not-podcast-github.html', 'https://github.com/microlinkhq/mql'],
  ['not-podcast-medium.html', 'https://medium.com/webpack/webpack-3-official-release-15fd2dd8f07b'],
  [
    'not-podcast-the-verge.html',
    'https://www.theverge.com/2016/5/24/11763836/apple-siri-speaker-amazon-echo-alexa-google-home-ai',
  ],
  [
    'not-podcast-techcrunch.html',
    'https://techcrunch.com/2016/01/12/hackerrank-jobs-takes-the-mystery-out-of-technical-recruiting/',
  ],
  [
    'not-podcast-substack.html',
    'https://map.simonsarris.com/p/the-most-precious-resource-is-agency',
  ],
] as const;

describe('detectPodcastPage on the real pages of FIXTURES.md', () => {
  it.each(episodes)('finds the episode on $file', ({ file, url, platform, title, show }) => {
    const detection = detectFixture(file, url);
    expect(detection).toMatchObject({ kind: 'episode', platform });
    expect(detection.episode).toMatchObject({ title, show, url });
    expect(detection.score).toBeGreaterThanOrEqual(0.5);
    expect(detection.evidence.length).toBeGreaterThan(0);
  });

  it.each(media)('calls $file playable media, not a podcast', ({ file, url, platform }) => {
    const detection = detectFixture(file, url);
    expect(detection).toMatchObject({ kind: 'media', platform });
    expect(detection.episode).toBeUndefined();
  });

  it.each(notPodcasts)('finds no podcast on %s', (file, url) => {
    expect(detectFixture(file, url)).toMatchObject({ kind: 'none', platform: null, evidence: [] });
  });
});

describe('what the real pages teach', () => {
  it("never takes Spotify's og:audio preview clip for the episode audio", () => {
    const spotify = detectFixture(episodes[0].file, episodes[0].url);
    expect(spotify.episode?.audioUrl).toBeUndefined();
    expect(spotify.episode).toMatchObject({
      durationSec: 1097,
      publishedAt: '2020-01-06T14:00:00Z',
    });
  });

  it("reads Apple's schema:episode JSON-LD: date, duration and series", () => {
    const apple = detectFixture(episodes[1].file, episodes[1].url);
    expect(apple.evidence).toContain('json-ld PodcastEpisode');
    expect(apple.episode).toMatchObject({ publishedAt: '2025-10-08', durationSec: 37 * 60 + 42 });
  });

  it("reads the 2023 Apple design's localized date and its <audio> file", () => {
    const apple = detectFixture(episodes[2].file, episodes[2].url);
    expect(apple.episode).toMatchObject({
      publishedAt: '2023-08-08', // "8 ago 2023" on a Spanish page
      durationSec: 14 * 60 + 38,
      audioUrl: 'https://cuonda.com/mixxio/la-molecula-que-falta/1663266.mp3?key=-',
    });
  });

  it('keeps the Overcast URL although its canonical link names the publisher', () => {
    const overcast = detectFixture(episodes[3].file, episodes[3].url);
    expect(overcast.episode?.url).toBe('https://overcast.fm/+5K6jP2BDE');
    expect(overcast.episode?.canonicalUrl).toMatch(/^https:\/\/omny\.fm\//);
    // The file, without the `#t=0` start position Overcast appends.
    expect(overcast.episode?.audioUrl).toMatch(/audio\.mp3\?[^#]*$/);
  });

  it("names Transistor's creators and guests with their roles, and the feed", () => {
    const transistor = detectFixture(episodes[4].file, episodes[4].url);
    expect(transistor.episode?.participants).toContainEqual({ name: 'Paul Jarvis', role: 'guest' });
    expect(transistor.episode?.participants).toContainEqual({
      name: 'Justin Jackson',
      role: 'host',
    });
    expect(transistor.episode).toMatchObject({
      feedUrl: 'https://feeds.transistor.fm/build-your-saas',
      publishedAt: '2023-08-01',
      durationSec: 3600 + 11 * 60 + 49,
    });
  });

  it("takes NPR's show from its title and its audio from the download link", () => {
    const npr = detectFixture(episodes[7].file, episodes[7].url);
    expect(npr.evidence).toContain('public radio episode player');
    expect(npr.episode?.audioUrl).toMatch(/pmpod1054\.mp3/);
    expect(npr.episode?.durationSec).toBe(24 * 60 + 37);
  });

  it("finds the show site's Simplecast player and drops the site's name from the title", () => {
    const flip = detectFixture(episodes[8].file, episodes[8].url);
    expect(flip.evidence).toContain('embedded episode player (player.simplecast.com)');
    expect(flip.episode?.title).not.toContain('|');
  });

  it("takes Radiolab's audio from its page data and its show from og:site_name", () => {
    const radiolab = detectFixture(episodes[9].file, episodes[9].url);
    expect(radiolab.evidence).toContain('episode audio in page data');
    expect(radiolab.episode?.audioUrl).toMatch(
      /^https:\/\/pscrb\.fm\/rss\/p\/.*\/episodes\/e0f0a49b-b17a-43be-a050-b2fafbe11f8a\/audio\/128\/default\.mp3\?/,
    );
  });

  it("reads Transistor's embed page from its player's data, the number prefix dropped", () => {
    const embed = detectFixture(episodes[10].file, episodes[10].url);
    expect(embed.episode).toMatchObject({
      durationSec: 3241,
      feedUrl: 'https://feeds.transistor.fm/the-indie-hackers-podcast',
      audioUrl: 'https://chtbl.com/track/EB7BD2/media.transistor.fm/70c487ed/f3249e4a.mp3',
      canonicalUrl: 'https://share.transistor.fm/s/70c487ed',
    });
  });

  it('is not fooled by the nine videos of a news article', () => {
    const verge = detectFixture(notPodcasts[3][0], notPodcasts[3][1]);
    expect(verge.kind).toBe('none');
  });
});

describe("the start-up script's first look agrees with detection on the real pages", () => {
  // Sure of an episode where a platform's address or the page's JSON-LD says so; the badge is
  // lit from this alone until the person acts, so it must never claim what detection denies.
  const sure = [
    'spotify-episode.html',
    'apple-podcasts-episode-2025.html',
    'apple-podcasts-episode-2023.html',
    'overcast-episode.html',
    'transistor-share-episode.html',
    'acast-episode.html',
    'transistor-embed-episode.html',
  ];
  const all = [
    ...episodes.map(({ file, url }) => [file, url] as const),
    ...media.map(({ file, url }) => [file, url] as const),
    ...notPodcasts,
  ];

  it.each(all)('on %s', (file, url) => {
    const doc = fixtureDocument(file);
    const look = firstLook(doc, url);
    const detection = detectPodcastPage(doc, url);
    if (look === 'episode') expect(detection.kind).toBe('episode');
    if (look === 'none') expect(detection.kind).toBe('none');
    expect(look === 'episode').toBe(sure.includes(file));
  });
});
