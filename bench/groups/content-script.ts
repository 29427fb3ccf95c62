/**
 * What the content script costs a page, in real Chromium with the built extension:
 * - main-thread time on the 3-hour transcript page, with and without the content script, in
 *   alternating pairs in the same browser and run. "With": the page from 127.0.0.1, where the
 *   content script runs (at document_idle; it may pull in more of itself once it sees a
 *   podcast page). "Without": the same page from the same server as bench.localhost, which
 *   Chromium resolves to the loopback address and no content script matches. The page has no
 *   scripts of its own, so script time there is the content script's. (Separate browsers with
 *   and without the extension differed by more than the content script costs: profile on
 *   disk vs in memory, cache; one browser removes that.)
 * - the JS heap after 100 single-page navigations compared with after 10 (no leak).
 */
import type { Page } from 'playwright-core';
import { collectGarbage, pageMetrics, withExtension } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { timingFigure, valueFigure, type Figure } from '../lib/figures';
import { summarise } from '../lib/stats';
import { PAGES } from '../pages/write';
import { badgeText, tabIdFor, type ExtensionBrowser } from '../../test/support/browser';
import { servePages } from '../../test/support/server';

const GROUP = 'content-script';
/** Heap after 100 navigations may be at most this much above the heap after 10. */
export const MEMORY_GROWTH_BUDGET = 1.1;
/** document_idle comes at the latest just after `load`; give the work after it this long… */
const SETTLE_MS = 1500;
/** …and then wait until script time stops growing (by less than this in STABLE_MS)… */
const SETTLED_SCRIPT_MS = 0.5;
const STABLE_MS = 1000;
/** …but no longer than this after load. */
const SETTLE_LIMIT_MS = 8000;

interface LoadCost {
  taskMs: number;
  scriptMs: number;
  /** Style recalculation and layout: what reading or changing the page's DOM can cause. */
  styleLayoutMs: number;
  heapBytes: number;
}

type Session = Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>;

async function readCost(session: Session): Promise<LoadCost> {
  const { metrics } = await session.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return {
    taskMs: value('TaskDuration') * 1000,
    scriptMs: value('ScriptDuration') * 1000,
    styleLayoutMs: (value('RecalcStyleDuration') + value('LayoutDuration')) * 1000,
    heapBytes: value('JSHeapUsedSize'),
  };
}

/**
 * Waits after `load` until the work that follows it (the content script, perhaps injected in
 * two steps) is over: script time grows by less than SETTLED_SCRIPT_MS in STABLE_MS.
 * Needs the Performance domain enabled on `session`; returns the last reading.
 */
async function settle(page: Page, session: Session): Promise<LoadCost> {
  const loadedAt = Date.now();
  await page.waitForTimeout(SETTLE_MS);
  let last = await readCost(session);
  while (Date.now() - loadedAt < SETTLE_LIMIT_MS) {
    await page.waitForTimeout(STABLE_MS);
    const now = await readCost(session);
    const settled = now.scriptMs - last.scriptMs < SETTLED_SCRIPT_MS;
    last = now;
    if (settled) break;
  }
  return last;
}

/** Loads the page in a fresh tab with the Performance domain on, and reads what it cost. */
async function loadCost(page: Page, url: string): Promise<LoadCost> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    return await settle(page, session);
  } finally {
    await session.detach().catch(() => undefined);
    await page.close();
  }
}

async function mainThreadFigures(
  context: BenchContext,
  extension: ExtensionBrowser,
  origin: string,
): Promise<Figure[]> {
  const { warmup, runs } = context.runs([1, 10], [1, 3]);
  const withUrl = `${origin}/${PAGES.transcript}`;
  const withoutUrl = `http://bench.localhost:${new URL(origin).port}/${PAGES.transcript}`;
  const without: LoadCost[] = [];
  const loaded: LoadCost[] = [];
  for (let run = -warmup; run < runs; run++) {
    context.log(`content-script: load pair ${run + warmup + 1}/${warmup + runs}`);
    // Alternate which goes first, so that drift on a shared machine favours neither.
    const first = run % 2 === 0;
    const a = await loadCost(await extension.context.newPage(), first ? withoutUrl : withUrl);
    const b = await loadCost(await extension.context.newPage(), first ? withUrl : withoutUrl);
    if (run < 0) continue;
    without.push(first ? a : b);
    loaded.push(first ? b : a);
  }
  const scriptWithout = summarise(without.map((c) => c.scriptMs));
  if (scriptWithout.median > 1) {
    throw new Error(
      `the page without the content script ran ${scriptWithout.median} ms of script: ` +
        'does a content script now match bench.localhost?',
    );
  }
  const taskWithout = summarise(without.map((c) => c.taskMs));
  const taskWith = summarise(loaded.map((c) => c.taskMs));
  const scriptAdded = summarise(loaded.map((c, i) => c.scriptMs - without[i]!.scriptMs));
  const taskAdded = summarise(loaded.map((c, i) => c.taskMs - without[i]!.taskMs));
  const styleLayoutAdded = summarise(
    loaded.map((c, i) => c.styleLayoutMs - without[i]!.styleLayoutMs),
  );
  const heapAdded = summarise(loaded.map((c, i) => (c.heapBytes - without[i]!.heapBytes) / 1e6));
  const ratios = summarise(loaded.map((c, i) => c.taskMs / without[i]!.taskMs));
  return [
    timingFigure(
      GROUP,
      'page main thread, without content script',
      taskWithout,
      null,
      'CDP TaskDuration: load + settle, 3-hour transcript page',
    ),
    timingFigure(
      GROUP,
      'page main thread, with content script',
      taskWith,
      null,
      'same page, same browser, alternating pairs',
    ),
    valueFigure(GROUP, 'main thread with / without content script', {
      value: taskWith.median / taskWithout.median,
      unit: '×',
      kind: 'ratio',
      summary: ratios,
      note: `ratio of medians; spread of per-pair ratios; per-pair difference ${taskAdded.median.toFixed(0)} ms (p25–p75 ${taskAdded.p25.toFixed(0)}–${taskAdded.p75.toFixed(0)}): page-load noise dominates`,
    }),
    timingFigure(
      GROUP,
      'script time the content script adds',
      scriptAdded,
      null,
      'CDP ScriptDuration with − without: the start-up script and what it adds at load (the page has no scripts)',
    ),
    timingFigure(
      GROUP,
      'style + layout time with − without',
      styleLayoutAdded,
      null,
      'CDP RecalcStyleDuration + LayoutDuration; noisy like the page load',
    ),
    valueFigure(GROUP, 'JS heap the content script adds', {
      value: heapAdded.median,
      unit: 'MB',
      kind: 'memory',
      summary: heapAdded,
      note: 'JSHeapUsedSize with − without, after load',
    }),
  ];
}

/** Navigates the single-page app page to episodes from..to-1, as a person clicking through. */
async function navigate(page: Page, from: number, to: number): Promise<void> {
  for (let n = from; n < to; n++) {
    await page.evaluate(`navigateTo(${n})`);
    // The content script hears the title change at once; give it a moment to detect and report.
    await page.waitForTimeout(20);
  }
}

async function heapAfterGc(page: Page): Promise<number> {
  await collectGarbage(page);
  await collectGarbage(page);
  return (await pageMetrics(page)).heapUsedBytes;
}

async function memoryFigures(
  context: BenchContext,
  extension: ExtensionBrowser,
  origin: string,
): Promise<Figure[]> {
  const { runs } = context.runs([0, 3], [0, 1]);
  const url = `${origin}/${PAGES.spa}`;
  const growth: number[] = [];
  const after10: number[] = [];
  const after100: number[] = [];
  let badge = '';
  for (let run = 0; run < runs; run++) {
    context.log(`content-script: 100 single-page navigations, run ${run + 1}/${runs}`);
    const page = await extension.context.newPage();
    try {
      const session = await page.context().newCDPSession(page);
      await session.send('Performance.enable');
      await page.goto(url, { waitUntil: 'load' });
      await settle(page, session);
      await session.detach();
      await navigate(page, 1, 11);
      const at10 = await heapAfterGc(page);
      await navigate(page, 11, 101);
      const at100 = await heapAfterGc(page);
      // The content script must be there and have followed: its tab's badge says episode.
      if (run === 0)
        badge = await badgeText(extension.worker, await tabIdFor(extension.worker, page.url()));
      after10.push(at10 / 1e6);
      after100.push(at100 / 1e6);
      growth.push(at100 / at10);
    } finally {
      await page.close();
    }
  }
  const growthSummary = summarise(growth);
  return [
    valueFigure(GROUP, 'JS heap after 10 navigations', {
      value: summarise(after10).median,
      unit: 'MB',
      kind: 'memory',
      summary: summarise(after10),
      note: 'pushState + title change, after GC',
    }),
    valueFigure(GROUP, 'JS heap after 100 navigations', {
      value: summarise(after100).median,
      unit: 'MB',
      kind: 'memory',
      summary: summarise(after100),
      note: 'pushState + title change, after GC',
    }),
    valueFigure(GROUP, 'heap after 100 / after 10 navigations', {
      value: growthSummary.median,
      unit: '×',
      kind: 'memory',
      budget: MEMORY_GROWTH_BUDGET,
      summary: growthSummary,
      note: `whole page heap (the content script shares the isolate); badge after: "${badge}"`,
    }),
  ];
}

export const contentScript: BenchGroup = {
  name: GROUP,
  about: 'main-thread time and heap the content script adds; heap after 100 vs 10 SPA navigations',
  usesBrowser: true,
  async run(context: BenchContext) {
    const server = await servePages(context.pagesDir);
    try {
      return await withExtension(async (extension) => [
        ...(await mainThreadFigures(context, extension, server.origin)),
        ...(await memoryFigures(context, extension, server.origin)),
      ]);
    } finally {
      await server.close();
    }
  },
};
