/**
 * Popup first render in real Chromium with the built extension, for an episode with no quotes
 * and with 1,000 (seeded into the extension's own IndexedDB through its store, from the popup
 * page). Times are from navigation start: to the first frame after the first render, drawn (the
 * popup's own `earmark:painted` performance mark), and to the ready view in the DOM (watched
 * by an init script, so no polling delay counts). Opening the popup includes asking the tab's
 * content script what the page is, and reading the episode's quotes from IndexedDB. With many
 * quotes the popup draws its newest ones first and reads the rest after that first frame: each
 * opening waits for the rest (`earmark:rest-read`) before the next, so that no opening pays for
 * the one before it, and the figure "whole list read" says when the rest is there.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchGlobal } from '../browser-entry';
import { popupUrl, REPO_ROOT, type ExtensionBrowser } from '../../test/support/browser';
import { servePages } from '../../test/support/server';
import type { BenchContext, BenchGroup } from '../lib/context';
import { emptyPageFigure, withEmptyPage } from '../lib/empty-page';
import { openTab } from '../lib/episode-page';
import { timingFigure, type Figure } from '../lib/figures';
import { summarise } from '../lib/stats';

const GROUP = 'popup';
export const FIRST_RENDER_BUDGET_MS = 100;
/** The popup's own part of its first render with 1,000 quotes (issue 16; 52 ms before it). */
export const OWN_PART_BUDGET_MS = 25;
const SEEDED_QUOTES = 1000;
/** A popup's size. */
const POPUP_SIZE = { width: 400, height: 600 };

/** What one opening of the popup took, in ms since navigation start (performance.timeOrigin). */
interface Opening {
  /** The ready view (title, and a first quote row when there are quotes) is in the DOM. */
  domMs: number;
  /** The popup's own `earmark:painted` mark: the first frame after its first render, drawn. */
  paintedMs: number | null;
  /** The popup's own `earmark:render` measure: quotes read → DOM committed. */
  renderMs: number | null;
  /** The popup's own `earmark:data-loaded` mark: the tab's page and the quotes are read. */
  dataMs: number | null;
  /** The popup's own `earmark:start` mark: its scripts are loaded and its own work begins. */
  startMs: number | null;
  /** The popup's `earmark:rest-read` mark: the rest of a long list is read (null: none to read). */
  restMs: number | null;
}

/**
 * Watches the popup from its first byte: `__benchDom` resolves when the ready view is in the
 * DOM (an h1 title, and for quotes a first `.quote` row: the list may render only the rows in
 * view); `__benchPainted` when the popup marks `earmark:painted`, or null if it never does
 * (builds before the marks). A string, so that no compiler helper ends up in the page.
 */
const OPENING_WATCH = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const expected = Number(new URLSearchParams(location.search).get('benchQuotes') || '0');
  window.__benchDom = new Promise((resolve) => {
    new MutationObserver((_records, observer) => {
      const app = document.getElementById('app') || document.body;
      if (!app.querySelector('h1')) return;
      if (expected > 0 && !app.querySelector('.quote')) return;
      resolve(performance.now());
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
  window.__benchPainted = new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const mark = list.getEntriesByName('earmark:painted')[0];
      if (!mark) return;
      resolve(mark.startTime);
      observer.disconnect();
    }).observe({ type: 'mark', buffered: true });
    setTimeout(() => resolve(null), 5000);
  });
  window.__benchRest = new Promise((resolve) => {
    new PerformanceObserver((list, observer) => {
      const mark = list.getEntriesByName('earmark:rest-read')[0];
      if (!mark) return;
      resolve(mark.startTime);
      observer.disconnect();
    }).observe({ type: 'mark', buffered: true });
    setTimeout(() => resolve(null), 5000);
  });
})();`;

/** Reads the opening's figures once the popup has painted (or the watch gave up). */
const OPENING_FIGURES = `Promise.all([window.__benchDom, window.__benchPainted]).then(([domMs, paintedMs]) => {
  const render = performance.getEntriesByName('earmark:render')[0];
  const data = performance.getEntriesByName('earmark:data-loaded')[0];
  const start = performance.getEntriesByName('earmark:start')[0];
  return {
    startMs: start ? start.startTime : null,
    domMs,
    paintedMs,
    renderMs: render ? render.duration : null,
    dataMs: data ? data.startTime : null,
    restMs: null,
  };
})`;

/** The rest of a long list read, once the first frame's figures are taken. */
const REST_READ = `window.__benchRest`;

async function open(popup: Page, url: string, quotes: number): Promise<Opening> {
  await popup.goto(url);
  // Awaits the promises the init script made: this costs the popup nothing while it renders.
  const opening = await popup.evaluate<Opening>(OPENING_FIGURES);
  // The rest of a long list is read after the first frame: the next opening starts after it.
  if (quotes > 0) opening.restMs = await popup.evaluate<number | null>(REST_READ);
  return opening;
}

async function measure(
  context: BenchContext,
  extension: ExtensionBrowser,
  popup: Page,
  tabId: number,
  quotes: number,
): Promise<Figure[]> {
  const { warmup, runs } = context.runs([2, 15], [1, 3]);
  const url = `${popupUrl(extension.extensionId, tabId)}&benchQuotes=${quotes}`;
  const openings: Opening[] = [];
  for (let run = -warmup; run < runs; run++) {
    const opening = await open(popup, url, quotes);
    if (run >= 0) openings.push(opening);
  }
  const shown = await popup.locator('.quote').count();
  if (quotes > 0 && shown === 0) throw new Error(`the popup showed no quotes of ${quotes}`);
  const label = `${quotes.toLocaleString('en')} quotes`;
  const painted = openings.map((o) => o.paintedMs);
  const render = openings.map((o) => o.renderMs);
  const figures: Figure[] = [];
  if (painted.every((ms): ms is number => ms !== null)) {
    figures.push(
      timingFigure(
        GROUP,
        `first render, ${label}`,
        summarise(painted),
        FIRST_RENDER_BUDGET_MS,
        `navigation start → the first frame after render, drawn (earmark:painted); ${shown} rows in the DOM`,
      ),
    );
  } else {
    figures.push(
      timingFigure(
        GROUP,
        `first render, ${label}`,
        summarise(openings.map((o) => o.domMs)),
        FIRST_RENDER_BUDGET_MS,
        'navigation start → view in the DOM (this build has no earmark:painted mark)',
      ),
    );
  }
  figures.push(
    timingFigure(
      GROUP,
      `view in the DOM, ${label}`,
      summarise(openings.map((o) => o.domMs)),
      null,
      'navigation start → title (and first quote row) in the DOM',
    ),
  );
  const ownPart = openings.map((o) =>
    o.paintedMs !== null && o.startMs !== null ? o.paintedMs - o.startMs : null,
  );
  if (ownPart.every((ms): ms is number => ms !== null)) {
    figures.push(
      timingFigure(
        GROUP,
        `popup's own part of the first render, ${label}`,
        summarise(ownPart),
        quotes >= SEEDED_QUOTES ? OWN_PART_BUDGET_MS : null,
        "earmark:start (scripts loaded) → earmark:painted: the part the popup's code decides",
      ),
    );
  }
  const rest = openings.map((o) => o.restMs);
  if (quotes > 0 && rest.every((ms): ms is number => ms !== null)) {
    figures.push(
      timingFigure(
        GROUP,
        `whole list read, ${label}`,
        summarise(rest),
        null,
        'navigation start → earmark:rest-read: the quotes after the first screen, read after its frame',
      ),
    );
  }
  const data = openings.map((o) => o.dataMs);
  if (data.every((ms): ms is number => ms !== null)) {
    figures.push(
      timingFigure(
        GROUP,
        `data read, ${label}`,
        summarise(data),
        null,
        'navigation start → earmark:data-loaded: scripts run, tab asked, quotes read',
      ),
    );
  }
  if (render.every((ms): ms is number => ms !== null)) {
    figures.push(
      timingFigure(
        GROUP,
        `render after data read, ${label}`,
        summarise(render),
        null,
        'earmark:render: tab and quotes read → DOM committed',
      ),
    );
  }
  return figures;
}

export const popup: BenchGroup = {
  name: GROUP,
  about: 'popup first render with 0 and 1,000 quotes (navigation start → episode in the DOM)',
  usesBrowser: true,
  async run(context: BenchContext) {
    const bundle = await context.bundle('browser-entry');
    const server = await servePages(join(REPO_ROOT, 'test/fixtures/demo'));
    try {
      return await withEmptyPage(context.distDir, async (extension) => {
        const episodeUrl = `${server.origin}/episode.html`;
        const { tabId } = await openTab(extension, episodeUrl);
        const page = await extension.context.newPage();
        await page.setViewportSize(POPUP_SIZE);
        await page.addInitScript({ content: OPENING_WATCH });

        context.log('popup: first render, 0 quotes');
        const figures = await measure(context, extension, page, tabId, 0);

        context.log(`popup: seeding ${SEEDED_QUOTES} quotes through the store`);
        await page.evaluate(bundle);
        const stored = await page.evaluate(
          ({ url, count }) =>
            (globalThis as unknown as BenchGlobal).earmarkBench.seedEpisode(url, count),
          { url: episodeUrl, count: SEEDED_QUOTES },
        );
        if (stored !== SEEDED_QUOTES) {
          throw new Error(`seeded ${SEEDED_QUOTES} quotes but the store holds ${stored}`);
        }
        context.log(`popup: first render, ${SEEDED_QUOTES} quotes`);
        figures.push(...(await measure(context, extension, page, tabId, SEEDED_QUOTES)));

        // The floor under the figures above, in the same browser: an empty page of ours.
        figures.push(
          await emptyPageFigure(context, extension, GROUP, POPUP_SIZE, 'the first render above'),
        );
        return figures;
      });
    } finally {
      await server.close();
    }
  },
};
