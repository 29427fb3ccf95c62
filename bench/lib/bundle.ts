import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'vite';
import { BENCH_BUNDLE_DIR, benchBundleConfig, type BenchEntry } from '../vite.config';

/**
 * Bundles a bench entry with Vite's build API and returns the script's source, to be
 * evaluated in a page (`page.evaluate(source)`): page CSPs and disabled page scripts don't
 * stop code that the DevTools protocol evaluates.
 */
export async function buildBenchBundle(entry: BenchEntry): Promise<string> {
  await build({ ...benchBundleConfig(entry), configFile: false });
  return readFile(join(BENCH_BUNDLE_DIR, entry, `${entry}.js`), 'utf8');
}
