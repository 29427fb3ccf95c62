/**
 * The floor under an extension page's first-screen figures: an empty page of the same
 * extension, opened the same way, in the same browser. Its first frame is what the browser and
 * the harness cost before any of Earmark's code runs, so a figure from navigation start reads
 * against it (on a machine where it is 120 ms, a 100 ms budget cannot hold whatever the page
 * does). The page is added to a copy of the built extension: the build itself stays as shipped.
 */
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  makeProfileDir,
  removeDir,
  type ExtensionBrowser,
} from '../../test/support/browser';

const EMPTY_PAGE = 'bench-empty.html';
const EMPTY_HTML =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8" /><title>Empty</title></head>' +
  '<body><p>Empty</p></body></html>\n';

/** Navigation start → the first frame after DOMContentLoaded, watched from the first byte. */
const FIRST_FRAME_WATCH = `(() => {
  if (!location.pathname.endsWith('/${EMPTY_PAGE}')) return;
  window.__benchEmptyFrame = new Promise((resolve) =>
    addEventListener('DOMContentLoaded', () =>
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))));
})();`;

/** Runs `work` with the built extension (plus the empty page) loaded in a fresh profile. */
export async function withEmptyPage<T>(
  distDir: string,
  work: (extension: ExtensionBrowser) => Promise<T>,
): Promise<T> {
  const copy = mkdtempSync(join(tmpdir(), 'earmark-bench-extension-'));
  const profile = makeProfileDir();
  let extension: ExtensionBrowser | null = null;
  try {
    cpSync(distDir, copy, { recursive: true });
    writeFileSync(join(copy, EMPTY_PAGE), EMPTY_HTML);
    extension = await launchWithExtension(profile, { extensionDir: copy });
    return await work(extension);
  } finally {
    await extension?.close().catch(() => undefined);
    removeDir(profile);
    removeDir(copy);
  }
}

/** First frames of the empty page, each a fresh navigation of `page` (as the groups do theirs). */
export async function emptyPageFirstFrames(
  extension: ExtensionBrowser,
  page: Page,
  runs: { warmup: number; runs: number },
): Promise<number[]> {
  await page.addInitScript(FIRST_FRAME_WATCH);
  const url = `chrome-extension://${extension.extensionId}/${EMPTY_PAGE}`;
  const frames: number[] = [];
  for (let run = -runs.warmup; run < runs.runs; run++) {
    await page.goto(url);
    const ms = await page.evaluate<number>('window.__benchEmptyFrame');
    if (run >= 0) frames.push(ms);
  }
  return frames;
}
