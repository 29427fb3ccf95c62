import { defineConfig, type PluginOption, type Rolldown } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import manifestJson from './manifest.json' with { type: 'json' };

type Browser = 'chrome' | 'firefox';

/** The one manifest.json, adjusted per browser: each gets only the keys it understands. */
function manifestFor(browser: Browser): ManifestV3Export {
  const { browser_specific_settings, side_panel, sidebar_action, ...common } =
    manifestJson as Record<string, unknown>;
  if (browser === 'firefox') {
    const permissions = ((common.permissions as string[]) ?? []).filter((p) => p !== 'sidePanel');
    // Firefox runs the background as an event page from `scripts`, not as a service worker.
    const worker = (common.background as { service_worker: string }).service_worker;
    const background = { scripts: [worker], type: 'module' };
    return {
      ...common,
      background,
      permissions,
      browser_specific_settings,
      sidebar_action,
    } as unknown as ManifestV3Export;
  }
  return { ...common, side_panel } as unknown as ManifestV3Export;
}

/**
 * crxjs lists a `?script` file in `web_accessible_resources` for every site, in case a content
 * script imports it. Ours is injected with `scripting.executeScript`, which needs no such entry,
 * and a resource every site can load is a fingerprinting surface: take it out again.
 */
function withoutWebAccessibleScripts(): PluginOption {
  type War = { resources: string[] }[] | undefined;
  return {
    name: 'earmark:without-web-accessible-scripts',
    enforce: 'post',
    // crxjs's hook for plugins that adjust the manifest it renders (runs after its own).
    renderCrxManifest(manifest: { web_accessible_resources?: War }) {
      const entries = manifest.web_accessible_resources ?? [];
      if (!entries.every((e) => e.resources.every((r) => r.startsWith('src/content/')))) {
        throw new Error('Unexpected web_accessible_resources in the manifest.');
      }
      delete manifest.web_accessible_resources;
      return manifest;
    },
  } as PluginOption;
}

/** Where each part of the extension starts: its first screen is what these import statically. */
const ROOTS = {
  background: 'src/background/index.ts',
  popup: 'src/ui/popup/main.tsx',
  sidepanel: 'src/ui/sidepanel/main.tsx',
  library: 'src/ui/library/main.tsx',
} as const;
type Root = keyof typeof ROOTS;

/**
 * Each page's first screen in as few files as the split between the parts allows: every file
 * an extension page loads costs it a few ms before its first line runs (on a 2-core machine the
 * popup's 8 files started it 15–19 ms later than one file did; BENCHMARKS.md). Modules that the background
 * and a page both load are `core`; those the popup or side panel share with the library are
 * `ui`; those only the popup and side panel load are `screen`. Modules that a page only imports
 * lazily are in none of them, so they stay lazy.
 */
function firstScreenGroups(): Rolldown.CodeSplittingGroup[] {
  let reach: Map<string, Set<Root>> | null = null;
  const reachOf = (id: string, ctx: Rolldown.ChunkingContext): Set<Root> => {
    if (reach === null) {
      reach = new Map();
      for (const [root, path] of Object.entries(ROOTS) as [Root, string][]) {
        const queue = [resolve(path)];
        while (queue.length > 0) {
          const next = queue.pop()!;
          const roots = reach.get(next) ?? new Set<Root>();
          if (roots.has(root)) continue;
          roots.add(root);
          reach.set(next, roots);
          queue.push(...(ctx.getModuleInfo(next)?.importedIds ?? []));
        }
      }
    }
    return reach.get(id) ?? new Set();
  };
  const page = (roots: Set<Root>) =>
    roots.has('popup') || roots.has('sidepanel') || roots.has('library');
  const either = (roots: Set<Root>) => roots.has('popup') || roots.has('sidepanel');
  return [
    {
      name: (id, ctx) => {
        const roots = reachOf(id, ctx);
        return roots.has('background') && page(roots) ? 'core' : null;
      },
      priority: 3,
    },
    {
      name: (id, ctx) => {
        const roots = reachOf(id, ctx);
        return !roots.has('background') && roots.has('library') && either(roots) ? 'ui' : null;
      },
      priority: 2,
    },
    {
      name: (id, ctx) => {
        const roots = reachOf(id, ctx);
        const both = roots.has('popup') && roots.has('sidepanel');
        return !roots.has('background') && !roots.has('library') && both ? 'screen' : null;
      },
      priority: 1,
    },
  ];
}

/**
 * Unit tests run without crxjs: a `?script` import (a file name for scripting.executeScript)
 * becomes that name instead of running the script in the test's window.
 */
function scriptUrlsInTests(): PluginOption {
  const prefix = '\0earmark-script:';
  return {
    name: 'earmark:script-urls-in-tests',
    enforce: 'pre',
    resolveId(id) {
      const [path, query] = id.split('?');
      if (!query?.startsWith('script')) return null;
      return prefix + path!.replace(/^(\.\.\/)+/, 'src/').replace(/\.ts$/, '.js');
    },
    load(id) {
      return id.startsWith(prefix)
        ? `export default ${JSON.stringify(id.slice(prefix.length))};`
        : null;
    },
  };
}

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const plugins: PluginOption[] = [preact()];
  if (mode === 'test') plugins.push(scriptUrlsInTests());
  if (mode !== 'test') {
    plugins.push(
      crx({
        manifest: manifestFor(browser),
        browser,
        // One self-contained content script: no loader, no web-accessible chunks for all sites.
        contentScripts: { standaloneFiles: ['src/content/boot.ts'] },
      }),
      withoutWebAccessibleScripts(),
    );
  }
  return {
    plugins,
    build: {
      // crxjs follows Chrome's `side_panel` but not Firefox's `sidebar_action`: name the page.
      rollupOptions: {
        input: { sidepanel: 'src/ui/sidepanel/index.html' },
        output: {
          codeSplitting: { groups: firstScreenGroups() },
        },
      },
      // Both browsers preload modules natively: the polyfill would be a file of its own.
      modulePreload: { polyfill: false },
      outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
    },
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['test/unit/**/*.test.{ts,tsx}'],
            environment: 'happy-dom',
            setupFiles: ['test/support/unit-setup.ts'],
            // A timeout is not a speed check (speed lives in `npm run bench`): property tests
            // and DOM tests that pass in 1 s alone took over 5 s with both cores busy.
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          test: {
            // Checks of the built extension: run after `npm run build` and `build:firefox`.
            name: 'build',
            include: ['test/build/**/*.test.ts'],
            environment: 'node',
            testTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'e2e',
            include: ['test/e2e/**/*.e2e.ts'],
            environment: 'node',
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
        {
          extends: true,
          test: {
            // The Firefox build in Debian's firefox-esr, over WebDriver BiDi (puppeteer-core).
            name: 'e2e-firefox',
            include: ['test/e2e-firefox/**/*.e2e.ts'],
            environment: 'node',
            testTimeout: 120_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
