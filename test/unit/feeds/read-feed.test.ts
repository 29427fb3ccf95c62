import { describe, expect, it } from 'vitest';
import { MAX_FEED_ITEMS, readFeed } from '../../../src/core/feeds/read-feed';
import { readFixture } from '../../support/fixtures';

const FEED_URL = 'https://example.com/feed.xml';

function read(name: string) {
  const result = readFeed(readFixture('feeds', name), FEED_URL);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('readFeed on real feeds', () => {
  it('reads themnshow: SubRip and WebVTT transcripts, JSON chapters, hosts and guests per item', () => {
    const feed = read('themnshow.xml');
    expect(feed.title).toBe('The Mike Neumann Show');
    expect(feed.items).toHaveLength(54);
    const withTranscripts = feed.items.filter((i) => i.transcripts.length > 0);
    expect(withTranscripts.length).toBeGreaterThan(0);
    const types = new Set(withTranscripts.flatMap((i) => i.transcripts.map((t) => t.type)));
    expect(types).toEqual(new Set(['application/x-subrip', 'text/vtt']));
    const first = withTranscripts[0]!;
    expect(
      first.transcripts.every((t) => t.language === 'en' && t.url.startsWith('https://')),
    ).toBe(true);
    expect(first.transcripts.some((t) => t.rel === 'captions')).toBe(true);
    expect(feed.items.some((i) => i.chapters?.type === 'application/json+chapters')).toBe(true);
    const roles = new Set(feed.items.flatMap((i) => i.people.map((p) => `${p.group}/${p.role}`)));
    // The item's people replace the channel's (the namespace's rule): the host is the channel's.
    expect(roles).toEqual(new Set(['cast/guest']));
    expect(feed.people.map((p) => [p.name, p.role])).toEqual([['Mike Neumann', 'host']]);
    expect(first.guid).not.toBe('');
    expect(first.enclosureUrl).toMatch(/^https:\/\//);
    expect(first.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('reads no-agenda: the non-standard application/srt type, a person with no role is a host, and a broken entity is only a warning', () => {
    const result = readFeed(readFixture('feeds', 'no-agenda.xml'), FEED_URL);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const feed = result.value;
    expect(feed.items).toHaveLength(29);
    expect(feed.items.flatMap((i) => i.transcripts.map((t) => t.type))).toContain(
      'application/srt',
    );
    expect(feed.items.some((i) => i.chapters?.type === 'application/json')).toBe(true);
    const adam = feed.items.flatMap((i) => i.people).find((p) => p.name === 'Adam Curry');
    expect(adam).toMatchObject({ role: 'host', group: 'cast', href: 'http://curry.com/' });
    expect(result.warnings[0]).toMatchObject({ message: 'undefined entity', line: 2761 });
  });

  it('reads pc20rss: hosts and guests; an empty <podcast:person/> is nobody', () => {
    const feed = read('pc20rss.xml');
    expect(feed.items).toHaveLength(56);
    const people = feed.items.flatMap((i) => i.people);
    expect(people.every((p) => p.name.length > 0)).toBe(true);
    expect(new Set(people.map((p) => p.role))).toEqual(new Set(['host', 'guest']));
    expect(feed.items.some((i) => i.transcripts.length > 0)).toBe(true);
    expect(feed.items.some((i) => i.chapters)).toBe(true);
  });

  it('reads homegrown-hits: people and chapters, no transcripts', () => {
    const feed = read('homegrown-hits.xml');
    expect(feed.items.flatMap((i) => i.transcripts)).toEqual([]);
    expect(feed.items.some((i) => i.chapters)).toBe(true);
    expect(feed.people.map((p) => p.name)).toContain('Daisy B. Cooper');
    expect(feed.items[0]!.people.map((p) => p.name)).toEqual(['DuhLaurien']);
  });

  it('reads 1865, a plain iTunes feed: items and audio, nothing from the namespace', () => {
    const feed = read('1865.xml');
    expect(feed.items.length).toBeGreaterThan(50);
    expect(feed.items.every((i) => i.enclosureUrl !== null)).toBe(true);
    expect(feed.items.flatMap((i) => [...i.transcripts, ...i.people])).toEqual([]);
    expect(feed.items.every((i) => i.chapters === null)).toBe(true);
  });
});

const rss = (items: string, ns = 'https://podcastindex.org/namespace/1.0') =>
  `<?xml version="1.0"?>\n<rss version="2.0" xmlns:podcast="${ns}"><channel><title>Show</title>\n${items}\n</channel></rss>`;

describe('readFeed refuses bad input, saying where', () => {
  it('refuses malformed XML with its line and column', () => {
    const result = readFeed(rss('<item><title>One</item>'), FEED_URL);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.line).toBe(3);
    expect(result.error.column).toBeGreaterThan(0);
    expect(result.error.message).toMatch(/tag/);
  });

  it('refuses a feed of 5,000 items at the item past the limit', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => `<item><title>${i}</title></item>`).join(
      '\n',
    );
    const result = readFeed(rss(items), FEED_URL);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toBe(
      `more than ${MAX_FEED_ITEMS.toLocaleString('en')} <item> elements`,
    );
    expect(result.error.line).toBe(3 + MAX_FEED_ITEMS);
  });

  it('refuses a document that is not RSS', () => {
    const result = readFeed('<html><body>Not found</body></html>', FEED_URL);
    expect(result).toMatchObject({ ok: false, error: { line: 1 } });
    if (!result.ok) expect(result.error.message).toMatch(/not an RSS feed/);
  });

  it('refuses an empty or non-XML response', () => {
    expect(readFeed('', FEED_URL).ok).toBe(false);
    expect(readFeed('{"items": []}', FEED_URL).ok).toBe(false);
  });

  it('drops javascript:, file: and data: addresses with a located warning, keeping the rest', () => {
    const result = readFeed(
      rss(`<item><title>One</title>
<podcast:transcript url="javascript:alert(1)" type="text/vtt"/>
<podcast:transcript url="file:///etc/passwd" type="text/vtt"/>
<podcast:chapters url="data:application/json,{}" type="application/json+chapters"/>
<podcast:person href="javascript:alert(1)">Ann</podcast:person>
<link>javascript:alert(2)</link>
<podcast:transcript url="/t/one.srt" type="application/srt"/>
</item>`),
      FEED_URL,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const item = result.value.items[0]!;
    expect(item.transcripts).toEqual([
      { url: 'https://example.com/t/one.srt', type: 'application/srt', language: '', rel: '' },
    ]);
    expect(item.chapters).toBeNull();
    expect(item.link).toBeNull();
    expect(item.people).toEqual([
      { name: 'Ann', role: 'host', group: 'cast', href: null, img: null },
    ]);
    expect(result.warnings.map((w) => w.line)).toEqual([4, 5, 6, 7, 8]);
  });

  it('reads the namespace under its older address, and a prefix the feed forgot to declare', () => {
    const old = readFeed(
      rss(
        '<item><podcast:transcript url="https://x.test/a.vtt" type="text/vtt"/></item>',
        'https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md',
      ),
      FEED_URL,
    );
    expect(old.ok && old.value.items[0]!.transcripts).toHaveLength(1);
    const undeclared = readFeed(
      '<rss><channel><item><podcast:transcript url="https://x.test/a.vtt" type="text/vtt"/></item></channel></rss>',
      FEED_URL,
    );
    expect(undeclared.ok && undeclared.value.items[0]!.transcripts).toHaveLength(1);
  });

  it('reads roles and groups case-insensitively', () => {
    const result = readFeed(
      rss(
        '<item><podcast:person role="Co-Host" group="CAST">Bo</podcast:person><podcast:person role="Producer" group="Creative Direction">Cy</podcast:person></item>',
      ),
      FEED_URL,
    );
    expect(result.ok && result.value.items[0]!.people.map((p) => [p.role, p.group])).toEqual([
      ['co-host', 'cast'],
      ['producer', 'creative direction'],
    ]);
  });
});
