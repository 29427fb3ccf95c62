import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import config, { BENCH_BUNDLE_DIR, BENCH_BUNDLE_FILE } from '../vite.config';

/**
 * Bundles bench/browser-entry.ts with Vite's build API and returns the script's source, to be
 * evaluated in a page (`page.evaluate(source)`): page CSPs and disabled page scripts don't
 * stop code that the DevTools protocol evaluates.
 */
export async function buildBenchBundle(): Promise<string> {
  await build({ ...config, configFile: false });
  return readFile(join(BENCH_BUNDLE_DIR, BENCH_BUNDLE_FILE), 'utf8');
}
