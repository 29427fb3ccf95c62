import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { servePages } from '../../test/support/server';
import {
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  launchWithExtension,
  makeProfileDir,
  removeDir,
  type ExtensionBrowser,
} from '../../test/support/browser';

/**
 * Chromium without the extension, for measuring core functions in a real engine. The same
 * binary and flags as the extension harness (test/support/browser.ts), minus the extension;
 * `--expose-gc` lets runs start from a collected heap.
 */
export async function launchPlain(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'],
  });
}

/**
 * Keeps a context's pages on this machine: requests to any origin but `allowedOrigin` are
 * aborted, so a saved real page cannot fetch its trackers, fonts or images.
 */
export async function onlyLocal(context: BrowserContext, allowedOrigin: string): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${allowedOrigin}/`) || url.startsWith('data:')) return route.continue();
    return route.abort();
  });
}

/** Main-thread and heap figures of one page, from the DevTools protocol's Performance domain. */
export interface PageMetrics {
  taskMs: number;
  scriptMs: number;
  heapUsedBytes: number;
  nodes: number;
}

export async function pageMetrics(page: Page): Promise<PageMetrics> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Performance.enable');
    const { metrics } = await session.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      taskMs: value('TaskDuration') * 1000,
      scriptMs: value('ScriptDuration') * 1000,
      heapUsedBytes: value('JSHeapUsedSize'),
      nodes: value('Nodes'),
    };
  } finally {
    await session.detach();
  }
}

/** Collects garbage in the page's renderer, so that heap figures count only what is retained. */
export async function collectGarbage(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
  } finally {
    await session.detach();
  }
}

/**
 * Runs `work` with Chromium and the built extension in a fresh profile, and always closes the
 * browser and removes the profile afterwards, also when `work` fails.
 */
export async function withExtension<T>(
  work: (extension: ExtensionBrowser) => Promise<T>,
): Promise<T> {
  const profile = makeProfileDir();
  let extension: ExtensionBrowser | null = null;
  try {
    extension = await launchWithExtension(profile);
    return await work(extension);
  } finally {
    await extension?.close().catch(() => undefined);
    removeDir(profile);
  }
}

/**
 * Runs `work` on a page of ours (`path` under the bench's pages folder, served from
 * 127.0.0.1, every other origin blocked) in Chromium without the extension, with a bench
 * bundle evaluated in it; browser and server are closed afterwards, also when `work` fails.
 */
export async function withBenchPage<T>(
  options: { pagesDir: string; path: string; bundle: string },
  work: (page: Page) => Promise<T>,
): Promise<T> {
  const server = await servePages(options.pagesDir);
  const browser = await launchPlain();
  try {
    const browserContext = await browser.newContext();
    await onlyLocal(browserContext, server.origin);
    const page = await browserContext.newPage();
    await page.goto(`${server.origin}/${options.path}`, { waitUntil: 'load' });
    await page.evaluate(options.bundle);
    return await work(page);
  } finally {
    await browser.close();
    await server.close();
  }
}
