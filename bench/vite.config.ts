/**
 * Builds the benchmark's browser entry (browser-entry.ts) as one classic script that puts the
 * core functions on `globalThis.earmarkBench`, for injection into pages in real Chromium.
 * Minified like the extension's own build, so that the code measured is the code shipped.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export const BENCH_BUNDLE_DIR = join(here, 'out', 'bundle');
export const BENCH_BUNDLE_FILE = 'earmark-bench.js';

export default defineConfig({
  root: here,
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: BENCH_BUNDLE_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    minify: true,
    copyPublicDir: false,
    reportCompressedSize: false,
    lib: {
      entry: join(here, 'browser-entry.ts'),
      formats: ['iife'],
      name: 'earmarkBenchBundle',
      fileName: () => BENCH_BUNDLE_FILE,
    },
  },
});
