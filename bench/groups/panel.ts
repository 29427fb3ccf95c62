/**
 * The transcript panel in real Chromium with the built extension (issue 13), on an episode
 * whose 3-hour transcript (~2,500 cues) is already kept, as on a revisit:
 * - its first screen: navigation start → the first frame with cues, watched by an init script;
 * - following the player: the panel's main-thread time per change of the cue being heard, as
 *   the difference between a window in which the page's player moves to another cue and an
 *   equal window in which it does not (the panel asks the tab for the time either way);
 * - a quote saved from the panel: the click on "Save selected words" → the words marked in
 *   their cue, which happens once the store has the quote.
 * The page is served from 127.0.0.1 with a generated audio file; the panel page is opened in
 * a tab with `?tab=`, as the browser tests open it. Beside the first screen: the panel's own
 * part of it (from `earmark:start`, its scripts loaded) and the first frame of an empty page
 * of the extension, opened the same way (bench/lib/empty-page.ts): the floor under the figure.
 * Beside following: the part of it that is script (the rest is style, layout and paint).
 */
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import type { BenchGlobal } from '../browser-entry';
import { REPO_ROOT, type ExtensionBrowser } from '../../test/support/browser';
import { servePages } from '../../test/support/server';
import { emptyPageFigure, withEmptyPage } from '../lib/empty-page';
import { createCapturePacer } from '../lib/capture-pacer';
import type { BenchContext, BenchGroup } from '../lib/context';
import { openTab } from '../lib/episode-page';
import { timingFigure, type Figure } from '../lib/figures';
import { summarise } from '../lib/stats';

const GROUP = 'panel';
export const PANEL_FIRST_SCREEN_BUDGET_MS = 100;
export const PANEL_FOLLOW_BUDGET_MS = 1;
export const PANEL_SAVE_BUDGET_MS = 50;
const PANEL_PATH = 'src/ui/sidepanel/index.html';
/** A side panel's size. */
const PANEL_SIZE = { width: 420, height: 900 };
/** The generated audio: long enough to move the player across a few dozen cues. */
const AUDIO_SECONDS = 120;
/** The cues' length in the generated transcript (bench/lib/words-data.ts). */
const CUE_SECONDS = 4.32;
/** A follow window: the panel asks the tab for the time every 500 ms, so two asks or three. */
const FOLLOW_WINDOW_MS = 1_200;

/** Watches the panel from its first byte: when cues are in the DOM, and the frame after. */
const FIRST_SCREEN_WATCH = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  window.__benchCues = new Promise((resolve) => {
    new MutationObserver((_records, observer) => {
      if (!document.querySelector('.cue')) return;
      observer.disconnect();
      const domMs = performance.now();
      const startMs = performance.getEntriesByName('earmark:start')[0]?.startTime ?? null;
      requestAnimationFrame(() =>
        setTimeout(() => resolve({ domMs, startMs, paintedMs: performance.now() })),
      );
    }).observe(document, { childList: true, subtree: true });
    setTimeout(() => resolve(null), 10000);
  });
})();`;

interface FirstScreen {
  domMs: number;
  /** The panel's `earmark:start` mark: its scripts are loaded and its own work starts. */
  startMs: number | null;
  paintedMs: number;
}

/** The panel's main-thread time so far: all of it, and the part that ran script. */
async function mainThreadMs(session: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await session.send('Performance.getMetrics');
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

/** Moves the page's player to `seconds` (paused), as a person's seek would. */
async function seekPlayer(page: Page, seconds: number): Promise<void> {
  await page.evaluate(async (at) => {
    const audio = document.querySelector('audio')!;
    audio.currentTime = at;
    await new Promise((resolve) => audio.addEventListener('seeked', resolve, { once: true }));
  }, seconds);
}

/**
 * Selects the first words of the `nth` cue drawn in the panel (only those in view are), clicks
 * Save, and times it to the mark.
 */
function saveCueWords(nth: number): Promise<number | string> {
  const row = document.querySelectorAll('[data-cue]')[nth];
  const index = row?.getAttribute('data-cue');
  const text = row?.querySelector('.cue-text')?.firstChild;
  const button = [...document.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === 'Save selected words',
  );
  if (!row || !text || !button) return Promise.resolve(`cue ${index} or the button is missing`);
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, Math.min(24, text.textContent!.length));
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
  return new Promise((resolve) => {
    let started = 0;
    const observer = new MutationObserver(() => {
      if (!row.querySelector('mark.saved')) return;
      observer.disconnect();
      resolve(performance.now() - started);
    });
    observer.observe(row, { childList: true, subtree: true });
    setTimeout(() => {
      observer.disconnect();
      resolve(`cue ${index}: no mark in 10 s`);
    }, 10_000);
    started = performance.now();
    button.click();
  });
}

async function measure(
  context: BenchContext,
  extension: ExtensionBrowser,
  origin: string,
): Promise<Figure[]> {
  const url = `${origin}/episode.html`;
  const { page, tabId } = await openTab(extension, url);
  const panelUrl = `chrome-extension://${extension.extensionId}/${PANEL_PATH}?tab=${tabId}`;
  const panel = await extension.context.newPage();
  await panel.setViewportSize(PANEL_SIZE);
  await panel.goto(panelUrl);
  await panel.evaluate(await context.bundle('browser-entry'));
  const cues = await panel.evaluate(
    (address) => (globalThis as unknown as BenchGlobal).earmarkBench.seedEpisodeWords(address),
    url,
  );
  if (cues < 2_000) throw new Error(`seeded ${cues} cues`);

  context.log(`${GROUP}: first screen, ${cues} cues`);
  await panel.addInitScript(FIRST_SCREEN_WATCH);
  const { warmup, runs } = context.runs([2, 15], [1, 3]);
  const screens: FirstScreen[] = [];
  for (let run = -warmup; run < runs; run++) {
    await panel.goto(panelUrl);
    const screen = await panel.evaluate<FirstScreen | null>('window.__benchCues');
    if (!screen) throw new Error('the panel showed no cues in 10 s');
    if (run >= 0) screens.push(screen);
  }
  const figures: Figure[] = [
    timingFigure(
      GROUP,
      `first screen, ${cues.toLocaleString('en')} cues kept`,
      summarise(screens.map((s) => s.paintedMs)),
      PANEL_FIRST_SCREEN_BUDGET_MS,
      'navigation start → the first frame with cues (an episode whose transcript is kept)',
    ),
  ];
  const own = screens.map((s) => (s.startMs === null ? null : s.paintedMs - s.startMs));
  if (own.every((ms): ms is number => ms !== null)) {
    figures.push(
      timingFigure(
        GROUP,
        "the panel's own part of its first screen",
        summarise(own),
        null,
        'earmark:start (scripts loaded) → the first frame with cues',
      ),
    );
  }
  figures.push(
    await emptyPageFigure(context, extension, GROUP, PANEL_SIZE, 'the first screen above'),
  );

  context.log(`${GROUP}: following the player`);
  const session = await extension.context.newCDPSession(panel);
  await session.send('Performance.enable');
  await page.evaluate(async () => {
    const audio = document.querySelector('audio')!;
    await audio.play();
    audio.pause();
  });
  const follow = context.runs([2, 15], [1, 4]);
  const perUpdate: number[] = [];
  const scriptPerUpdate: number[] = [];
  const lastCue = Math.floor(AUDIO_SECONDS / CUE_SECONDS) - 1;
  for (let run = -follow.warmup; run < follow.runs; run++) {
    const cue = 1 + ((run + follow.warmup) % lastCue);
    const still = await mainThreadMs(session);
    await panel.waitForTimeout(FOLLOW_WINDOW_MS);
    const stillEnd = await mainThreadMs(session);
    const before = await mainThreadMs(session);
    await seekPlayer(page, cue * CUE_SECONDS + 1);
    await panel.waitForTimeout(FOLLOW_WINDOW_MS);
    const movedEnd = await mainThreadMs(session);
    const current = await panel.locator('.cue.current').getAttribute('data-cue');
    if (current !== String(cue)) throw new Error(`the panel shows cue ${current}, not ${cue}`);
    if (run >= 0) {
      perUpdate.push(movedEnd.task - before.task - (stillEnd.task - still.task));
      scriptPerUpdate.push(movedEnd.script - before.script - (stillEnd.script - still.script));
    }
  }
  await session.detach();
  figures.push(
    timingFigure(
      GROUP,
      `follow the player: one change of cue, ${cues.toLocaleString('en')} cues`,
      summarise(perUpdate),
      PANEL_FOLLOW_BUDGET_MS,
      `panel main thread (TaskDuration) in ${FOLLOW_WINDOW_MS} ms with the cue changing − without`,
    ),
    timingFigure(
      GROUP,
      'follow the player: the script part of one change of cue',
      summarise(scriptPerUpdate),
      null,
      'the same windows, ScriptDuration: the rest of the figure above is style, layout, paint',
    ),
  );

  context.log(`${GROUP}: a quote saved from the panel`);
  const save = context.runs([1, 10], [1, 3]);
  const saves: number[] = [];
  // The background refuses more than a few captures a half minute from one tab.
  const paced = createCapturePacer();
  for (let run = -save.warmup; run < save.runs; run++) {
    await paced();
    // A cue of its own each time: the same words twice are refused as already saved.
    const result = await panel.evaluate(saveCueWords, run + save.warmup);
    if (typeof result === 'string') throw new Error(result);
    if (run >= 0) saves.push(result);
  }
  figures.push(
    timingFigure(
      GROUP,
      'a quote saved from the panel',
      summarise(saves),
      PANEL_SAVE_BUDGET_MS,
      'click on "Save selected words" → the words marked in their cue (stored first)',
    ),
  );
  await panel.close();
  await page.close();
  return figures;
}

export const panel: BenchGroup = {
  name: GROUP,
  about: 'the transcript panel: first screen with 2,500 cues, following the player, a quote saved',
  usesBrowser: true,
  async run(context: BenchContext) {
    const server = await servePages(join(REPO_ROOT, 'test/fixtures/words'), AUDIO_SECONDS);
    try {
      return await withEmptyPage(context.distDir, (extension) =>
        measure(context, extension, server.origin),
      );
    } finally {
      await server.close();
    }
  },
};
