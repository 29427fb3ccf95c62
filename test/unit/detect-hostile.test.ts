import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { detectPodcastPage, type Detection } from '../../src/core/detect';
import { DetectionSchema } from '../../src/messages/schemas';

/**
 * Pages are written by strangers. Whatever they hold, detection returns in bounded time, never
 * throws, and its worst answer is 'none' or 'media'; what it returns always passes the message
 * schema the background checks it against.
 */

function detect(html: string, url = 'https://site.example/a'): Detection {
  return detectPodcastPage(new DOMParser().parseFromString(html, 'text/html'), url);
}

const ldScript = (text: string) => `<script type="application/ld+json">${text}</script>`;

describe('malformed and oversized JSON-LD', () => {
  it('skips a block that is not JSON and reads the next one', () => {
    const detection = detect(
      ldScript('{"@type": "PodcastEpisode", name: broken') +
        ldScript('{"@type": "PodcastEpisode", "name": "Fine"}'),
    );
    expect(detection).toMatchObject({ kind: 'episode', episode: { title: 'Fine' } });
  });

  it('ignores a block too large to be worth parsing', () => {
    const huge = JSON.stringify({ '@type': 'PodcastEpisode', name: 'x', pad: 'y'.repeat(300_000) });
    expect(detect(ldScript(huge)).kind).toBe('none');
  });

  it('survives nesting far deeper than any real page', () => {
    const deepArray = '['.repeat(50_000) + ']'.repeat(50_000);
    const deepGraph =
      '{"@graph":'.repeat(5_000) + '{"@type":"PodcastEpisode","name":"deep"}' + '}'.repeat(5_000);
    for (const text of [deepArray, deepGraph]) {
      expect(['none', 'media']).toContain(detect(ldScript(text)).kind);
    }
  });

  it('takes a declared episode without any name for no episode at all', () => {
    const deepName =
      '{"@type":"PodcastEpisode","name":' + '['.repeat(5_000) + ']'.repeat(5_000) + '}';
    expect(detect(ldScript(deepName)).kind).toBe('none');
  });

  it('reads no more than a bounded number of blocks and nodes', () => {
    const many = Array.from({ length: 2_000 }, () =>
      ldScript('[{"@type":"Thing"},{"@type":"Thing"}]'),
    );
    const start = performance.now();
    expect(detect(many.join('')).kind).toBe('none');
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('takes values of the wrong type for absent, not for text', () => {
    const detection = detect(
      ldScript(
        JSON.stringify({
          '@type': 'PodcastEpisode',
          name: { nested: ['not', 'a', 'name'] },
          headline: 'The headline',
          partOfSeries: 42,
          datePublished: { '@value': 'yesterday' },
          duration: 'PT99999999999H',
          image: [[[[['javascript:alert(1)']]]]],
          author: [null, 7, { name: ['Ann'] }, 'Bo'],
        }),
      ),
    );
    expect(detection.kind).toBe('episode');
    expect(detection.episode).toEqual({
      title: 'The headline',
      show: '',
      url: 'https://site.example/a',
      participants: [
        { name: 'Ann', role: 'host' },
        { name: 'Bo', role: 'host' },
      ],
    });
  });

  it('is not steered by __proto__ keys, and leaves Object.prototype alone', () => {
    const detection = detect(ldScript('{"__proto__": {"@type": "PodcastEpisode", "name": "x"}}'));
    expect(detection.kind).toBe('none');
    expect(({} as Record<string, unknown>)['@type']).toBeUndefined();
  });
});

describe('hostile strings', () => {
  it('bounds every text it returns', () => {
    // Just under the JSON-LD size cap, and far over it in a meta tag.
    const name = 'A'.repeat(150_000);
    const detection = detect(
      `<meta property="og:site_name" content="${'S'.repeat(1_000_000)}">` +
        ldScript(JSON.stringify({ '@type': 'PodcastEpisode', name })),
    );
    expect(detection.kind).toBe('episode');
    expect(detection.episode?.title).toHaveLength(300);
    expect(detection.episode?.show).toHaveLength(300);
  });

  it('strips invisible and bidirectional control characters from titles', () => {
    const detection = detect(
      ldScript(
        JSON.stringify({
          '@type': 'PodcastEpisode',
          name: '\u202EevilTitle\u200B \n\t Part\u00A02',
        }),
      ),
    );
    expect(detection.episode?.title).toBe('evilTitle Part 2');
  });

  it('keeps only http(s) addresses: no javascript:, data: or overlong URLs', () => {
    const detection = detect(`
      <meta property="og:audio" content="javascript:alert(1)">
      <meta property="og:image" content="data:image/png;base64,AAAA">
      <link rel="canonical" href="https://site.example/${'x'.repeat(5_000)}">
      ${ldScript('{"@type":"PodcastEpisode","name":"E","url":"vbscript:x"}')}`);
    expect(detection.kind).toBe('episode');
    const { audioUrl, imageUrl, canonicalUrl } = detection.episode ?? {};
    expect([audioUrl, imageUrl, canonicalUrl]).toEqual([undefined, undefined, undefined]);
  });

  it('treats selector-like and markup-like text as text', () => {
    const detection = detect(
      `<meta property="og:title" content="&quot;], script, [x=&quot; <img src=x onerror=alert(1)>">` +
        ldScript('{"@type":"PodcastEpisode"}'),
    );
    expect(detection.episode?.title).toBe('"], script, [x=" <img src=x onerror=alert(1)>');
  });

  it('answers none for a URL it cannot read, and for an empty document', () => {
    expect(detect('<title>x</title>', 'not a url').kind).toBe('none');
    expect(detect('', 'https://site.example/').kind).toBe('none');
    const bare = document.implementation.createDocument(null, null);
    expect(detectPodcastPage(bare, 'https://site.example/').kind).toBe('none');
  });
});

describe('pages built to be expensive', () => {
  it('looks at a bounded number of media elements, frames and links', () => {
    const html =
      '<video muted></video>'.repeat(3_000) +
      '<iframe src="https://ads.example/x"></iframe>'.repeat(3_000) +
      '<link rel="alternate" type="application/rss+xml" href="/feed">'.repeat(3_000);
    // Only detection is timed: parsing 9,000 elements is happy-dom's work, and slow on a busy
    // machine. The bound is far above bounded work (milliseconds) and far below unbounded work.
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const start = performance.now();
    expect(detectPodcastPage(doc, 'https://site.example/a').kind).toBe('none');
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});

describe('any page at all', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom(
      'PodcastEpisode',
      'PodcastSeries',
      'AudioObject',
      'javascript:x',
      'PT1H',
      '',
      '\u202E',
    ),
  );
  const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(
        fc.constantFrom(
          '@type',
          '@graph',
          'name',
          'url',
          'partOfSeries',
          'duration',
          'image',
          'author',
          'isPartOf',
          'datePublished',
        ),
        tie('value'),
        { maxKeys: 5 },
      ),
    ),
  })).value;
  const meta = fc.tuple(
    fc.constantFrom(
      'og:title',
      'og:site_name',
      'og:audio',
      'og:url',
      'twitter:card',
      'twitter:player',
      'music:duration',
      'og:type',
    ),
    text,
  );
  const urls = fc.constantFrom(
    'https://open.spotify.com/episode/abc',
    'https://podcasts.apple.com/us/podcast/x/id1?i=2',
    'https://www.youtube.com/watch?v=a',
    'https://overcast.fm/+abc',
    'https://www.npr.org/2020/1/1/1/x',
    'https://site.example/episodes/1',
  );

  it('returns a verdict the message schema accepts, never throwing', () => {
    fc.assert(
      fc.property(
        fc.array(json, { maxLength: 3 }),
        fc.array(meta, { maxLength: 6 }),
        urls,
        (blocks, metas, url) => {
          const escape = (s: string) => s.replace(/[&"<]/g, (c) => `&#${c.charCodeAt(0)};`);
          const head =
            metas.map(([k, c]) => `<meta property="${k}" content="${escape(c)}">`).join('') +
            blocks.map((b) => ldScript(JSON.stringify(b).replace(/</g, '\\u003c'))).join('');
          const detection = detect(`<head>${head}</head><body><audio></audio></body>`, url);
          expect(v.safeParse(DetectionSchema, detection).success).toBe(true);
          expect(detection.score).toBeGreaterThanOrEqual(0);
          expect(detection.score).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
