/**
 * `npm run demo`: serves the bundled demo episode page on 127.0.0.1 and opens Chromium with
 * the built extension loaded. With a display, the browser stays open for you to try it; without
 * one, it runs headless, captures a quote, and writes the export and a screenshot to
 * demo-output/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  REPO_ROOT,
  launchWithExtension,
  makeProfileDir,
  popupUrl,
  removeDir,
  tabIdFor,
} from '../test/support/browser';
import { playAndSeek, selectText } from '../test/support/page-actions';
import { servePages } from '../test/support/server';

const OUTPUT = process.env.EARMARK_DEMO_OUTPUT ?? join(REPO_ROOT, 'demo-output');
const QUOTE = 'While listening, with the time next to every line.';

const headless = !process.env.DISPLAY || process.argv.includes('--headless');
const server = await servePages(join(REPO_ROOT, 'test/fixtures/demo'));
const profile = makeProfileDir();
const browser = await launchWithExtension(profile, { headless });
const url = `${server.origin}/episode.html`;

async function cleanUp(): Promise<void> {
  await browser.close().catch(() => undefined);
  await server.close();
  removeDir(profile);
}

try {
  const page = await browser.context.newPage();
  await page.goto(url);
  const tabId = await tabIdFor(browser.worker, url);
  if (!headless) {
    console.log(`Demo episode: ${url}`);
    console.log(
      'Play it, highlight a sentence, and click the Earmark icon (pin it from the puzzle-piece menu).',
    );
    console.log('Close the browser window to end the demo.');
    await new Promise<void>((resolve) => browser.context.on('close', () => resolve()));
  } else {
    await playAndSeek(page, 64);
    await selectText(page, QUOTE);
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 400, height: 560 });
    await popup.goto(popupUrl(browser.extensionId, tabId));
    await popup.getByRole('button', { name: 'Save selection as quote' }).click();
    await popup.locator('.quote').first().waitFor();
    await popup.getByRole('tab', { name: 'Overview' }).click();
    await popup
      .getByLabel('My 2 cents')
      .fill('Timestamps turn listening notes into an index: worth the habit.');
    await popup.locator('#two-cents-status', { hasText: 'Saved' }).waitFor();
    await popup.getByRole('tab', { name: /^Quotes/ }).click();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export Markdown' }).click(),
    ]);
    mkdirSync(OUTPUT, { recursive: true });
    const markdownPath = join(OUTPUT, download.suggestedFilename());
    await download.saveAs(markdownPath);
    const screenshotPath = join(OUTPUT, 'popup.png');
    writeFileSync(screenshotPath, await popup.screenshot());
    console.log('No display: ran the demo headless.');
    console.log(`Exported Markdown: ${markdownPath}`);
    console.log(`Popup screenshot:  ${screenshotPath}`);
  }
} finally {
  await cleanUp();
}
