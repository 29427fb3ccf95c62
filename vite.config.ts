import { defineConfig, type PluginOption } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
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

export default defineConfig(({ mode }) => {
  const browser: Browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const plugins: PluginOption[] = [preact()];
  if (mode !== 'test') {
    plugins.push(
      crx({
        manifest: manifestFor(browser),
        browser,
        // One self-contained content script: no loader, no web-accessible chunks for all sites.
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    );
  }
  return {
    plugins,
    build: {
      // crxjs follows Chrome's `side_panel` but not Firefox's `sidebar_action`: name the page.
      rollupOptions: { input: { sidepanel: 'src/ui/sidepanel/index.html' } },
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
      ],
    },
  };
});
