/**
 * Library search per keystroke on 10,000 quotes (issue 7: < 30 ms), in real Chromium, with
 * core's search (src/core/search.ts, what the library page runs): typing two queries letter
 * by letter, each keystroke searching the whole library and highlighting the rows on screen.
 * Rendering the result list is not included.
 */
import type { SearchBenchGlobal } from '../search-entry';
import { withBenchPage } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { timingFigure } from '../lib/figures';
import { summarise } from '../lib/stats';
import { PAGES } from '../pages/write';

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
    const bundle = await context.bundle('search-entry');
    const { warmup, runs } = context.runs([1, 5], [1, 1]);
    const options = { pagesDir: context.pagesDir, path: PAGES.spa, bundle };
    return withBenchPage(options, async (page) => {
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
    });
  },
};
