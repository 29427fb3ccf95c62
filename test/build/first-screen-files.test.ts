/**
 * What each part of the built extension loads before its first line runs (vite.config.ts,
 * `firstScreenGroups`): every file costs an extension page a few ms, so the popup and the side
 * panel load at most four, and no part loads another part's code for nothing. Runs after
 * `npm run build` and `npm run build:firefox`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/browser';

const builds = [
  ['Chrome', 'dist'],
  ['Firefox', 'dist-firefox'],
] as const;

/** The scripts a page's HTML loads at once: its module script and the modules it preloads. */
function pageScripts(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, 'src/ui', page, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script type="module"[^>]* src="\/([^"]+)"/g)];
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]* href="\/([^"]+)"/g)];
  return [...scripts, ...preloads].map((match) => match[1]!);
}

/** A script file and every file it imports statically (not `import()`), by path in the build. */
function withStaticImports(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const match of code.matchAll(/(?:\bimport|\bfrom)\s*["']\.\/([^"']+)["']/g)) {
    const imported = join(file, '..', match[1]!);
    withStaticImports(dir, imported, seen);
  }
  return seen;
}

const holding = (dir: string, files: Iterable<string>, text: string) =>
  [...files].filter((file) => readFileSync(join(dir, file), 'utf8').includes(text));

/** In the episode screen's code only: the label of its main button. */
const EPISODE_SCREEN = 'popupSaveSelection';
/** In Preact's code: the namespace of the SVG elements it can create. */
const PREACT = 'http://www.w3.org/2000/svg';

describe.each(builds)('%s build: files before the first screen', (_name, distDir) => {
  const dir = join(REPO_ROOT, distDir);

  it.each(['popup', 'sidepanel'])('the %s loads at most four script files', (page) => {
    const scripts = pageScripts(dir, page);
    // The page's HTML lists every static import: nothing else loads before its first screen.
    const loaded = new Set(scripts.flatMap((file) => [...withStaticImports(dir, file)]));
    expect(loaded).toEqual(new Set(scripts));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.length).toBeLessThanOrEqual(4);
    expect(holding(dir, scripts, EPISODE_SCREEN)).toHaveLength(1);
  });

  it("the library doesn't load the popup's and side panel's episode screen", () => {
    const scripts = pageScripts(dir, 'library');
    expect(holding(dir, scripts, PREACT)).toHaveLength(1);
    expect(holding(dir, scripts, EPISODE_SCREEN)).toEqual([]);
  });

  it('the background loads no page code', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      background: { service_worker?: string; scripts?: string[] };
    };
    const entries = manifest.background.scripts ?? [manifest.background.service_worker!];
    const loaded = new Set(entries.flatMap((entry) => [...withStaticImports(dir, entry)]));
    expect(loaded.size).toBeGreaterThan(1);
    expect(holding(dir, loaded, PREACT)).toEqual([]);
    expect(holding(dir, loaded, EPISODE_SCREEN)).toEqual([]);
  });
});
