/**
 * The transcript panel in real Chromium with the built extension (issue 13), on an episode
 * whose 3-hour transcript (~2,500 cues) is already kept, as on a revisit:
 * - its first screen: navigation start → the first frame with cues, watched by an init script;
 * - following the player: how often the panel asks the page for the player's time while the
 *   player is paused (it asked twice a second; now its question waits for a change,
 *   content/player-clock.ts); from a trace of the panel's main thread, one change of the cue
 *   being heard, and one that scrolls the list (the frames drawn after the player moves);
 *   beside them, a frame that recolours one line of the same panel: the floor, and each change
 *   less that floor, run by run (what following adds to the least a visible change costs);
 * - a quote saved from the panel: the click on "Save selected words" → the words marked in
 *   their cue, which happens once the store has the quote.
 * The page is served from 127.0.0.1 with a generated audio file; the panel page is opened in
 * a tab with `?tab=`, as the browser tests open it. Beside the first screen: the panel's own
 * part of it (from `earmark:start`, its scripts loaded) and the first frame of an empty page
 * of the extension, opened the same way (bench/lib/empty-page.ts): the floor under the figure.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { BenchGlobal } from '../browser-entry';
import { REPO_ROOT, type ExtensionBrowser } from '../../test/support/browser';
import { servePages } from '../../test/support/server';
import { emptyPageFigure, withEmptyPage } from '../lib/empty-page';
import { createCapturePacer } from '../lib/capture-pacer';
import type { BenchContext, BenchGroup } from '../lib/context';
import { openTab } from '../lib/episode-page';
import { timingFigure, valueFigure, type Figure } from '../lib/figures';
import { findMainThread, traceMainThread, type TracedTask } from '../lib/main-thread-trace';
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
/** A follow window: long enough for two or three asks of the old twice-a-second polling. */
const FOLLOW_WINDOW_MS = 1_200;

/** Counts the panel's questions to the page for the player's time (`player/time`). */
const COUNT_PLAYER_ASKS = `(() => {
  const tabs = chrome.tabs;
  const send = tabs.sendMessage;
  globalThis.__benchPlayerAsks = 0;
  tabs.sendMessage = (...args) => {
    if (args[1]?.type === 'player/time') globalThis.__benchPlayerAsks += 1;
    return send.apply(tabs, args);
  };
})()`;
/** How far a seek goes for a change of cue that scrolls: past the ~9 cues in view. */
const SCROLL_CUES = 12;

/**
 * Watches the panel from its first byte: when cues are in the DOM, and when the frame that
 * first draws them is drawn (a task queued from that frame's callback runs after its style,
 * layout and paint). The frame callback is asked for every frame from the start, so that it
 * comes before the callbacks the panel asks for while it renders (Preact's effects, which
 * redraw the list with its margin): their work follows the frame, and is not in the figure.
 */
const FIRST_SCREEN_WATCH = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  window.__benchCues = new Promise((resolve) => {
    let domMs = null;
    new MutationObserver((_records, observer) => {
      if (!document.querySelector('.cue')) return;
      observer.disconnect();
      domMs = performance.now();
    }).observe(document, { childList: true, subtree: true });
    const frame = () => {
      if (domMs === null) return requestAnimationFrame(frame);
      const startMs = performance.getEntriesByName('earmark:start')[0]?.startTime ?? null;
      setTimeout(() => resolve({ domMs, startMs, paintedMs: performance.now() }));
    };
    requestAnimationFrame(frame);
    setTimeout(() => resolve(null), 10000);
  });
})();`;

interface FirstScreen {
  domMs: number;
  /** The panel's `earmark:start` mark: its scripts are loaded and its own work starts. */
  startMs: number | null;
  paintedMs: number;
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
  await panel.evaluate(COUNT_PLAYER_ASKS);
  await page.evaluate(async () => {
    const audio = document.querySelector('audio')!;
    await audio.play();
    audio.pause();
  });
  const scripts = `chrome-extension://${extension.extensionId}/assets/`;
  // Its main thread, from a call into its scripts: "Follow the player" clicked off and on.
  const follows = panel.getByLabel('Follow the player');
  const main = await findMainThread(session, scripts, async () => {
    await follows.uncheck();
    await follows.check();
  });
  const trace = (act: () => Promise<void>) =>
    traceMainThread(session, main, async () => {
      await act();
      await panel.waitForTimeout(FOLLOW_WINDOW_MS);
    });
  const frameMs = (tasks: TracedTask[]) =>
    tasks.filter((task) => task.frame).reduce((sum, task) => sum + task.ms, 0);
  const listTop = () => panel.evaluate(() => document.querySelector('.cue-list > *')!.scrollTop);

  const follow = context.runs([2, 15], [1, 4]);
  const asksPerSecond: number[] = [];
  const perChange: number[] = [];
  const perScroll: number[] = [];
  const floor: number[] = [];
  const lastCue = Math.floor(AUDIO_SECONDS / CUE_SECONDS) - 1;
  for (let run = -follow.warmup; run < follow.runs; run++) {
    const n = run + follow.warmup;
    // The player paused: what following asks of the page while nothing changes.
    const asked = () =>
      panel.evaluate(() => (globalThis as { __benchPlayerAsks?: number }).__benchPlayerAsks ?? 0);
    const asksBefore = await asked();
    await panel.waitForTimeout(FOLLOW_WINDOW_MS);
    const asks = (await asked()) - asksBefore;
    // The next cue, within the rows in view (or a page down, the view moves with it).
    const cue = 1 + (n % lastCue);
    const top = await listTop();
    const moved = await trace(() => seekPlayer(page, cue * CUE_SECONDS + 1));
    const current = await panel.locator('.cue.current').getAttribute('data-cue');
    if (current !== String(cue)) throw new Error(`the panel shows cue ${current}, not ${cue}`);
    // A cue well past the view: the list scrolls to it.
    const far = Math.min(lastCue, cue + SCROLL_CUES);
    const scrolled = await trace(() => seekPlayer(page, far * CUE_SECONDS + 1));
    if ((await listTop()) === top && far !== cue)
      throw new Error(`cue ${far}: the list didn't move`);
    // The same panel recolouring one line: the least a visible change costs here.
    const recoloured = await trace(() =>
      panel.evaluate(
        (odd) => {
          const line = document.querySelector<HTMLElement>('.transcript .muted')!;
          line.style.backgroundColor = odd ? 'rgb(250 250 240)' : 'rgb(240 250 250)';
        },
        n % 2 === 1,
      ),
    );
    await seekPlayer(page, 0);
    await panel.waitForTimeout(FOLLOW_WINDOW_MS);
    if (run < 0) continue;
    asksPerSecond.push(asks / (FOLLOW_WINDOW_MS / 1000));
    perChange.push(frameMs(moved));
    perScroll.push(frameMs(scrolled));
    floor.push(frameMs(recoloured));
  }
  await session.detach();
  figures.push(
    valueFigure(GROUP, "follow the player: asks for the player's time while it is paused", {
      value: summarise(asksPerSecond).median,
      unit: '/s',
      kind: 'count',
      runs: asksPerSecond.length,
      summary: summarise(asksPerSecond),
      note: `questions to the page in ${FOLLOW_WINDOW_MS} ms, per second; twice a second before its question waited for a change (each ~2 ms of the panel's main thread)`,
    }),
    timingFigure(
      GROUP,
      `follow the player: one change of cue, ${cues.toLocaleString('en')} cues`,
      summarise(perChange),
      PANEL_FOLLOW_BUDGET_MS,
      'main-thread time of the frames drawn after the player moves to the next cue (traced)',
    ),
    timingFigure(
      GROUP,
      'follow the player: a change of cue that scrolls the list',
      summarise(perScroll),
      PANEL_FOLLOW_BUDGET_MS,
      `the same, the player moved ${SCROLL_CUES} cues on: past the view, the list moves a page`,
    ),
    timingFigure(
      GROUP,
      'follow the player: one change of cue, beyond the floor',
      summarise(perChange.map((ms, i) => ms - floor[i]!)),
      PANEL_FOLLOW_BUDGET_MS,
      "the change of cue's frames less the recoloured line's, run by run: what following adds to the least a visible change costs",
    ),
    timingFigure(
      GROUP,
      'follow the player: a change of cue that scrolls, beyond the floor',
      summarise(perScroll.map((ms, i) => ms - floor[i]!)),
      PANEL_FOLLOW_BUDGET_MS,
      "the same for the change that scrolls the list: the list's scroll, and the rows that come into view drawn and measured",
    ),
    timingFigure(
      GROUP,
      'a frame that recolours one line of the panel',
      summarise(floor),
      null,
      'the floor under the figures above: the least a visible change costs in this panel',
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
