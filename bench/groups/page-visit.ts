/**
 * What a visit to an episode page costs and how fast Earmark answers there (issue 16, item 1),
 * in real Chromium with the built extension:
 * - script time and heap the extension adds to an episode page with no saved quotes: the
 *   Spotify and Apple Podcasts pages (served at their real addresses) and the 3-hour
 *   transcript page (at 127.0.0.1), each loaded in alternating pairs with the same page at an
 *   address no content script matches, in the same browser and run; the difference per pair;
 * - a page whose episode has 50 saved quotes: from the page's load event to all 50 drawn;
 * - the first capture on a freshly loaded page: a trusted Alt+Shift+Q (CDP
 *   `Input.dispatchKeyEvent`) pressed right after selecting, to Earmark's confirmation.
 *
 * Every page is fulfilled from memory by the browser context's request routing, with a
 * Content-Security-Policy that turns the page's own scripts off (content scripts are not
 * subject to it); every other request is aborted, so nothing leaves the machine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { BenchGlobal } from '../browser-entry';
import { REPO_ROOT, type ExtensionBrowser } from '../../test/support/browser';
import { servePagesByAddress } from '../../test/support/page-routes';
import { withExtension } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { timingFigure, valueFigure, type Figure } from '../lib/figures';
import { summarise } from '../lib/stats';
import { PAGES } from '../pages/write';

const GROUP = 'page-visit';
export const SCRIPT_ADDED_BUDGET_MS = 5;
export const HEAP_ADDED_BUDGET_MIB = 0.3;
export const HIGHLIGHTS_BUDGET_MS = 100;
export const FIRST_CAPTURE_BUDGET_MS = 50;
const SAVED_QUOTES = 50;
const MIB = 1024 * 1024;

/** An address that no content script of Earmark matches: the "without" side of each pair. */
const WITHOUT_ORIGIN = 'https://without-earmark.invalid';
/** document_idle comes at the latest just after `load`; give the work after it this long… */
const SETTLE_MS = 1200;
/** …and then wait until script time stops growing (by less than this in STABLE_MS). */
const SETTLED_SCRIPT_MS = 0.3;
const STABLE_MS = 500;
const SETTLE_LIMIT_MS = 6000;

interface VisitPage {
  label: string;
  /** The address the page is served at, where Earmark's content script runs. */
  url: string;
  html: string;
}

function realPage(label: string, file: string, url: string): VisitPage {
  const html = readFileSync(join(REPO_ROOT, 'test/fixtures/real/pages', file), 'utf8');
  return { label, url, html };
}

function visitPages(pagesDir: string): VisitPage[] {
  return [
    realPage(
      'Spotify episode',
      'spotify-episode.html',
      'https://open.spotify.com/episode/64TORH3xleuD1wcnFsrH1E',
    ),
    realPage(
      'Apple Podcasts episode',
      'apple-podcasts-episode-2025.html',
      'https://podcasts.apple.com/us/podcast/episode-251-from-cern-to-femtech-innovation-with-magda/id1550800132?i=1000730770603',
    ),
    {
      label: '3-hour transcript page',
      url: `http://127.0.0.1:8765/${PAGES.transcript}`,
      html: readFileSync(join(pagesDir, PAGES.transcript), 'utf8'),
    },
  ];
}

function withoutUrl(page: VisitPage, index: number): string {
  return `${WITHOUT_ORIGIN}/${index}/${new URL(page.url).pathname.split('/').pop()}`;
}

interface LoadCost {
  scriptMs: number;
  heapBytes: number;
}

async function readCost(session: CDPSession): Promise<LoadCost> {
  const { metrics } = await session.send('Performance.getMetrics');
  const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  return { scriptMs: value('ScriptDuration') * 1000, heapBytes: value('JSHeapUsedSize') };
}

/**
 * Loads `url` in a fresh tab and waits until the work after `load` is over (script time
 * stops growing); then collects garbage and reads the heap: what the visit keeps.
 */
async function loadCost(extension: ExtensionBrowser, url: string): Promise<LoadCost> {
  const page = await extension.context.newPage();
  const session = await extension.context.newCDPSession(page);
  try {
    await session.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
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
    await session.send('HeapProfiler.enable');
    await session.send('HeapProfiler.collectGarbage');
    await session.send('HeapProfiler.collectGarbage');
    return { scriptMs: last.scriptMs, heapBytes: (await readCost(session)).heapBytes };
  } finally {
    await session.detach().catch(() => undefined);
    await page.close();
  }
}

async function addedCostFigures(
  context: BenchContext,
  extension: ExtensionBrowser,
  pages: VisitPage[],
): Promise<Figure[]> {
  const { warmup, runs } = context.runs([1, 10], [1, 3]);
  const figures: Figure[] = [];
  for (const [index, visit] of pages.entries()) {
    const without: LoadCost[] = [];
    const withExt: LoadCost[] = [];
    for (let run = -warmup; run < runs; run++) {
      context.log(`${GROUP}: ${visit.label}, load pair ${run + warmup + 1}/${warmup + runs}`);
      // Alternate which goes first, so that drift on a shared machine favours neither.
      const first = run % 2 === 0;
      const a = await loadCost(extension, first ? withoutUrl(visit, index) : visit.url);
      const b = await loadCost(extension, first ? visit.url : withoutUrl(visit, index));
      if (run < 0) continue;
      without.push(first ? a : b);
      withExt.push(first ? b : a);
    }
    const scriptWithout = summarise(without.map((c) => c.scriptMs));
    if (scriptWithout.median > 1) {
      throw new Error(
        `${visit.label} without Earmark ran ${scriptWithout.median} ms of script: ` +
          'are the page scripts on, or does a content script match the other address?',
      );
    }
    const scriptAdded = summarise(withExt.map((c, i) => c.scriptMs - without[i]!.scriptMs));
    const heapAdded = summarise(withExt.map((c, i) => (c.heapBytes - without[i]!.heapBytes) / MIB));
    figures.push(
      timingFigure(
        GROUP,
        `script added, ${visit.label}, no saved quotes`,
        scriptAdded,
        SCRIPT_ADDED_BUDGET_MS,
        'CDP ScriptDuration with − without, per interleaved pair; page scripts off',
      ),
      valueFigure(GROUP, `heap added, ${visit.label}, no saved quotes`, {
        value: heapAdded.median,
        unit: 'MiB',
        kind: 'memory',
        budget: HEAP_ADDED_BUDGET_MIB,
        summary: heapAdded,
        note: 'JSHeapUsedSize with − without after load and a forced GC: what the visit keeps',
      }),
    );
  }
  return figures;
}

/** The tab most recently opened, seen from the service worker (no `tabs` permission needed). */
async function newestTabId(extension: ExtensionBrowser): Promise<number> {
  return extension.worker.evaluate(async () => {
    const tabs = await chrome.tabs.query({});
    return Math.max(...tabs.map((tab) => tab.id ?? -1));
  });
}

/** Waits until the tab's icon says "episode": the content script detected and reported. */
async function waitForEpisodeBadge(extension: ExtensionBrowser, tabId: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const text = await extension.worker.evaluate(
      (tab) => chrome.action.getBadgeText({ tabId: tab }),
      tabId,
    );
    if (text !== '') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the page was never reported as an episode');
}

/**
 * Watches, from the page's own world, for Earmark's highlights: the time from the load event's
 * start (navigation timing) to their first draw, and how many it drew. Polled from a timer
 * (4 ms resolution once nested), because a highlight changes no DOM an observer sees.
 */
const HIGHLIGHT_WATCH = `(() => {
  window.__benchHighlights = new Promise((resolve) => {
    let drawnAt = null;
    const look = () => {
      const drawn = CSS.highlights.get('earmark');
      // One pass draws every quote it placed at once: the first draw is the whole of it.
      if (drawnAt === null && drawn && drawn.size > 0) drawnAt = performance.now();
      const [nav] = performance.getEntriesByType('navigation');
      if (drawnAt !== null && nav && nav.loadEventStart > 0) {
        resolve({ afterLoad: Math.max(0, drawnAt - nav.loadEventStart), size: drawn.size });
        return;
      }
      setTimeout(look, 1);
    };
    look();
    setTimeout(() => resolve(null), 10000);
  });
})()`;

async function highlightFigures(
  context: BenchContext,
  extension: ExtensionBrowser,
  pages: { label: string; url: string; textUrl: string }[],
): Promise<Figure[]> {
  const { warmup, runs } = context.runs([1, 10], [1, 3]);
  const bundle = await context.bundle('browser-entry');
  const figures: Figure[] = [];
  for (const visit of pages) {
    // The quotes' words, from the page itself (where no content script runs), as a person
    // saving them would have; written through the extension's own store, from its page.
    const setup = await extension.context.newPage();
    await setup.goto(visit.textUrl, { waitUntil: 'load' });
    await setup.evaluate(bundle);
    const anchors = await setup.evaluate(
      (count) => (globalThis as unknown as BenchGlobal).earmarkBench.describeSpreadQuotes(count),
      SAVED_QUOTES,
    );
    await setup.goto(`chrome-extension://${extension.extensionId}/src/ui/library/index.html`);
    await setup.evaluate(bundle);
    const stored = await setup.evaluate(
      ({ url, anchors: list }) =>
        (globalThis as unknown as BenchGlobal).earmarkBench.seedEpisodeWithAnchors(url, list),
      { url: visit.url, anchors },
    );
    await setup.close();
    if (stored !== SAVED_QUOTES) throw new Error(`seeded ${stored} quotes of ${SAVED_QUOTES}`);

    const samples: number[] = [];
    let placed = SAVED_QUOTES;
    for (let run = -warmup; run < runs; run++) {
      context.log(
        `${GROUP}: ${visit.label}, ${SAVED_QUOTES} saved quotes, load ${run + warmup + 1}/${warmup + runs}`,
      );
      const page = await extension.context.newPage();
      try {
        // The page's scripts are off (CSP); what DevTools adds is not subject to that.
        const session = await extension.context.newCDPSession(page);
        await session.send('Page.enable');
        await session.send('Page.addScriptToEvaluateOnNewDocument', {
          source: HIGHLIGHT_WATCH,
        });
        await page.goto(visit.url, { waitUntil: 'load' });
        const { result } = await session.send('Runtime.evaluate', {
          expression: 'window.__benchHighlights',
          awaitPromise: true,
          returnByValue: true,
        });
        await session.detach();
        const value = result.value as { afterLoad: number; size: number } | null;
        if (!value) throw new Error(`${visit.label}: no highlights drawn in 10 s`);
        placed = Math.min(placed, value.size);
        if (run >= 0) samples.push(value.afterLoad);
      } finally {
        await page.close();
      }
    }
    figures.push(
      timingFigure(
        GROUP,
        `highlights drawn after load, ${visit.label}, ${SAVED_QUOTES} saved quotes`,
        summarise(samples),
        HIGHLIGHTS_BUDGET_MS,
        `load event → first draw into the page's highlight registry (0 when drawn before it); ${placed} of ${SAVED_QUOTES} placed`,
      ),
    );
  }
  return figures;
}

/**
 * From the page's own world: when the key was pressed and when Earmark's confirmation was
 * added, which happens only once the background reports the quote's transaction committed.
 * The page's own key path sees the key event (its timestamp: when the browser received it);
 * the browser's shortcut takes the key before the page, so the bench notes the time just
 * before it presses (one DevTools round trip early: an upper bound).
 */
const KEY_WATCH = `(() => {
  window.__benchKeys = { keyAt: null, shownAt: null };
  addEventListener('keydown', (event) => {
    if (event.code === 'KeyQ' && event.altKey && event.shiftKey) {
      window.__benchKeys = { keyAt: event.timeStamp, shownAt: null };
    }
  }, true);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeName === 'EARMARK-TOAST' && window.__benchKeys.shownAt === null) {
          window.__benchKeys.shownAt = performance.now();
        }
      }
    }
  }).observe(document.documentElement, { childList: true });
})()`;

/** Two ways a key press reaches Earmark; both are trusted input through CDP. */
type KeyPath = 'shortcut' | 'page';

async function pressCaptureKey(page: Page, session: CDPSession, path: KeyPath): Promise<void> {
  if (path === 'page') {
    // Alt, Shift, then Q, as a person presses them (Playwright sends Input.dispatchKeyEvent):
    // the page sees the key, which is the path when the browser's shortcut is not registered.
    await page.keyboard.press('Alt+Shift+KeyQ');
    return;
  }
  // Q with Alt and Shift held, as one key event: Chromium matches it to the extension's
  // registered command (the page never sees it), the path of the default shortcut.
  await session.send('Runtime.evaluate', {
    expression: 'window.__benchKeys = { keyAt: performance.now(), shownAt: null }',
  });
  const key = {
    modifiers: 1 | 8, // Alt | Shift
    key: 'Q',
    code: 'KeyQ',
    windowsVirtualKeyCode: 81,
    nativeVirtualKeyCode: 81,
  };
  await session.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await session.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
}

/** Selects words in the page that no earlier run saved: the `run`-th passage of text. */
const SELECT_PASSAGE = (run: number) => `(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data.trim().length >= 40 && !node.parentElement.closest('script, style')) nodes.push(node);
  }
  const node = nodes[Math.floor((nodes.length * (${run} + 0.5)) / 64) % nodes.length];
  const start = node.data.search(/\\S/);
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + 40);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  return getSelection().toString();
})()`;

async function firstCaptureTimes(
  context: BenchContext,
  extension: ExtensionBrowser,
  url: string,
  label: string,
  path: KeyPath,
): Promise<number[]> {
  const { warmup, runs } = context.runs([1, 10], [1, 3]);
  const samples: number[] = [];
  for (let run = -warmup; run < runs; run++) {
    context.log(`${GROUP}: first capture, ${label}, ${run + warmup + 1}/${warmup + runs}`);
    const page = await extension.context.newPage();
    try {
      const session = await extension.context.newCDPSession(page);
      await session.send('Page.enable');
      await page.goto(url, { waitUntil: 'load' });
      await page.bringToFront();
      await waitForEpisodeBadge(extension, await newestTabId(extension));
      await session.send('Runtime.evaluate', { expression: KEY_WATCH });
      const selected = await session.send('Runtime.evaluate', {
        expression: SELECT_PASSAGE(run + warmup + (path === 'page' ? 32 : 0)),
        returnByValue: true,
      });
      if (selected.exceptionDetails) {
        throw new Error(`selecting failed: ${selected.exceptionDetails.exception?.description}`);
      }
      // At once after selecting: a person is slower, so this is the first capture's worst case.
      await pressCaptureKey(page, session, path);
      const deadline = Date.now() + 10_000;
      let ms: number | null = null;
      while (ms === null && Date.now() < deadline) {
        const { result } = await session.send('Runtime.evaluate', {
          expression:
            'window.__benchKeys.shownAt !== null && window.__benchKeys.keyAt !== null ? window.__benchKeys.shownAt - window.__benchKeys.keyAt : null',
          returnByValue: true,
        });
        ms = result.value as number | null;
        if (ms === null) await page.waitForTimeout(20);
      }
      await session.detach();
      if (ms === null) throw new Error(`no confirmation after the key press (${label})`);
      if (run >= 0) samples.push(ms);
    } finally {
      await page.close();
    }
  }
  return samples;
}

export const pageVisit: BenchGroup = {
  name: GROUP,
  about:
    'an episode page: script and heap added with no saved quotes, highlights of 50, first capture',
  usesBrowser: true,
  async run(context: BenchContext) {
    const pages = visitPages(context.pagesDir);
    const demoUrl = 'http://127.0.0.1:8765/episode.html';
    const byAddress = new Map<string, string>();
    pages.forEach((visit, index) => {
      byAddress.set(visit.url, visit.html);
      byAddress.set(withoutUrl(visit, index), visit.html);
    });
    const transcript = pages[2]!;
    // The transcript's own address for saved quotes: the captures save on its first one.
    const highlightUrl = `http://127.0.0.1:8765/highlights/${PAGES.transcript}`;
    byAddress.set(highlightUrl, transcript.html);
    const withQuotes = pages.map((visit, index) => ({
      label: visit.label,
      url: visit === transcript ? highlightUrl : visit.url,
      textUrl: withoutUrl(visit, index),
    }));
    byAddress.set(
      demoUrl,
      readFileSync(join(REPO_ROOT, 'test/fixtures/demo/episode.html'), 'utf8'),
    );
    return withExtension(async (extension) => {
      await servePagesByAddress(extension, byAddress);
      const figures = await addedCostFigures(context, extension, pages);
      const captures: [string, string, string][] = [
        [demoUrl, 'demo episode', ''],
        [transcript.url, '3-hour transcript', '; ~110k nodes'],
      ];
      for (const [url, label, more] of captures) {
        for (const path of ['shortcut', 'page'] as const) {
          const times = await firstCaptureTimes(context, extension, url, `${label}, ${path}`, path);
          figures.push(
            timingFigure(
              GROUP,
              `first capture, fresh page, ${label}: ${path === 'shortcut' ? "browser's shortcut" : "page's own key"} → confirmation`,
              summarise(times),
              FIRST_CAPTURE_BUDGET_MS,
              (path === 'shortcut'
                ? 'trusted Alt+Shift+Q (CDP Input.dispatchKeyEvent) taken by the browser as the command'
                : 'trusted Alt, Shift, Q (CDP Input.dispatchKeyEvent) seen by the page') +
                `, at once after selecting${more}`,
            ),
          );
        }
      }
      figures.push(...(await highlightFigures(context, extension, withQuotes)));
      return figures;
    });
  },
};
