import type { BenchEntry } from '../vite.config';
import type { Figure } from './figures';

/** What every group of figures gets from the runner. */
export interface BenchContext {
  /** CI mode: fewer runs; timings are reported and never fail the run. */
  quick: boolean;
  /** The repository's root and its built extension. */
  root: string;
  distDir: string;
  /** Generated pages (3-hour transcript, single-page app), served by test/support/server.ts. */
  pagesDir: string;
  /** A bench entry bundled for the browser (each built once, on first use). */
  bundle(entry: BenchEntry): Promise<string>;
  /** Warm-up and measured runs for a timing: `full` in a full run, `quick` in quick mode. */
  runs(
    full: [warmup: number, runs: number],
    quick: [warmup: number, runs: number],
  ): {
    warmup: number;
    runs: number;
  };
  /** Reports progress on stderr, so the table on stdout stays clean. */
  log(message: string): void;
}

export interface BenchGroup {
  name: string;
  /** What the group measures, for `--only` and the help text. */
  about: string;
  /** Whether the group starts Chromium. */
  usesBrowser: boolean;
  run(context: BenchContext): Promise<Figure[]>;
}
