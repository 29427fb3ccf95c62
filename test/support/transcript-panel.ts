import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  REPO_ROOT,
  launchWithExtension,
  makeProfileDir,
  removeDir,
  tabIdFor,
  type ExtensionBrowser,
} from './browser';
import { servePages, type PageServer } from './server';
import { PANEL_PATH } from './side-panel';

export interface TranscriptPanelSetup {
  /** Serves test/fixtures/words: the episode page, its feed, transcript and chapters. */
  server: PageServer;
  browser: ExtensionBrowser;
  /** The episode page (episode.html) in a tab of its own. */
  page: Page;
  /** The side panel's page beside it, opened as a tab with `?tab=`, side-panel sized. */
  panel: Page;
  /** Closes the browser and the server, and removes the profile. */
  close(): Promise<void>;
}

/**
 * The transcript panel's browser tests' start: the built extension beside the episode page,
 * served from test/fixtures/words (or `root`, a folder laid out the same way).
 */
export async function openTranscriptPanel(
  root = join(REPO_ROOT, 'test/fixtures/words'),
  audioSeconds?: number,
): Promise<TranscriptPanelSetup> {
  const server = await servePages(root, audioSeconds);
  const profile = makeProfileDir();
  const browser = await launchWithExtension(profile);
  const close = async () => {
    await browser.close();
    await server.close();
    removeDir(profile);
  };
  try {
    const page = await browser.context.newPage();
    const url = `${server.origin}/episode.html`;
    await page.goto(url);
    const tabId = await tabIdFor(browser.worker, url);
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.goto(`chrome-extension://${browser.extensionId}/${PANEL_PATH}?tab=${tabId}`);
    return { server, browser, page, panel, close };
  } catch (error) {
    await close();
    throw error;
  }
}
