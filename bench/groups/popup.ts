/**
 * Popup first render in real Chromium with the built extension, for an episode with no quotes
 * and with 1,000 (seeded into the extension's own IndexedDB through its store, from the popup
 * page). The figure is the time from navigation start until the popup's ready view is in the
 * DOM: its title, and its first quote row for 1,000 quotes (the list may render only the rows
 * in view). An init script watches the DOM, so no polling delay counts.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchGlobal } from '../browser-entry';
import { popupUrl, REPO_ROOT, type ExtensionBrowser } from '../../test/support/browser';
import { servePages } from '../../test/support/server';
import { withExtension } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { openTab } from '../lib/episode-page';
import { timingFigure, type Figure } from '../lib/figures';
import { summarise } from '../lib/stats';

const GROUP = 'popup';
export const FIRST_RENDER_BUDGET_MS = 100;
const SEEDED_QUOTES = 1000;

/**
 * Resolves `__benchRendered` with `performance.now()` (ms since navigation start) as soon as the
 * popup shows its episode: an h1 title, and for quotes a first `.quote` row. A string, so that
 * no compiler helper ends up in code that runs in the page.
 */
const RENDER_WATCH = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const expected = Number(new URLSearchParams(location.search).get('benchQuotes') || '0');
  window.__benchRendered = new Promise((resolve) => {
    new MutationObserver((_records, observer) => {
      const app = document.getElementById('app') || document.body;
      if (!app.querySelector('h1')) return;
      if (expected > 0 && !app.querySelector('.quote')) return;
      resolve(performance.now());
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
})();`;

async function firstRender(popup: Page, url: string): Promise<number> {
  await popup.goto(url);
  // The promise the init script made; awaiting it costs the popup nothing while it renders.
  return popup.evaluate<number>('window.__benchRendered');
}

async function measure(
  context: BenchContext,
  extension: ExtensionBrowser,
  popup: Page,
  tabId: number,
  quotes: number,
): Promise<number[]> {
  const { warmup, runs } = context.runs([2, 15], [1, 3]);
  const url = `${popupUrl(extension.extensionId, tabId)}&benchQuotes=${quotes}`;
  const samples: number[] = [];
  for (let run = -warmup; run < runs; run++) {
    const ms = await firstRender(popup, url);
    if (run >= 0) samples.push(ms);
  }
  const shown = await popup.locator('.quote').count();
  if (quotes > 0 && shown === 0) throw new Error(`the popup showed no quotes of ${quotes}`);
  return samples;
}

export const popup: BenchGroup = {
  name: GROUP,
  about: 'popup first render with 0 and 1,000 quotes (navigation start → episode in the DOM)',
  usesBrowser: true,
  async run(context: BenchContext) {
    const bundle = await context.bundle();
    const server = await servePages(join(REPO_ROOT, 'test/fixtures/demo'));
    try {
      return await withExtension(async (extension) => {
        const episodeUrl = `${server.origin}/episode.html`;
        const { tabId } = await openTab(extension, episodeUrl);
        const page = await extension.context.newPage();
        await page.setViewportSize({ width: 400, height: 600 });
        await page.addInitScript({ content: RENDER_WATCH });
        const figures: Figure[] = [];

        context.log('popup: first render, 0 quotes');
        const empty = await measure(context, extension, page, tabId, 0);
        figures.push(
          timingFigure(
            GROUP,
            'first render, 0 quotes',
            summarise(empty),
            FIRST_RENDER_BUDGET_MS,
            'navigation start → title in the DOM',
          ),
        );

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
        const full = await measure(context, extension, page, tabId, SEEDED_QUOTES);
        figures.push(
          timingFigure(
            GROUP,
            `first render, ${SEEDED_QUOTES.toLocaleString('en')} quotes`,
            summarise(full),
            FIRST_RENDER_BUDGET_MS,
            'navigation start → title and first quote row in the DOM',
          ),
        );
        return figures;
      });
    } finally {
      await server.close();
    }
  },
};
