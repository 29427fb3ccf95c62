import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spaPage } from './spa';
import { syntheticTranscriptPage } from './synthetic';

/** Generated pages, served from bench/out/pages (gitignored) by test/support/server.ts. */
export const PAGES = {
  transcript: 'three-hour-transcript.html',
  spa: 'spa.html',
} as const;

export function writeBenchPages(outDir: string): string {
  const dir = join(outDir, 'pages');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, PAGES.transcript), syntheticTranscriptPage());
  writeFileSync(join(dir, PAGES.spa), spaPage());
  return dir;
}
