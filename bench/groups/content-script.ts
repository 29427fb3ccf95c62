/**
 * What the content script costs a page, in real Chromium with the built extension:
 * - main-thread time at document_idle on the 3-hour transcript page (served from 127.0.0.1,
 *   where the content script runs), the same page with and without the extension, in pairs
 *   in the same run; the page has no scripts of its own, so all script time with the
 *   extension is the content script's;
 * - the JS heap after 100 single-page navigations compared with after 10 (no leak).
 */
import type { Page } from 'playwright-core';
import { collectGarbage, launchPlain, pageMetrics, withExtension } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { timingFigure, valueFigure, type Figure } from '../lib/figures';
import { summarise } from '../lib/stats';
import { PAGES } from '../pages/write';
import { badgeText, tabIdFor } from '../../test/support/browser';
import { servePages } from '../../test/support/server';

const GROUP = 'content-script';
/** Heap after 100 navigations may be at most this much above the heap after 10. */
export const MEMORY_GROWTH_BUDGET = 1.1;
/** document_idle comes at the latest just after `load`; this leaves room for the work after it. */
const SETTLE_MS = 1500;
/** What test/support/browser.ts gives the extension's browser. */
const EXTENSION_VIEWPORT = { width: 1100, height: 800 };

interface LoadCost {
  taskMs: number;
  scriptMs: number;
  heapBytes: number;
}

/** Loads the page in a fresh tab with the Performance domain on, and reads what it cost. */
async function loadCost(newPage: () => Promise<Page>, url: string): Promise<LoadCost> {
  const page = await newPage();
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    const { metrics } = await session.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return {
      taskMs: value('TaskDuration') * 1000,
      scriptMs: value('ScriptDuration') * 1000,
      heapBytes: value('JSHeapUsedSize'),
    };
  } finally {
    await session.detach().catch(() => undefined);
    await page.close();
  }
}

async function mainThreadFigures(context: BenchContext, origin: string): Promise<Figure[]> {
  const { warmup, runs } = context.runs([1, 10], [1, 3]);
  const url = `${origin}/${PAGES.transcript}`;
  const without: LoadCost[] = [];
  const loaded: LoadCost[] = [];
  // The same flags as the extension's browser: nothing but the extension differs.
  const plain = await launchPlain({ exposeGc: false });
  try {
    // The extension harness's viewport: layout of a 110k-node page depends on the width.
    const plainContext = await plain.newContext({ viewport: EXTENSION_VIEWPORT });
    await withExtension(async (extension) => {
      for (let run = -warmup; run < runs; run++) {
        context.log(`content-script: load pair ${run + warmup + 1}/${warmup + runs}`);
        // Alternate which goes first, so that drift on a shared machine favours neither.
        const first = run % 2 === 0;
        const a = await loadCost(() => (first ? plainContext : extension.context).newPage(), url);
        const b = await loadCost(() => (first ? extension.context : plainContext).newPage(), url);
        if (run < 0) continue;
        without.push(first ? a : b);
        loaded.push(first ? b : a);
      }
    });
  } finally {
    await plain.close();
  }
  const taskWithout = summarise(without.map((c) => c.taskMs));
  const taskWith = summarise(loaded.map((c) => c.taskMs));
  const scriptAdded = summarise(loaded.map((c, i) => c.scriptMs - without[i]!.scriptMs));
  const heapAdded = summarise(loaded.map((c, i) => (c.heapBytes - without[i]!.heapBytes) / 1e6));
  const ratios = summarise(loaded.map((c, i) => c.taskMs / without[i]!.taskMs));
  return [
    timingFigure(
      GROUP,
      'page load main thread, without extension',
      taskWithout,
      null,
      'CDP TaskDuration, 3-hour transcript page',
    ),
    timingFigure(
      GROUP,
      'page load main thread, with extension',
      taskWith,
      null,
      'CDP TaskDuration, same page, same run',
    ),
    valueFigure(GROUP, 'main thread with / without extension', {
      value: taskWith.median / taskWithout.median,
      unit: '×',
      kind: 'ratio',
      summary: ratios,
      note: 'ratio of medians; spread of per-pair ratios (page-load noise dominates)',
    }),
    timingFigure(
      GROUP,
      'script time the content script adds',
      scriptAdded,
      null,
      'CDP ScriptDuration with − without: start-up, detection, report',
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

async function memoryFigures(context: BenchContext, origin: string): Promise<Figure[]> {
  const { runs } = context.runs([0, 3], [0, 1]);
  const url = `${origin}/${PAGES.spa}`;
  const growth: number[] = [];
  const after10: number[] = [];
  const after100: number[] = [];
  let badge = '';
  await withExtension(async (extension) => {
    for (let run = 0; run < runs; run++) {
      context.log(`content-script: 100 single-page navigations, run ${run + 1}/${runs}`);
      const page = await extension.context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(SETTLE_MS);
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
  });
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
      return [
        ...(await mainThreadFigures(context, server.origin)),
        ...(await memoryFigures(context, server.origin)),
      ];
    } finally {
      await server.close();
    }
  },
};
