/**
 * Debian's firefox-esr with the Firefox build installed, driven by puppeteer-core over WebDriver
 * BiDi (playwright-core can't drive Debian's Firefox).
 *
 * Web pages are driven as in Chromium: real keyboard and mouse, scripts in the page. The
 * extension's own pages (the sidebar, the popup) are harder: BiDi leaves extension contexts out
 * of everything it drives (Firefox bug 1755014), and refuses to navigate a tab to a
 * moz-extension:// address. So Firefox starts with `--remote-allow-system-access`, which lets
 * BiDi run script in the browser's own window ("chrome" scope), and with the extension's pages
 * in the main process (`extensions.webextensions.remote: false`), so that window can read and
 * click the sidebar's document directly. That is the one way these tests differ from a
 * person's Firefox, where extension pages run in a process of their own; the extension's code,
 * its APIs and its IndexedDB are the same.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { REPO_ROOT } from './browser';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const DIST_FIREFOX_DIR = join(REPO_ROOT, 'dist-firefox');
/**
 * A fixed internal UUID, so the tests know the extension's moz-extension:// origin (Firefox
 * otherwise picks a random one per profile).
 */
export const ADDON_UUID = '0e5a1b7c-4d2f-4a3e-9b1c-ea57e17a0017';
export const ADDON_ORIGIN = `moz-extension://${ADDON_UUID}`;

/** Fails loudly, with the fix, when Firefox or the build is missing: never a silent skip. */
export function assertFirefoxReady(): void {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox not found at ${FIREFOX_PATH}. Install it with "sudo apt-get install -y firefox-esr" ` +
        '(Debian/Ubuntu), or set FIREFOX_PATH to a Firefox binary (142 or later).',
    );
  }
  if (!existsSync(join(DIST_FIREFOX_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${DIST_FIREFOX_DIR}: run "npm run build:firefox" first.`);
  }
}

function addonId(): string {
  const manifest = JSON.parse(readFileSync(join(DIST_FIREFOX_DIR, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id as string;
}

/** puppeteer's BiDi connection: it sends any WebDriver BiDi command, Firefox's own included. */
export interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export function bidiOf(browser: Browser): BidiConnection {
  return (browser as unknown as { connection: BidiConnection }).connection;
}

/** A WebDriver BiDi reply: the parts these helpers read. */
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

export interface FirefoxWithExtension {
  browser: Browser;
  addonId: string;
  /**
   * Runs `body` (a function body, which `return`s JSON) in the browser's own window, where
   * `sidebar` is the sidebar's document (null when no sidebar page is showing).
   */
  inSidebar<T>(body: string): Promise<T>;
  /** Runs `body` (a function body that `return`s JSON) in the browser's own window. */
  inBrowserWindow<T>(body: string): Promise<T>;
  /**
   * Closes the sidebar and opens it again, as a person does with its toolbar button, and waits
   * until it has read the active tab. Firefox opened it once at install, beside a blank tab.
   */
  reopenSidebar(): Promise<void>;
  /** The sidebar's visible text (empty while it is closed or loading). */
  sidebarText(): Promise<string>;
  /** The toolbar badge Firefox shows for the active tab. */
  badgeText(): Promise<string>;
  /** Opens a web page in a new tab, which becomes the active tab. */
  openPage(url: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts firefox-esr headless in a fresh temporary profile (puppeteer makes it and removes it
 * on close) and installs the Firefox build as a temporary add-on. `prefs` are Firefox's own
 * settings, added to these.
 */
export async function launchFirefox(
  options: { prefs?: Record<string, unknown> } = {},
): Promise<FirefoxWithExtension> {
  assertFirefoxReady();
  const id = addonId();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: ADDON_UUID }),
      'extensions.webextensions.remote': false,
      // Headless Firefox plays the test page's audio without a gesture, as Chromium does.
      'media.autoplay.default': 0,
      ...options.prefs,
    },
  });
  try {
    await browser.installExtension(DIST_FIREFOX_DIR);
  } catch (error) {
    await browser.close();
    throw error;
  }

  const connection = bidiOf(browser);
  let chromeWindow: string | null = null;
  async function inBrowserWindow<T>(body: string): Promise<T> {
    if (!chromeWindow) {
      const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
      const { contexts } = tree.result as { contexts: { context: string; url: string }[] };
      const main = contexts.find((c) => c.url.endsWith('/browser.xhtml'));
      if (!main) throw new Error('Firefox shows no browser window.');
      chromeWindow = main.context;
    }
    const reply = await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (async () => { ${body} })()))()`,
      target: { context: chromeWindow },
      awaitPromise: true,
    });
    const result = reply.result as EvaluateResult;
    if (result.type !== 'success') {
      throw new Error(`Evaluation in Firefox's window failed: ${result.exceptionDetails?.text}`);
    }
    const json = result.result?.value;
    return (typeof json === 'string' ? JSON.parse(json) : undefined) as T;
  }

  const inSidebar = <T>(body: string) =>
    inBrowserWindow<T>(`
      const frame = SidebarController.isOpen
        ? SidebarController.browser.contentDocument?.getElementById('webext-panels-browser')
        : null;
      const sidebar = frame?.currentURI?.spec.startsWith(${JSON.stringify(ADDON_ORIGIN)})
        ? frame.contentDocument
        : null;
      ${body}`);
  const sidebarText = () =>
    inSidebar<string>(`return sidebar?.readyState === 'complete' ? sidebar.body.innerText : '';`);
  // Firefox's id for the add-on's sidebar (its "widget id", from the add-on id).
  const sidebarId = `${id.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-sidebar-action`;

  return {
    browser,
    addonId: id,
    inBrowserWindow,
    inSidebar,
    sidebarText,
    async reopenSidebar() {
      await inBrowserWindow(`
        SidebarController.hide();
        await SidebarController.show(${JSON.stringify(sidebarId)});
        return true;`);
      const deadline = Date.now() + 10_000;
      for (;;) {
        const text = await sidebarText();
        if (text !== '' && !text.startsWith('Reading the page')) return;
        if (Date.now() > deadline) throw new Error(`The sidebar did not load: "${text}"`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    badgeText: () =>
      inBrowserWindow<string>(`
        const { ExtensionParent } = ChromeUtils.importESModule(
          'resource://gre/modules/ExtensionParent.sys.mjs',
        );
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(id)}).extension;
        const action = ExtensionParent.apiManager.global.browserActionFor(extension).action;
        return action.getProperty(gBrowser.selectedTab, 'badgeText') ?? '';`),
    async openPage(url) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.bringToFront();
      return page;
    },
    close: () => browser.close(),
  };
}
