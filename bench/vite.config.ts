/**
 * Builds the benchmark's browser entries (browser-entry.ts, search-entry.ts) as classic
 * scripts that put their functions on `globalThis`, for injection into pages in real Chromium.
 * Minified like the extension's own build, so that the code measured is the code shipped.
 * Library search has its own entry: while it is young, a change to it can't break the rest.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export type BenchEntry = 'browser-entry' | 'search-entry';

export const BENCH_BUNDLE_DIR = join(here, 'out', 'bundle');

export function benchBundleConfig(entry: BenchEntry): UserConfig {
  return {
    root: here,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: join(BENCH_BUNDLE_DIR, entry),
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {
        entry: join(here, `${entry}.ts`),
        formats: ['iife'],
        name: entry.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
        fileName: () => `${entry}.js`,
      },
    },
  };
}

export default defineConfig(benchBundleConfig('browser-entry'));
