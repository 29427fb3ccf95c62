/**
 * Re-anchoring 200 saved quotes on the 3-hour transcript page with core's `anchorQuotes`, in
 * real Chromium (DOM Ranges included): once on the page as saved, and once on a revisit where
 * the page changed (a new paragraph moved every position; every fourth quote has a letter
 * changed, so only a fuzzy match finds it).
 */
import type { BenchGlobal } from '../browser-entry';
import { withBenchPage } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { timingFigure } from '../lib/figures';
import { summarise } from '../lib/stats';
import { PAGES } from '../pages/write';

const GROUP = 'anchoring';
const QUOTES = 200;
export const REANCHOR_BUDGET_MS = 100;

export const anchoring: BenchGroup = {
  name: GROUP,
  about: 'anchorQuotes: 200 quotes on the 3-hour transcript page, unchanged and edited',
  usesBrowser: true,
  async run(context: BenchContext) {
    const bundle = await context.bundle('browser-entry');
    const { warmup, runs } = context.runs([2, 10], [1, 3]);
    const options = { pagesDir: context.pagesDir, path: PAGES.transcript, bundle };
    return withBenchPage(options, async (page) => {
      const anchors = await page.evaluate(
        (count) => (globalThis as unknown as BenchGlobal).earmarkBench.describeSpreadQuotes(count),
        QUOTES,
      );
      context.log('anchoring: page unchanged');
      const unchanged = await page.evaluate(
        ({ anchors, warmup, runs }) =>
          (globalThis as unknown as BenchGlobal).earmarkBench.anchoring(anchors, warmup, runs),
        { anchors, warmup, runs },
      );
      await page.evaluate(
        (anchors) => (globalThis as unknown as BenchGlobal).earmarkBench.editPage(anchors),
        anchors,
      );
      context.log('anchoring: page changed');
      const edited = await page.evaluate(
        ({ anchors, warmup, runs }) =>
          (globalThis as unknown as BenchGlobal).earmarkBench.anchoring(anchors, warmup, runs),
        { anchors, warmup, runs },
      );
      return [
        timingFigure(
          GROUP,
          `re-anchor ${QUOTES} quotes, page unchanged`,
          summarise(unchanged.samples),
          REANCHOR_BUDGET_MS,
          `${unchanged.found}/${QUOTES} found`,
        ),
        timingFigure(
          GROUP,
          `re-anchor ${QUOTES} quotes, page changed`,
          summarise(edited.samples),
          REANCHOR_BUDGET_MS,
          `${edited.found}/${QUOTES} found; positions moved, 1 in 4 quotes edited`,
        ),
      ];
    });
  },
};
