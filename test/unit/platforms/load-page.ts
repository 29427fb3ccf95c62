import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { vi } from 'vitest';
import { detectPodcastPage, type Detection } from '../../../src/core/detect';

/**
 * Parses HTML as the browser's DOMParser would. happy-dom reports each stylesheet and iframe it
 * does not load (it never fetches); that noise is silenced here.
 */
export function parsePage(html: string): Document {
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return new DOMParser().parseFromString(html, 'text/html');
  } finally {
    quiet.mockRestore();
  }
}

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');

/** One of our synthetic pages in test/fixtures/pages. */
export function syntheticPage(name: string): Document {
  return parsePage(readFileSync(join(PAGES, name), 'utf8'));
}

/** Detection of a synthetic page served from `url`. */
export function detectSynthetic(name: string, url: string): Detection {
  return detectPodcastPage(syntheticPage(name), url);
}

/** Detection of inline HTML served from `url`. */
export function detectHtml(html: string, url: string): Detection {
  return detectPodcastPage(parsePage(html), url);
}
