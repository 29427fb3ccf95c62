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
import {
  launchWithExtension,
  makeProfileDir,
  removeDir,
  type ExtensionBrowser,
} from '../../test/support/browser';
import type { BenchContext } from './context';
import { timingFigure, type Figure } from './figures';
import { summarise } from './stats';

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

/**
 * The figure: first frames of the empty page in a new tab of `size`, each a fresh navigation
 * (as the groups open their own pages), beside what it is the floor under.
 */
export async function emptyPageFigure(
  context: BenchContext,
  extension: ExtensionBrowser,
  group: string,
  size: { width: number; height: number },
  under: string,
): Promise<Figure> {
  const page = await extension.context.newPage();
  const frames: number[] = [];
  try {
    await page.setViewportSize(size);
    await page.addInitScript(FIRST_FRAME_WATCH);
    const url = `chrome-extension://${extension.extensionId}/${EMPTY_PAGE}`;
    const { warmup, runs } = context.runs([2, 15], [1, 3]);
    for (let run = -warmup; run < runs; run++) {
      await page.goto(url);
      const ms = await page.evaluate<number>('window.__benchEmptyFrame');
      if (run >= 0) frames.push(ms);
    }
  } finally {
    await page.close();
  }
  return timingFigure(
    group,
    'an empty page of the extension: first frame',
    summarise(frames),
    null,
    `navigation start → first frame, no script: the floor under ${under}`,
  );
}
