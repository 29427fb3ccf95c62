/**
 * `npm run bench`: measures what people feel (sizes, detection, the content script's cost,
 * popup render, capture, re-anchoring, export/import), prints a table and writes
 * bench/results.json.
 *
 *   npm run bench                      all groups, full runs
 *   npm run bench -- --quick           CI: fewer runs; only size budgets fail the run
 *   npm run bench -- --only detection  one group (or several: --only sizes,popup)
 *   npm run bench -- --markdown        also print the table as Markdown (for BENCHMARKS.md)
 *
 * Needs a built extension in dist/ (`npm run build`) and Chromium (CHROMIUM_PATH).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { assertBrowserReady, DIST_DIR, REPO_ROOT } from '../test/support/browser';
import { anchoring } from './groups/anchoring';
import { backup } from './groups/backup';
import { capture } from './groups/capture';
import { contentScript } from './groups/content-script';
import { detection } from './groups/detection';
import { library } from './groups/library';
import { pageVisit } from './groups/page-visit';
import { panel } from './groups/panel';
import { popup } from './groups/popup';
import { sizes } from './groups/sizes';
import { transcript } from './groups/transcript';
import { buildBenchBundle } from './lib/bundle';
import type { BenchContext, BenchGroup } from './lib/context';
import { failsRun, formatMarkdownTable, formatTable, type Figure } from './lib/figures';
import { describeMachine } from './lib/machine';
import { writeBenchPages } from './pages/write';
import type { BenchEntry } from './vite.config';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
const OUT_DIR = join(BENCH_DIR, 'out');
const RESULTS_FILE = join(BENCH_DIR, 'results.json');

const GROUPS: BenchGroup[] = [
  sizes,
  detection,
  contentScript,
  pageVisit,
  popup,
  capture,
  anchoring,
  backup,
  library,
  transcript,
  panel,
];

interface Options {
  quick: boolean;
  markdown: boolean;
  only: string[] | null;
}

function usage(): string {
  const groups = GROUPS.map((g) => `  ${g.name.padEnd(15)} ${g.about}`).join('\n');
  return `usage: npm run bench -- [--quick] [--only <group>[,<group>…]] [--markdown]\n\ngroups:\n${groups}`;
}

function parseArgs(args: string[]): Options {
  const options: Options = { quick: false, markdown: false, only: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--quick') options.quick = true;
    else if (arg === '--markdown') options.markdown = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? args[++i] : arg.slice('--only='.length);
      if (!value) throw new Error(`--only needs a group name.\n${usage()}`);
      options.only = value.split(',').map((name) => name.trim());
      const unknown = options.only.filter((name) => !GROUPS.some((g) => g.name === name));
      if (unknown.length > 0) throw new Error(`unknown group: ${unknown.join(', ')}\n${usage()}`);
    } else if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    } else {
      throw new Error(`unknown option: ${arg}\n${usage()}`);
    }
  }
  return options;
}

function contextFor(options: Options): BenchContext {
  const bundles = new Map<BenchEntry, Promise<string>>();
  let pagesDir: string | null = null;
  return {
    quick: options.quick,
    root: REPO_ROOT,
    distDir: DIST_DIR,
    get pagesDir() {
      pagesDir ??= writeBenchPages(OUT_DIR);
      return pagesDir;
    },
    bundle(entry) {
      let bundle = bundles.get(entry);
      if (!bundle) {
        bundle = buildBenchBundle(entry);
        bundles.set(entry, bundle);
      }
      return bundle;
    },
    runs(full, quick) {
      const [warmup, runs] = options.quick ? quick : full;
      return { warmup, runs };
    },
    log(message) {
      process.stderr.write(`· ${message}\n`);
    },
  };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(DIST_DIR, 'manifest.json'))) {
    console.error('No built extension in dist/: run "npm run build" first, then "npm run bench".');
    return 2;
  }
  const groups = GROUPS.filter((g) => options.only === null || options.only.includes(g.name));
  if (groups.some((g) => g.usesBrowser)) assertBrowserReady();

  const machine = describeMachine();
  const context = contextFor(options);
  const figures: Figure[] = [];
  const errors: { group: string; message: string }[] = [];
  const started = Date.now();
  mkdirSync(OUT_DIR, { recursive: true });
  try {
    for (const group of groups) {
      try {
        figures.push(...(await group.run(context)));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // results.json gets the message without this machine's paths; stderr gets the stack.
        errors.push({ group: group.name, message: message.split(REPO_ROOT).join('.') });
        const stack = error instanceof Error ? (error.stack ?? message) : message;
        console.error(`\n✗ ${group.name} failed:\n${stack}\n`);
      }
    }
  } finally {
    // Generated pages and the bundle are rebuilt on every run; don't leave them for linters.
    rmSync(OUT_DIR, { recursive: true, force: true });
  }

  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `\nEarmark benchmarks (${options.quick ? 'quick' : 'full'} run, ${seconds} s) on ` +
      `${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}, Chromium ${machine.chromium}\n`,
  );
  console.log(formatTable(figures));
  if (options.markdown) console.log(`\n${formatMarkdownTable(figures)}`);

  const results = `${JSON.stringify(
    {
      generatedAt: new Date().toISOString(),
      mode: options.quick ? 'quick' : 'full',
      groups: groups.map((g) => g.name),
      machine,
      figures,
      errors,
    },
    null,
    2,
  )}\n`;
  // Formatted as the repository's Prettier would, so that `npm run lint` passes after a run.
  const prettierOptions = (await resolveConfig(RESULTS_FILE)) ?? {};
  writeFileSync(RESULTS_FILE, await format(results, { ...prettierOptions, parser: 'json' }));

  const failing = figures.filter((f) => failsRun(f, options.quick));
  const overButReported = figures.filter(
    (f) => f.status === 'over budget' && !failsRun(f, true) && options.quick,
  );
  console.log('');
  if (overButReported.length > 0) {
    console.log(
      `Over budget, reported only (quick mode): ${overButReported.map((f) => f.name).join('; ')}`,
    );
  }
  if (failing.length > 0) {
    console.log(
      `Over budget: ${failing.map((f) => `${f.name} (${f.value} ${f.unit} > ${f.budget} ${f.unit})`).join('; ')}`,
    );
  }
  if (errors.length > 0) console.log(`Failed groups: ${errors.map((e) => e.group).join(', ')}`);
  console.log(`Results: bench/results.json`);
  return failing.length > 0 || errors.length > 0 ? 1 : 0;
}

// exitCode, not exit(): let stdout drain when it is a pipe (CI logs).
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
