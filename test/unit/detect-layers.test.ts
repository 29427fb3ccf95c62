import { describe, expect, it, vi } from 'vitest';
import { detectPodcastPage, type Detection } from '../../src/core/detect';

/** A page from head and body markup, served from `url`. */
function detect(head: string, body = '', url = 'https://site.example/posts/a-post'): Detection {
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    const html = `<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`;
    return detectPodcastPage(new DOMParser().parseFromString(html, 'text/html'), url);
  } finally {
    quiet.mockRestore();
  }
}

const ld = (value: unknown) =>
  `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('layer 2: JSON-LD', () => {
  it('takes a PodcastEpisode for an episode and reads what it says', () => {
    const detection = detect(
      ld({
        '@context': 'https://schema.org',
        '@type': 'PodcastEpisode',
        name: 'The Long Now',
        url: 'https://show.example/episodes/long-now',
        datePublished: '2024-02-01',
        duration: 'PT1H2M5S',
        partOfSeries: {
          '@type': 'PodcastSeries',
          name: 'Slow Thinking',
          webFeed: 'https://show.example/feed.xml',
        },
        associatedMedia: { '@type': 'MediaObject', contentUrl: 'https://cdn.example/long-now.mp3' },
        actor: [{ '@type': 'Person', name: 'Rosa Park' }],
        author: { '@type': 'Person', name: 'Sam Host' },
      }),
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'generic' });
    expect(detection.evidence).toContain('json-ld PodcastEpisode');
    expect(detection.episode).toEqual({
      title: 'The Long Now',
      show: 'Slow Thinking',
      url: 'https://site.example/posts/a-post',
      canonicalUrl: 'https://show.example/episodes/long-now',
      publishedAt: '2024-02-01',
      durationSec: 3725,
      feedUrl: 'https://show.example/feed.xml',
      audioUrl: 'https://cdn.example/long-now.mp3',
      participants: [{ name: 'Sam Host', role: 'host' }, { name: 'Rosa Park' }],
    });
  });

  it('finds the episode inside an @graph, with a list of types', () => {
    const detection = detect(
      ld({
        '@graph': [
          { '@type': 'WebPage' },
          { '@type': ['CreativeWork', 'PodcastEpisode'], name: 'In a graph' },
        ],
      }),
    );
    expect(detection).toMatchObject({ kind: 'episode', episode: { title: 'In a graph' } });
  });

  it('takes a PodcastSeries for a show page', () => {
    const detection = detect(ld({ '@type': 'PodcastSeries', name: 'Slow Thinking' }));
    expect(detection).toMatchObject({
      kind: 'show',
      episode: { title: 'Slow Thinking', show: 'Slow Thinking' },
    });
  });

  it('takes a lone AudioObject for playable media, not for a podcast', () => {
    const detection = detect(
      ld({ '@type': 'AudioObject', name: 'A song', contentUrl: 'https://cdn.example/a.mp3' }),
    );
    expect(detection.kind).toBe('media');
  });

  it('takes an AudioObject that names its series, on a site with a podcast feed, for an episode', () => {
    const detection = detect(
      ld({ '@type': 'AudioObject', name: 'Part 2', isPartOf: 'The Show' }) +
        '<link rel="alternate" type="application/rss+xml" href="https://feeds.transistor.fm/the-show">',
    );
    expect(detection).toMatchObject({
      kind: 'episode',
      episode: { title: 'Part 2', show: 'The Show' },
    });
  });

  it('ignores news articles and videos described in JSON-LD', () => {
    const detection = detect(
      ld([
        { '@type': 'NewsArticle', headline: 'News' },
        { '@type': 'VideoObject', name: 'Clip' },
      ]),
    );
    expect(detection.kind).toBe('none');
  });
});

describe('layer 2: Open Graph, Twitter cards and feeds', () => {
  it('takes og:audio for playable media', () => {
    const detection = detect('<meta property="og:audio" content="https://cdn.example/a.mp3">');
    expect(detection).toMatchObject({ kind: 'media', platform: 'generic', evidence: ['og:audio'] });
  });

  it('takes a Twitter player card of a podcast host for an episode, with its audio stream', () => {
    const detection = detect(`
      <meta name="twitter:card" content="player">
      <meta name="twitter:player" content="https://share.transistor.fm/e/e83b42d0">
      <meta name="twitter:player:stream" content="https://media.transistor.fm/e83b42d0/a.mp3">
      <meta name="twitter:player:stream:content_type" content="audio/mpeg">
      <meta property="og:title" content="An Episode">`);
    expect(detection).toMatchObject({
      kind: 'episode',
      episode: { title: 'An Episode', audioUrl: 'https://media.transistor.fm/e83b42d0/a.mp3' },
    });
  });

  it('takes any other player card for media', () => {
    const detection = detect(`
      <meta name="twitter:card" content="player">
      <meta name="twitter:player" content="https://videos.example/embed/1">`);
    expect(detection.kind).toBe('media');
  });

  it('does not count a blog’s feed as podcast evidence', () => {
    const detection = detect(
      '<link rel="alternate" type="application/rss+xml" href="/feed/">',
      '<audio src="/a.mp3"></audio>',
    );
    expect(detection.kind).toBe('media');
  });

  it('counts a feed on a podcast host, or one that calls itself a podcast', () => {
    const onHost = detect(
      '<title>Episode 1</title><link rel="alternate" type="application/rss+xml" href="https://feeds.buzzsprout.com/1.rss">',
      '<audio src="/a.mp3"></audio>',
    );
    expect(onHost.kind).toBe('episode');
    const named = detect(
      '<title>Episode 2</title><link rel="alternate" type="application/rss+xml" title="My Show Podcast" href="/feed/">',
      '<audio src="/a.mp3"></audio>',
    );
    expect(named).toMatchObject({
      kind: 'episode',
      episode: { feedUrl: 'https://site.example/feed/' },
    });
  });
});

describe('layer 3: media elements and embedded players', () => {
  it('takes an <audio> element alone for media, with its file', () => {
    expect(detect('', '<audio controls src="https://cdn.example/a.mp3"></audio>').kind).toBe(
      'media',
    );
  });

  it('does not count muted loops and ad slots as media', () => {
    const detection = detect(
      '',
      `<video muted autoplay loop src="bg.mp4"></video>
       <video title="Advertisement"></video>
       <video class="cnx-ad-slot"></video>`,
    );
    expect(detection.kind).toBe('none');
  });

  it('takes a video a person would watch for media', () => {
    expect(detect('', '<video controls src="talk.mp4"></video>').kind).toBe('media');
  });

  it('takes a blog post around one embedded episode player for an episode', () => {
    const detection = detect(
      '<meta property="og:title" content="Our chat with Ada">',
      '<iframe src="https://www.buzzsprout.com/11234/15839112?client_source=small_player&iframe=true"></iframe>',
    );
    expect(detection).toMatchObject({ kind: 'episode', episode: { title: 'Our chat with Ada' } });
    expect(detection.evidence).toContain('embedded episode player (www.buzzsprout.com)');
  });

  it('does not take a wall of embedded players for one episode', () => {
    const players = [1, 2, 3, 4]
      .map((n) => `<iframe src="https://player.simplecast.com/episode-${n}"></iframe>`)
      .join('');
    expect(detect('', players).kind).toBe('media');
  });

  it('counts media session metadata the content script passes in as media', () => {
    const doc = new DOMParser().parseFromString('<title>Web player</title>', 'text/html');
    const detection = detectPodcastPage(doc, 'https://player.example/', {
      mediaSession: { title: 'Now playing', artist: 'Some Show' },
    });
    expect(detection).toMatchObject({ kind: 'media', evidence: ['media session'] });
  });
});

describe('public radio and words', () => {
  it('takes a public-radio article with an episode player for an episode of its programme', () => {
    const detection = detect(
      '<meta property="og:title" content="Fork The Government : Planet Money">',
      '<h1>Fork The Government</h1><div class="audio-module"><audio></audio></div>',
      'https://www.npr.org/2020/12/23/949764249/fork-the-government',
    );
    expect(detection).toMatchObject({
      kind: 'episode',
      episode: { title: 'Fork The Government', show: 'Planet Money' },
    });
  });

  it('leaves a public-radio news article without a player alone', () => {
    const detection = detect(
      '<meta property="og:title" content="A story : NPR">',
      '<h1>A story</h1><p>Text.</p>',
      'https://www.npr.org/2024/01/01/1/a-story',
    );
    expect(detection.kind).toBe('none');
  });

  it("leaves a platform's page to its adapter: no public-radio or WordPress search there", () => {
    // Apple's addresses are `/podcast/…`, which a network's episode address also looks like.
    const detection = detect(
      '<link rel="stylesheet" href="/wp-content/theme.css">',
      '<div class="powerpress_player"><audio src="https://cdn.example/a.mp3"></audio></div>',
      'https://podcasts.apple.com/us/podcast/a-show/id1550800132',
    );
    expect(detection.platform).toBe('apple');
    expect(detection.evidence).not.toContain('public radio episode player');
    expect(detection.evidence).not.toContain('powerpress player');
    expect(detection.evidence).toContain('audio element');
  });

  it('never takes words alone for a podcast', () => {
    const detection = detect(
      '<title>Episode 5: our podcast transcript</title>',
      '<div id="transcript">Hello.</div>',
      'https://site.example/episodes/5',
    );
    expect(detection).toMatchObject({ kind: 'none', platform: null });
  });
});

describe('the verdict', () => {
  it('answers none, with no platform and no evidence, on an ordinary page', () => {
    expect(detect('<title>Hello</title>', '<p>Hi</p>')).toEqual({
      kind: 'none',
      platform: null,
      score: 1,
      evidence: [],
    });
  });

  it('keeps the score between 0 and 1 however much evidence piles up', () => {
    const detection = detect(
      ld({ '@type': 'PodcastEpisode', name: 'E' }) +
        '<meta property="og:audio" content="https://cdn.example/a.mp3">' +
        '<link rel="alternate" type="application/rss+xml" href="https://feeds.simplecast.com/x">',
      '<audio src="a.mp3"></audio><iframe src="https://player.simplecast.com/x"></iframe>',
      'https://site.example/episodes/1',
    );
    expect(detection.score).toBeGreaterThan(0.9);
    expect(detection.score).toBeLessThanOrEqual(1);
  });
});
