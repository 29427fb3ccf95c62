import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import {
  REPO_ROOT,
  launchWithExtension,
  makeProfileDir,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from './browser';
import { readClosedUi } from './closed-shadow';
import { extensionDb } from './extension-db';
import { servePages, type PageServer } from './server';

export interface EpisodePages {
  /** The built extension in Chromium, with a profile of its own (after `beforeAll`). */
  readonly browser: ExtensionBrowser;
  /** Where test/fixtures/pages-e2e is served, e.g. `${origin}/episode.html`. */
  readonly origin: string;
  /** Opens the episode page in a new tab, once the content script answers there. */
  openEpisode(): Promise<Page>;
  /** The quotes in the extension's IndexedDB (none before it has made one). */
  storedQuotes<Quote>(): Promise<Quote[]>;
  clearQuotes(): Promise<unknown>;
}

/**
 * A test file's browser for capture on the e2e episode page: serves the pages, launches the
 * built extension in a fresh profile before the file's tests, and closes and removes both
 * after them. Call it once at the top of the file (it registers beforeAll and afterAll).
 */
export function useEpisodePages(): EpisodePages {
  let server: PageServer | undefined;
  let profile: string | undefined;
  let browser: ExtensionBrowser | undefined;

  beforeAll(async () => {
    server = await servePages(join(REPO_ROOT, 'test/fixtures/pages-e2e'));
    profile = makeProfileDir();
    browser = await launchWithExtension(profile);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (profile) removeDir(profile);
  });

  const started = () => {
    if (!browser || !server) throw new Error('The episode pages are used before beforeAll ran');
    return { browser, server };
  };

  return {
    get browser() {
      return started().browser;
    },
    get origin() {
      return started().server.origin;
    },
    async openEpisode() {
      const { browser, server } = started();
      const page = await browser.context.newPage();
      const url = `${server.origin}/episode.html`;
      await page.goto(url);
      await tabIdFor(browser.worker, url);
      return page;
    },
    async storedQuotes<Quote>() {
      const { worker } = started().browser;
      return (await extensionDb<Quote[]>(worker, { op: 'getAll', store: 'quotes' })) ?? [];
    },
    // The quotes and the counts the store keeps of them (a test's clean slate, not a store
    // write: the store has no "delete every quote").
    clearQuotes: () =>
      Promise.all(
        ['quotes', 'quoteCounts'].map((store) =>
          extensionDb(started().browser.worker, { op: 'clear', store }),
        ),
      ),
  };
}

/** The text of Earmark's in-page confirmation (in its closed shadow root), or null. */
export const toastText = async (page: Page) =>
  (await readClosedUi(page, 'earmark-toast'))?.text ?? null;
