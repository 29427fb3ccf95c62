/**
 * The extension's own pages in Debian's firefox-esr: the sidebar (Firefox's side panel) and
 * the toolbar popup, on a page Earmark's start-up script left alone (no player, no podcast
 * metadata), so they must add the full content script themselves with
 * `scripting.executeScript`. Firefox resolves that script's path against the calling page: a
 * relative path made the sidebar ask for src/ui/sidepanel/src/content/main.js, and it could
 * read no such page (see src/core/extension-path.ts). These tests fail with that path.
 *
 * How the sidebar and the popup are reached (BiDi does not drive extension pages), and the one
 * way this Firefox differs from a person's, is in test/support/firefox.ts.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/browser';
import { ADDON_ORIGIN, launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import { readClosedUi } from '../support/firefox-page';
import { selectWordsInPage } from '../support/page-actions';
import { servePages, type PageServer } from '../support/server';

const TITLE = 'Notes on quiet rooms';
const QUOTE = 'A quiet room is a kind of agreement between strangers.';
const POPUP_QUOTE = 'Nobody signs it, and everybody keeps it until someone sneezes.';
const NOT_AN_EPISODE = "This page doesn't look like a podcast episode.";
const CANNOT_READ = 'Earmark cannot read this page.';

let server: PageServer;
let firefox: FirefoxWithExtension;
let page: Page;

beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/pages-e2e'));
  firefox = await launchFirefox();
  page = await firefox.openPage(`${server.origin}/article.html`);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Whether the full content script is in the page: it answers with a confirmation there. */
const toastText = async () => (await readClosedUi(page, 'earmark-toast'))?.text ?? null;

/** The toolbar popup's document, opened as a click on the toolbar button opens it. */
const inPopup = <T>(body: string) =>
  firefox.inBrowserWindow<T>(`
    const frame = document.querySelector('browser.webextension-popup-browser');
    const popup = frame?.contentDocument?.readyState === 'complete' ? frame.contentDocument : null;
    ${body}`);

const clickIn = (doc: 'sidebar' | 'popup', label: string) => `
  const button = [...(${doc}?.querySelectorAll('button') ?? [])]
    .find((b) => b.textContent.trim() === ${JSON.stringify(label)});
  if (!button) return false;
  button.click();
  return true;`;

describe('the sidebar in Firefox', () => {
  it('reads a page Earmark had not loaded into', async () => {
    await firefox.reopenSidebar();

    const text = await firefox.sidebarText();
    expect(text).not.toContain(CANNOT_READ);
    expect(text).toContain(TITLE);
    expect(text).toContain(NOT_AN_EPISODE);
  });

  it('saves the selection on that page as a quote, and lists it', async () => {
    await page.evaluate(selectWordsInPage, QUOTE);

    expect(await firefox.inSidebar<boolean>(clickIn('sidebar', 'Save selection as quote'))).toBe(
      true,
    );

    // No player on the page: saved without a time, and the page says so too.
    await expect.poll(() => firefox.sidebarText()).toContain('Saved (no playback time');
    await expect.poll(toastText).toContain('Quote saved');
    await expect
      .poll(() =>
        firefox.inSidebar<string[]>(
          `return [...sidebar.querySelectorAll('li.quote blockquote')].map((q) => q.textContent);`,
        ),
      )
      .toEqual([QUOTE]);
  });
});

describe('the toolbar popup in Firefox', () => {
  it('opens on the page, lists its quote, and saves another selection', async () => {
    await page.evaluate(selectWordsInPage, POPUP_QUOTE);
    await firefox.inBrowserWindow(`
      const { ExtensionParent } = ChromeUtils.importESModule(
        'resource://gre/modules/ExtensionParent.sys.mjs',
      );
      const extension = WebExtensionPolicy.getByID(${JSON.stringify(firefox.addonId)}).extension;
      ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      return true;`);

    await expect
      .poll(() => inPopup<string>(`return popup?.body.innerText ?? '';`), { timeout: 10_000 })
      .toContain(TITLE);
    expect(await inPopup<string>(`return popup.body.innerText;`)).not.toContain(CANNOT_READ);
    expect(await inPopup<boolean>(clickIn('popup', 'Save selection as quote'))).toBe(true);

    await expect
      .poll(() =>
        inPopup<string[]>(
          `return [...(popup?.querySelectorAll('li.quote blockquote') ?? [])].map((q) => q.textContent);`,
        ),
      )
      // The popup lists the newest first.
      .toEqual([POPUP_QUOTE, QUOTE]);
  });
});

describe('the library in Firefox', () => {
  it('opens from the popup’s "Open library" and lists the episode with its quotes', async () => {
    expect(await inPopup<boolean>(clickIn('popup', 'Open library'))).toBe(true);

    // runtime.openOptionsPage() opens the library in a tab of its own, which Firefox selects.
    const libraryText = () =>
      firefox.inBrowserWindow<string>(`
        const browser = gBrowser.selectedBrowser;
        const url = browser.currentURI.spec;
        if (!url.startsWith(${JSON.stringify(ADDON_ORIGIN)} + '/src/ui/library/')) return '';
        return browser.contentDocument?.body?.innerText ?? '';`);
    await expect.poll(libraryText, { timeout: 10_000 }).toContain(TITLE);
    expect(await libraryText()).toContain('Quotes: 2');
  });
});
