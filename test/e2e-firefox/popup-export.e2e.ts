/**
 * The popup's Copy as rich text and Send to Obsidian in Debian's firefox-esr (issue 14): both
 * clipboard flavours from a click in the toolbar popup, the HTML read back by Firefox's own
 * parser, and the Markdown left on the clipboard by a send.
 *
 * The popup is reached through Firefox's own window, as in extension-pages.e2e.ts (see
 * test/support/firefox.ts). Clicks from there carry no user activation, which the clipboard
 * requires, so each click first marks the popup's document as activated by the person
 * (`notifyUserGestureActivation`, a chrome-only call), as a real click would.
 *
 * What Firefox does with the obsidian:// link is not checked here: WebDriver BiDi does not
 * report navigations it hands to the system, and with no app, Firefox's own "choose an
 * application" prompt takes the focus, which the popup cannot tell from the app's window.
 * Chromium's test (test/e2e/export-targets.e2e.ts) reads the link itself.
 */
import { join } from 'node:path';
import type { Heading, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/browser';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { selectWordsInPage } from '../support/page-actions';
import { servePages, type PageServer } from '../support/server';

const TITLE = 'Episode 7: The sound of a page turning';
const QUOTE = 'And what do you record first, when you walk into one?';

let server: PageServer;
let firefox: FirefoxWithExtension;
let page: Page;

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/pages-e2e'));
  firefox = await launchFirefox();
  page = await firefox.openPage(`${server.origin}/episode.html`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** The toolbar popup's document, opened as a click on the toolbar button opens it. */
const inPopup = <T>(body: string) =>
  firefox.inBrowserWindow<T>(`
    const frame = document.querySelector('browser.webextension-popup-browser');
    const popup = frame?.contentDocument?.readyState === 'complete' ? frame.contentDocument : null;
    ${body}`);

const clickInPopup = (label: string) =>
  inPopup<boolean>(`
    const button = [...(popup?.querySelectorAll('button:not([disabled])') ?? [])]
      .find((b) => b.textContent.trim() === ${JSON.stringify(label)});
    if (!button) return false;
    popup.notifyUserGestureActivation();
    button.click();
    return true;`);

const popupNotice = () =>
  inPopup<string>(`return popup?.querySelector('.notice')?.textContent ?? '';`);

/** One flavour of the system clipboard, read by Firefox itself; null when it holds none. */
const clipboard = (flavour: 'text/plain' | 'text/html') =>
  firefox.inBrowserWindow<string | null>(`
    const transfer = Cc['@mozilla.org/widget/transferable;1'].createInstance(Ci.nsITransferable);
    transfer.init(null);
    transfer.addDataFlavor(${JSON.stringify(flavour)});
    Services.clipboard.getData(transfer, Ci.nsIClipboard.kGlobalClipboard);
    const data = {};
    try {
      transfer.getTransferData(${JSON.stringify(flavour)}, data);
    } catch {
      return null;
    }
    return data.value.QueryInterface(Ci.nsISupportsString).data;`);

describe("the popup's rich copy and send in Firefox", () => {
  it('saves a quote from the popup to export', async () => {
    await page.evaluate(selectWordsInPage, QUOTE);
    await firefox.inBrowserWindow(`
      const { ExtensionParent } = ChromeUtils.importESModule(
        'resource://gre/modules/ExtensionParent.sys.mjs',
      );
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(firefox.addonId)}).extension;
      ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      return true;`);
    await expect
      .poll(() => inPopup<string>(`return popup?.body.innerText ?? '';`), { timeout: 10_000 })
      .toContain('Copy as rich text');
    expect(await clickInPopup('Save selection as quote')).toBe(true);
    await expect
      .poll(() =>
        inPopup<string[]>(
          `return [...(popup?.querySelectorAll('li.quote blockquote') ?? [])].map((q) => q.textContent);`,
        ),
      )
      .toEqual([QUOTE]);
  });

  it('copies rich text: HTML with the Markdown’s headings and quote, and the Markdown', async () => {
    expect(await clickInPopup('Copy as rich text')).toBe(true);
    await expect.poll(popupNotice, { timeout: 10_000 }).toMatch(/^Copied as rich text/);
    const markdown = (await clipboard('text/plain'))!;
    const html = (await clipboard('text/html'))!;
    expect(markdown.startsWith(`# Podcast Episode Overview: ${TITLE}\n`)).toBe(true);

    const parsed = await firefox.inBrowserWindow<{ headings: string[]; quotes: string[] }>(`
      const doc = new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html');
      const text = (e) => e.textContent.replace(/\\s+/g, ' ').trim();
      return {
        headings: [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
          (h) => h.tagName.toLowerCase() + ' ' + text(h),
        ),
        quotes: [...doc.querySelectorAll('blockquote')].map(text),
      };`);
    const tree: Root = fromMarkdown(markdown);
    const headings = tree.children.filter((n): n is Heading => n.type === 'heading');
    expect(parsed.headings).toEqual(headings.map((h) => `h${h.depth} ${toString(h)}`));
    expect(parsed.headings[0]).toBe(`h1 Podcast Episode Overview: ${TITLE}`);
    expect(parsed.quotes.some((q) => q.includes(QUOTE))).toBe(true);
  });

  it('leaves the Markdown on the clipboard when sending to Obsidian, and says so', async () => {
    // Something else on the clipboard first, so the send must put the note there itself.
    await page.evaluate(() => navigator.clipboard.writeText('something else'));
    expect(await clipboard('text/plain')).toBe('something else');
    expect(await clickInPopup('Send to Obsidian')).toBe(true);
    await expect.poll(popupNotice, { timeout: 10_000 }).toMatch(/The Markdown is on the clipboard/);
    expect(await clipboard('text/plain')).toMatch(
      new RegExp(`^# Podcast Episode Overview: ${TITLE}\\n`),
    );
  });
});
