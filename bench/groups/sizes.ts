/**
 * Sizes of what the browser loads, from the built dist/: deterministic, so over budget fails
 * the run in every mode. Gzip (level 9) stands for what a script costs to ship and parse;
 * 1 kB = 1000 bytes, as Vite prints sizes.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { notBuiltFigure, sizeFigure, tidy, type Figure } from '../lib/figures';
import type { BenchContext, BenchGroup } from '../lib/context';

const GROUP = 'sizes';
export const CONTENT_SCRIPT_BUDGET_KB = 10;
export const POPUP_BUDGET_KB = 30;

interface Manifest {
  content_scripts?: { js?: string[] }[];
  action?: { default_popup?: string };
  side_panel?: { default_path?: string };
  options_ui?: { page?: string };
  options_page?: string;
  background?: { service_worker?: string };
}

/** The files a page loads before it can render, and the chunks it may import later. */
interface LoadGraph {
  eager: string[];
  lazy: string[];
}

const STATIC_IMPORT = /\b(?:import|export)\b[^"'`();]*?["']((?:\.{1,2}\/|\/)[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]((?:\.{1,2}\/|\/)[^"'`]+\.js)["'`]\s*\)/g;

/** Resolves a module specifier or HTML URL against the file that names it, inside dist/. */
function resolveIn(fromFile: string, specifier: string): string {
  if (specifier.startsWith('/')) return posix.normalize(specifier.slice(1));
  return posix.normalize(posix.join(posix.dirname(fromFile), specifier));
}

function read(dist: string, file: string): string {
  return readFileSync(join(dist, file), 'utf8');
}

/** Follows static imports from `entries`; dynamic imports are collected as lazy chunks. */
function loadGraph(dist: string, entries: string[]): LoadGraph {
  const eager = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (eager.has(file)) continue;
    eager.add(file);
    const code = read(dist, file);
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(resolveIn(file, match[1]!));
    for (const match of code.matchAll(DYNAMIC_IMPORT)) lazy.add(resolveIn(file, match[1]!));
  }
  // A lazily imported chunk's own static imports load with it, unless already loaded.
  const lazyGraph = new Set<string>();
  const lazyQueue = [...lazy];
  while (lazyQueue.length > 0) {
    const file = lazyQueue.shift()!;
    if (eager.has(file) || lazyGraph.has(file)) continue;
    lazyGraph.add(file);
    for (const match of read(dist, file).matchAll(STATIC_IMPORT)) {
      lazyQueue.push(resolveIn(file, match[1]!));
    }
  }
  return { eager: [...eager], lazy: [...lazyGraph] };
}

/** The module scripts and modulepreload links of an HTML page: what it loads to render. */
function htmlEntries(dist: string, htmlFile: string): string[] {
  const html = read(dist, htmlFile);
  const entries: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)) {
    entries.push(resolveIn(htmlFile, match[1]!));
  }
  for (const match of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) {
    entries.push(resolveIn(htmlFile, match[1]!));
  }
  return entries;
}

function bytes(dist: string, files: string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const body = readFileSync(join(dist, file));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

function pageFigures(
  dist: string,
  label: string,
  htmlFile: string | undefined,
  budgetKb: number | null,
): Figure[] {
  if (!htmlFile || !existsSync(join(dist, htmlFile))) {
    return [
      notBuiltFigure(
        GROUP,
        `${label} JS for first render (gzip)`,
        'kB',
        budgetKb,
        'size',
        'no such page in dist/manifest.json',
      ),
    ];
  }
  const graph = loadGraph(dist, htmlEntries(dist, htmlFile));
  const eager = bytes(dist, graph.eager);
  const figures = [
    sizeFigure(
      GROUP,
      `${label} JS for first render (gzip)`,
      eager.gzip,
      budgetKb,
      `${graph.eager.length} files: ${graph.eager.map((f) => posix.basename(f)).join(', ')}`,
    ),
    sizeFigure(GROUP, `${label} JS for first render (raw)`, eager.raw, null),
  ];
  for (const chunk of graph.lazy) {
    figures.push(
      sizeFigure(
        GROUP,
        `${label} lazy chunk ${posix.basename(chunk)} (gzip)`,
        bytes(dist, [chunk]).gzip,
        null,
        'loaded on demand: not counted in first render',
      ),
    );
  }
  return figures;
}

function allFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...allFiles(path));
    else files.push(path);
  }
  return files;
}

function zipFigures(dist: string): Figure[] {
  const files = allFiles(dist);
  const entries: Zippable = {};
  let installed = 0;
  for (const file of files) {
    const body = readFileSync(file);
    installed += body.length;
    entries[relative(dist, file).split(/[\\/]/).join('/')] = body;
  }
  const zipped = zipSync(entries, { level: 9 });
  return [
    sizeFigure(
      GROUP,
      'whole build, zipped (fflate, level 9)',
      zipped.length,
      null,
      `${files.length} files`,
    ),
    sizeFigure(GROUP, 'whole build, installed (unzipped)', installed, null),
  ];
}

function measureSizes(dist: string): Figure[] {
  const manifest = JSON.parse(read(dist, 'manifest.json')) as Manifest;
  const figures: Figure[] = [];

  const contentEntries = manifest.content_scripts?.[0]?.js ?? [];
  if (contentEntries.length === 0) {
    figures.push(
      notBuiltFigure(
        GROUP,
        'content script at start-up (gzip)',
        'kB',
        CONTENT_SCRIPT_BUDGET_KB,
        'size',
        'no content script in the manifest',
      ),
    );
  } else {
    const graph = loadGraph(dist, contentEntries);
    const size = bytes(dist, graph.eager);
    figures.push(
      sizeFigure(
        GROUP,
        'content script at start-up (gzip)',
        size.gzip,
        CONTENT_SCRIPT_BUDGET_KB,
        graph.eager.join(', '),
      ),
      sizeFigure(GROUP, 'content script at start-up (raw)', size.raw, null),
    );
    for (const chunk of graph.lazy) {
      figures.push(
        sizeFigure(
          GROUP,
          `content script lazy chunk ${posix.basename(chunk)} (gzip)`,
          bytes(dist, [chunk]).gzip,
          null,
          'loaded on demand',
        ),
      );
    }
    // Scripts the extension injects later (scripting.executeScript), e.g. the full content
    // script once a page looks like a podcast page: every other script beside the declared ones.
    const declared = new Set(graph.eager);
    for (const dir of new Set(contentEntries.map((f) => posix.dirname(f)))) {
      for (const file of readdirSync(join(dist, dir))
        .filter((f) => f.endsWith('.js'))
        .sort()) {
        const path = posix.join(dir, file);
        if (declared.has(path)) continue;
        const injected = bytes(dist, loadGraph(dist, [path]).eager);
        figures.push(
          sizeFigure(
            GROUP,
            `content script injected later: ${file} (gzip)`,
            injected.gzip,
            null,
            `raw ${tidy(injected.raw / 1000)} kB; injected on pages that need it`,
          ),
        );
      }
    }
  }

  figures.push(...pageFigures(dist, 'popup', manifest.action?.default_popup, POPUP_BUDGET_KB));
  figures.push(...pageFigures(dist, 'side panel', manifest.side_panel?.default_path, null));
  figures.push(
    ...pageFigures(dist, 'library page', manifest.options_ui?.page ?? manifest.options_page, null),
  );

  const worker = manifest.background?.service_worker;
  if (worker) {
    const graph = loadGraph(dist, [worker]);
    figures.push(
      sizeFigure(
        GROUP,
        'background service worker (gzip)',
        bytes(dist, graph.eager).gzip,
        null,
        `${graph.eager.length} files`,
      ),
    );
  }
  figures.push(...zipFigures(dist));
  return figures;
}

export const sizes: BenchGroup = {
  name: GROUP,
  about: 'bytes of the content script, popup, side panel, library page and zipped build',
  usesBrowser: false,
  async run(context: BenchContext) {
    context.log('sizes: reading the built dist/');
    return measureSizes(context.distDir);
  },
};
