/**
 * Export and import of a library of 500 episodes and 10,000 quotes, in real Chromium: the
 * pure functions (serializeBackup, renderOverviewMarkdown for every episode, parseBackup), and
 * the whole paths a person waits for, through the store and IndexedDB.
 */
import type { BenchGlobal } from '../browser-entry';
import { withBenchPage } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { timingFigure } from '../lib/figures';
import { summarise } from '../lib/stats';
import { PAGES } from '../pages/write';
import { BIG_RESTORE_EPISODES, BIG_RESTORE_QUOTES_PER_EPISODE, bigRestores } from './big-restore';

const GROUP = 'backup';
const EPISODES = 500;
const QUOTES_PER_EPISODE = 20;
export const EXPORT_BUDGET_MS = 500;
export const IMPORT_BUDGET_MS = 2000;
/**
 * The longest the library page's own thread may be busy at once while it restores 100,000
 * quotes: a few frames. The restore runs in a worker (issue 18: the page froze 6–23 s).
 */
export const BIG_RESTORE_TASK_BUDGET_MS = 200;
/** Issue 14: one episode through a template, as the popup exports it. */
export const ONE_TEMPLATE_BUDGET_MS = 5;

export const backup: BenchGroup = {
  name: GROUP,
  about:
    'export and import of 500 episodes / 10,000 quotes (pure, and through IndexedDB); ' +
    'a restore of 100,000 quotes through the library page',
  usesBrowser: true,
  async run(context: BenchContext) {
    const bundle = await context.bundle('browser-entry');
    const { warmup, runs } = context.runs([1, 5], [1, 2]);
    // Any page of ours: IndexedDB needs an origin.
    const options = { pagesDir: context.pagesDir, path: PAGES.spa, bundle };
    const figures = await withBenchPage(options, async (page) => {
      context.log(`backup: ${EPISODES} episodes, ${EPISODES * QUOTES_PER_EPISODE} quotes`);
      const result = await page.evaluate(
        ({ episodes, perEpisode, warmup, runs }) =>
          (globalThis as unknown as BenchGlobal).earmarkBench.backup(
            episodes,
            perEpisode,
            warmup,
            runs,
          ),
        { episodes: EPISODES, perEpisode: QUOTES_PER_EPISODE, warmup, runs },
      );
      const library = `${EPISODES} episodes / ${EPISODES * QUOTES_PER_EPISODE} quotes`;
      const mb = (chars: number) => `${(chars / 1e6).toFixed(1)} M chars`;
      return [
        timingFigure(
          GROUP,
          'export: serializeBackup',
          summarise(result.serialize),
          EXPORT_BUDGET_MS,
          `${library}, ${mb(result.backupChars)} of JSON`,
        ),
        timingFigure(
          GROUP,
          'export: renderOverviewMarkdown, every episode',
          summarise(result.markdown),
          EXPORT_BUDGET_MS,
          `${EPISODES} overviews, ${mb(result.markdownChars)}`,
        ),
        timingFigure(
          GROUP,
          'export: one episode through the Obsidian template',
          summarise(result.oneTemplate),
          ONE_TEMPLATE_BUDGET_MS,
          `compile + render, ${QUOTES_PER_EPISODE} quotes`,
        ),
        timingFigure(
          GROUP,
          'export: every episode through the Obsidian template',
          summarise(result.template),
          // Issue 14's "500 episodes exported at once", for a person who chose a template.
          EXPORT_BUDGET_MS,
          `${EPISODES} notes, ${mb(result.templateChars)}`,
        ),
        timingFigure(
          GROUP,
          'export: read IndexedDB + serializeBackup',
          summarise(result.exportAll),
          EXPORT_BUDGET_MS,
          `store.exportLibrary, ${result.exportedQuotes} quotes`,
        ),
        timingFigure(
          GROUP,
          'import: parseBackup',
          summarise(result.parse),
          IMPORT_BUDGET_MS,
          'validates the whole file',
        ),
        timingFigure(
          GROUP,
          'import: parseBackup + write IndexedDB',
          summarise(result.importAll),
          IMPORT_BUDGET_MS,
          'store.importLibrary into an empty database, one transaction',
        ),
      ];
    });

    const big = await bigRestores(context, context.runs([0, 3], [0, 1]).runs);
    const quotes = (BIG_RESTORE_EPISODES * BIG_RESTORE_QUOTES_PER_EPISODE).toLocaleString('en');
    const file = `${quotes} quotes, ${(big.chars / 1e6).toFixed(0)} M chars`;
    figures.push(
      timingFigure(
        GROUP,
        'big restore: longest task on the page',
        summarise(big.runs.map((r) => r.longestTaskMs)),
        BIG_RESTORE_TASK_BUDGET_MS,
        `${file}, library page of the built extension; the restore runs in a worker`,
      ),
      timingFigure(
        GROUP,
        'big restore: file chosen → report',
        summarise(big.runs.map((r) => r.restoreMs)),
        null,
        `${file}: read, check, merge, one transaction`,
      ),
    );
    return figures;
  },
};
