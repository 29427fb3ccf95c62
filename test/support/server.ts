import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { makeWav } from './wav';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.vtt': 'text/vtt',
};

export interface PageServer {
  origin: string;
  /** Every path asked for, in order: a test can check what the browser fetched, and what not. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves a folder of pages on 127.0.0.1 (a free port), plus `/episode.wav`: a generated
 * audio file with byte ranges, so the browser can seek in it as in a real podcast file.
 */
export async function servePages(root: string, audioSeconds = 120): Promise<PageServer> {
  const wav = makeWav(audioSeconds);
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    requests.push(path);
    if (path === '/episode.wav') return sendAudio(wav, request.headers.range, response);
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    if (!file.startsWith(normalize(root))) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        });
        response.end(body);
      },
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendAudio(
  wav: Buffer,
  range: string | undefined,
  response: import('node:http').ServerResponse,
): void {
  const match = range ? /bytes=(\d*)-(\d*)/.exec(range) : null;
  if (!match) {
    response.writeHead(200, {
      'content-type': 'audio/wav',
      'content-length': wav.length,
      'accept-ranges': 'bytes',
    });
    response.end(wav);
    return;
  }
  const start = match[1] ? Number(match[1]) : 0;
  const end = match[2] ? Math.min(Number(match[2]), wav.length - 1) : wav.length - 1;
  response.writeHead(206, {
    'content-type': 'audio/wav',
    'content-length': end - start + 1,
    'content-range': `bytes ${start}-${end}/${wav.length}`,
    'accept-ranges': 'bytes',
  });
  response.end(wav.subarray(start, end + 1));
}
