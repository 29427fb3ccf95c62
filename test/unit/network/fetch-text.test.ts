// @vitest-environment node
/**
 * The one network path, against a real HTTP server on 127.0.0.1 (Node's fetch, which follows
 * the same Fetch standard as the browser's).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchText, type FetchLimits } from '../../../src/network/fetch-text';

const LIMITS: FetchLimits = { maxBytes: 1000, timeoutMs: 2_000, accept: '*/*' };
let server: Server;
let origin = '';
const seen: IncomingMessage[] = [];

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/ok': (_q, r) => r.writeHead(200, { 'content-type': 'text/vtt; charset=utf-8' }).end('WEBVTT\n'),
  '/big-declared': (_q, r) => r.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)),
  // No Content-Length: the limit must hold while the body streams.
  '/big-streamed': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'y'.repeat(300);
    let sent = 0;
    const timer = setInterval(() => {
      if (r.destroyed || sent++ > 100) {
        clearInterval(timer);
        r.end();
        return;
      }
      r.write(chunk);
    }, 2);
  },
  '/same-origin-redirect': (_q, r) => r.writeHead(302, { location: '/ok' }).end(),
  '/other-origin-redirect': (_q, r) =>
    r.writeHead(302, { location: origin.replace('127.0.0.1', 'localhost') + '/ok' }).end(),
  '/slow': () => undefined,
  '/missing': (_q, r) => r.writeHead(404, 'Not Found').end(),
  '/latin1': (_q, r) =>
    r
      .writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' })
      .end(Buffer.from([0x45, 0x6c, 0xe9])),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchText', () => {
  it('fetches text without cookies, with its content type, decoded by its charset', async () => {
    const r = await fetchText(`${origin}/ok`, LIMITS);
    expect(r).toEqual({
      ok: true,
      text: 'WEBVTT\n',
      contentType: 'text/vtt; charset=utf-8',
      url: `${origin}/ok`,
    });
    expect(seen.at(-1)!.headers.cookie).toBeUndefined();
    expect(seen.at(-1)!.headers.referer).toBeUndefined();
    expect(await fetchText(`${origin}/latin1`, LIMITS)).toMatchObject({ ok: true, text: 'Elé' });
  });

  it('refuses a body over the limit, declared or streamed', async () => {
    expect(await fetchText(`${origin}/big-declared`, LIMITS)).toMatchObject({ ok: false });
    const streamed = await fetchText(`${origin}/big-streamed`, LIMITS);
    expect(streamed.ok).toBe(false);
    if (!streamed.ok) expect(streamed.error).toMatch(/larger than/);
  });

  it('follows a redirect on the same origin and refuses one to another origin', async () => {
    expect(await fetchText(`${origin}/same-origin-redirect`, LIMITS)).toMatchObject({
      ok: true,
      url: `${origin}/ok`,
    });
    const other = await fetchText(`${origin}/other-origin-redirect`, LIMITS);
    expect(other.ok).toBe(false);
    if (!other.ok)
      expect(other.error).toMatch(/redirected to another site \(localhost:\d+\): refused/);
  });

  it('gives up on a server that does not answer in time', async () => {
    const r = await fetchText(`${origin}/slow`, { ...LIMITS, timeoutMs: 200 });
    expect(r).toEqual({ ok: false, error: `${origin}/slow did not answer within 0.2 s` });
  });

  it('says what an error status was', async () => {
    expect(await fetchText(`${origin}/missing`, LIMITS)).toEqual({
      ok: false,
      error: `${origin}/missing answered 404 Not Found`,
    });
  });

  it('never requests javascript:, file: or data: addresses', async () => {
    const count = seen.length;
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/plain,hi',
      'ftp://x.test/a',
    ]) {
      const r = await fetchText(url, LIMITS, () => {
        throw new Error('must not be called');
      });
      expect(r).toMatchObject({ ok: false });
      if (!r.ok) expect(r.error).toMatch(/not a web address/);
    }
    expect(seen.length).toBe(count);
  });
});

describe('a redirect from http to https on the same host', () => {
  /** The browser's answer after following redirects to `finalUrl` (its `url` says where). */
  const landedAt = (finalUrl: string) => async () => {
    const response = new Response('WEBVTT\n', { headers: { 'content-type': 'text/vtt' } });
    Object.defineProperty(response, 'url', { value: finalUrl });
    return response;
  };

  it('is followed: many feed hosts send http requests to their https address', async () => {
    const fetched = await fetchText(
      'http://feeds.example.com/show.xml',
      LIMITS,
      landedAt('https://feeds.example.com/show.xml'),
    );
    expect(fetched).toMatchObject({ ok: true, url: 'https://feeds.example.com/show.xml' });
  });

  it('is refused to another host, another port, or from https down to http', async () => {
    const cases: [string, string][] = [
      ['http://feeds.example.com/a.xml', 'https://cdn.example.com/a.xml'],
      ['http://feeds.example.com/a.xml', 'https://feeds.example.com:8443/a.xml'],
      ['https://feeds.example.com/a.xml', 'http://feeds.example.com/a.xml'],
    ];
    for (const [asked, landed] of cases) {
      const fetched = await fetchText(asked, LIMITS, landedAt(landed));
      expect(fetched.ok, `${asked} → ${landed}`).toBe(false);
      if (!fetched.ok) expect(fetched.error).toMatch(/redirected to another site .*: refused$/);
    }
  });
});
