import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST_DIR = join(REPO_ROOT, 'dist');
/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Quiet, local, test-friendly Chromium: no GPU, sync, updates or background fetches. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-sync',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--autoplay-policy=no-user-gesture-required',
];
export const POPUP_PATH = 'src/ui/popup/index.html';

/** Fails loudly, with the fix, when the browser or the build is missing: never a silent skip. */
export function assertBrowserReady(extensionDir = DIST_DIR): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. Install it with "sudo apt-get install -y chromium" ` +
        '(Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run "npm run build" first.`);
  }
}

export function makeProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'earmark-profile-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Starts Chromium with the built extension loaded unpacked, in the given profile. */
export async function launchWithExtension(
  profileDir: string,
  options: { extensionDir?: string; headless?: boolean } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? DIST_DIR;
  assertBrowserReady(extensionDir);
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    acceptDownloads: true,
    viewport: { width: 1100, height: 800 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_ARGS,
    ],
  });
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, close: () => context.close() };
}

/**
 * The tab id of the open page at `url`. Without the `tabs` permission the extension can't see
 * tab URLs, so ask each tab's content script where it is, as the popup would.
 */
export async function tabIdFor(worker: Worker, url: string): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const id = await worker.evaluate(async (wanted) => {
      for (const tab of await chrome.tabs.query({})) {
        if (tab.id === undefined) continue;
        const reply = await chrome.tabs
          .sendMessage(tab.id, { type: 'page/read' })
          .catch(() => null);
        if (reply?.ok && reply.page.url === wanted) return tab.id;
      }
      return null;
    }, url);
    if (id !== null) return id;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No tab with Earmark's content script at ${url}`);
}

export async function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((tab) => chrome.action.getBadgeText({ tabId: tab }), tabId);
}

export function popupUrl(extensionId: string, tabId: number): string {
  return `chrome-extension://${extensionId}/${POPUP_PATH}?tab=${tabId}`;
}
