/**
 * Issue 18: a restore of 100,000 quotes through the built extension's library page in real
 * Chromium, timed from choosing the file to the report, and the longest task on the page's
 * own thread meanwhile (the restore runs in a worker; before, the page froze for seconds).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serializeBackup } from '../../src/core/backup';
import { removeDir } from '../../test/support/browser';
import { withExtension } from '../lib/browsers';
import type { BenchContext } from '../lib/context';
import { makeLibrary } from '../library-data';

export const BIG_RESTORE_EPISODES = 1_000;
export const BIG_RESTORE_QUOTES_PER_EPISODE = 100;

/** What one restore measured. */
export interface BigRestoreRun {
  restoreMs: number;
  longestTaskMs: number;
}

/** Restores the generated file `runs` times, each into a fresh profile. */
export async function bigRestores(
  context: BenchContext,
  runs: number,
): Promise<{ runs: BigRestoreRun[]; chars: number }> {
  const text = serializeBackup(makeLibrary(BIG_RESTORE_EPISODES, BIG_RESTORE_QUOTES_PER_EPISODE));
  // A file the browser reads from disk: Playwright hands over at most 50 MB from memory.
  const dir = mkdtempSync(join(tmpdir(), 'earmark-bench-restore-'));
  const file = join(dir, 'big.json');
  writeFileSync(file, text);
  const measured: BigRestoreRun[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      context.log(
        `backup: big restore ${run + 1}/${runs}, ${(text.length / 1e6).toFixed(0)} M chars`,
      );
      measured.push(await withExtension((extension) => restoreOnce(extension, file)));
    }
  } finally {
    removeDir(dir);
  }
  return { runs: measured, chars: text.length };
}

async function restoreOnce(
  extension: Parameters<Parameters<typeof withExtension>[0]>[0],
  file: string,
): Promise<BigRestoreRun> {
  const page = await extension.context.newPage();
  await page.goto(`chrome-extension://${extension.extensionId}/src/ui/library/index.html#backup`);
  await page.getByLabel('Backup file').waitFor();
  await page.evaluate(() => {
    const probe = { tasks: [] as number[], started: performance.now() };
    (globalThis as unknown as { probe: typeof probe }).probe = probe;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  await page.getByLabel('Backup file').setInputFiles(file);
  await page.locator('.restore-report').waitFor({ timeout: 600_000 });
  // Read at once: the library's reload of its lists comes after the report, and is not the
  // restore's (the library group times loading a big library).
  return page.evaluate(() => {
    const { probe } = globalThis as unknown as { probe: { tasks: number[]; started: number } };
    return {
      restoreMs: performance.now() - probe.started,
      longestTaskMs: Math.max(0, ...probe.tasks),
    };
  });
}
