import type { Page } from 'playwright-core';
import { tabIdFor, type ExtensionBrowser } from '../../test/support/browser';

/** Opens a page in the extension's browser and finds its tab id through the content script. */
export async function openTab(
  extension: ExtensionBrowser,
  url: string,
): Promise<{ page: Page; tabId: number }> {
  const page = await extension.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const tabId = await tabIdFor(extension.worker, url);
  return { page, tabId };
}
