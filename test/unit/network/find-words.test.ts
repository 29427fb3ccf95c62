// @vitest-environment node
/**
 * "Find transcript" end to end in Node: a real feed and transcript served from 127.0.0.1,
 * fetched through the one network path, read, and turned into what the store keeps.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchText } from '../../../src/network/fetch-text';
import { fetchItemWords, findInFeed, type WordsDeps } from '../../../src/ui/words/find-words';
import { readFixture } from '../../support/fixtures';

let server: Server;
let origin = '';
const files: Record<string, [string, string]> = {};

const feed = (items: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>Show</title><language>en</language>
<podcast:person>Channel Host</podcast:person>
${items}
</channel></rss>`;

beforeAll(async () => {
  server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) return void res.writeHead(404, 'Not Found').end();
    res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  files['/feed.xml'] = [
    'application/rss+xml',
    feed(`<item><title>Episode one</title><guid>ep-1</guid><enclosure url="${origin}/one.mp3" type="audio/mpeg"/>
  <podcast:transcript url="${origin}/one.pdf" type="application/pdf"/>
  <podcast:transcript url="${origin}/missing.json" type="application/json" language="en"/>
  <podcast:transcript url="${origin}/one.srt" type="application/srt" language="en"/>
  <podcast:chapters url="${origin}/chapters.json" type="application/json+chapters"/>
  <podcast:person role="guest">Gail Guest</podcast:person><podcast:person role="Producer" group="Creative Direction">Pat</podcast:person>
</item>
<item><title>Episode two</title><guid>ep-2</guid>
  <podcast:transcript url="${origin}/broken.vtt" type="text/vtt"/>
  <podcast:chapters url="${origin}/not-chapters.json" type="application/json+chapters"/>
</item>`),
  ];
  files['/one.srt'] = ['application/x-subrip', readFixture('transcripts', 'buzzcast.srt')];
  files['/chapters.json'] = [
    'application/json',
    readFixture('chapters', 'namespace-example-complex.json'),
  ];
  files['/broken.vtt'] = ['text/vtt', 'WEBVTT\n\n00:00:05.000 --> 00:00:01.000\nBackwards\n'];
  files['/not-chapters.json'] = ['application/json', '{"chapters": "none"}'];
  files['/page.html'] = ['text/html', '<html><body>Log in</body></html>'];
  files['/bad.xml'] = ['application/xml', feed('<item><title>Unclosed</item>')];
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const deps: WordsDeps = {
  fetchText: (url, limits) => fetchText(url, limits),
  now: () => '2026-11-30T01:00:00.000Z',
};

describe('find the words of an episode in its feed', () => {
  it('finds the item by its audio file, takes the first transcript it can read, and the chapters and people', async () => {
    const found = await findInFeed(
      `${origin}/feed.xml`,
      { audioUrl: `${origin}/one.mp3?t=1` },
      deps,
    );
    if (!found.ok) throw new Error(found.error);
    expect(found.match).toMatchObject({ by: 'enclosure', item: { guid: 'ep-1' } });
    const { words, problems } = await fetchItemWords(
      'e1',
      found,
      found.match!.item,
      found.match!.by,
      ['en-US'],
      deps,
    );
    expect(words.transcript).toMatchObject({
      url: `${origin}/one.srt`,
      format: 'srt',
      language: 'en',
      fetchedAt: '2026-11-30T01:00:00.000Z',
    });
    expect(words.transcript!.cues[0]).toMatchObject({ speaker: 'Alban', start: 0 });
    expect(words.chapters!.chapters.length).toBeGreaterThan(3);
    expect(words.people.map((p) => [p.name, p.role])).toEqual([
      ['Gail Guest', 'guest'],
      ['Pat', 'producer'],
    ]);
    expect(words.feed).toEqual({
      url: `${origin}/feed.xml`,
      fetchedAt: '2026-11-30T01:00:00.000Z',
      item: { index: 0, guid: 'ep-1', title: 'Episode one', publishedAt: null },
      matchedBy: 'enclosure',
    });
    // The JSON one came first by format and failed: said, not kept. The PDF was never fetched.
    expect(problems).toEqual([`${origin}/missing.json answered 404 Not Found`]);
  });

  it('keeps nothing from a broken transcript or chapters file, and says where they are broken', async () => {
    const found = await findInFeed(`${origin}/feed.xml`, { guid: 'ep-2' }, deps);
    if (!found.ok) throw new Error(found.error);
    const { words, problems } = await fetchItemWords(
      'e2',
      found,
      found.match!.item,
      'guid',
      ['en'],
      deps,
    );
    expect(words.transcript).toBeNull();
    expect(words.chapters).toBeNull();
    expect(words.people.map((p) => p.name)).toEqual(['Channel Host']);
    expect(problems).toEqual([
      `The transcript ${origin}/broken.vtt can’t be read: line 3: the cue ends before it starts`,
      'The chapters can’t be read: chapters: Invalid type: Expected Array but received "none"',
    ]);
  });

  it('refuses a web page given as a feed, and a malformed feed with its line', async () => {
    expect(await findInFeed(`${origin}/page.html`, {}, deps)).toEqual({
      ok: false,
      error: `${origin}/page.html is a web page, not a feed`,
    });
    const bad = await findInFeed(`${origin}/bad.xml`, {}, deps);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/^The feed can’t be read: line 4, column \d+: /);
  });

  it('leaves the choice to the person when no item matches', async () => {
    const found = await findInFeed(`${origin}/feed.xml`, { title: 'Another show’s episode' }, deps);
    expect(found.ok && found.match).toBeNull();
  });
});
