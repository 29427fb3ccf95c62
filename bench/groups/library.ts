/**
 * Library search per keystroke on 10,000 quotes (issue 7: < 30 ms), in real Chromium, with
 * core's search (src/core/search.ts, what the library page runs): typing two queries letter
 * by letter, each keystroke searching the whole library and highlighting the rows on screen.
 * Rendering the result list is not included. Printed as not built yet while the search
 * module does not exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchBenchGlobal } from '../search-entry';
import { launchPlain, onlyLocal } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { notBuiltFigure, timingFigure } from '../lib/figures';
import { summarise } from '../lib/stats';
import { PAGES } from '../pages/write';
import { servePages } from '../../test/support/server';

const GROUP = 'library';
export const SEARCH_BUDGET_MS = 30;
const EPISODES = 500;
const QUOTES_PER_EPISODE = 20;
/** Typed letter by letter: words of quotes and notes, and a speaker's name. */
const QUERIES = ['pipeline maturity', 'noor'];

export const library: BenchGroup = {
  name: GROUP,
  about: 'library search per keystroke on 10,000 quotes (core search, in Chromium)',
  usesBrowser: true,
  async run(context: BenchContext) {
    const name = `search per keystroke, ${(EPISODES * QUOTES_PER_EPISODE).toLocaleString('en')} quotes`;
    if (!existsSync(join(context.root, 'src/core/search.ts'))) {
      return [
        notBuiltFigure(
          GROUP,
          name,
          'ms',
          SEARCH_BUDGET_MS,
          'timing',
          'src/core/search.ts does not exist yet',
        ),
      ];
    }
    const bundle = await context.bundle('search-entry');
    const { warmup, runs } = context.runs([1, 5], [1, 1]);
    const server = await servePages(context.pagesDir);
    const browser = await launchPlain();
    try {
      const browserContext = await browser.newContext();
      await onlyLocal(browserContext, server.origin);
      const page = await browserContext.newPage();
      await page.goto(`${server.origin}/${PAGES.spa}`, { waitUntil: 'load' });
      await page.evaluate(bundle);
      context.log(`library: typing ${QUERIES.map((q) => `"${q}"`).join(' and ')}`);
      const result = await page.evaluate(
        ({ episodes, perEpisode, queries, warmup, runs }) =>
          (globalThis as unknown as SearchBenchGlobal).earmarkSearchBench.search(
            episodes,
            perEpisode,
            queries,
            warmup,
            runs,
          ),
        { episodes: EPISODES, perEpisode: QUOTES_PER_EPISODE, queries: QUERIES, warmup, runs },
      );
      const keystrokes = QUERIES.reduce((n, q) => n + q.length, 0);
      return [
        timingFigure(
          GROUP,
          name,
          summarise(result.keystrokeMs),
          SEARCH_BUDGET_MS,
          `${keystrokes} keystrokes × ${runs} runs; search + highlights of 30 rows, no rendering`,
        ),
        timingFigure(
          GROUP,
          'build search index, 10,000 quotes',
          summarise(result.buildMs),
          null,
          'once per library page load',
        ),
      ];
    } finally {
      await browser.close();
      await server.close();
    }
  },
};
