/**
 * Capture latency in real Chromium with the built extension: from the popup's capture
 * message to its answer, which the background sends only after the quote's IndexedDB
 * transaction has committed (and the badge is updated). The keyboard shortcut and the context
 * menu run the same capture path in the background. Measured on the small demo episode and on
 * the 3-hour transcript page (~110k nodes), where describing the selection must not cost a walk
 * over the whole page's text.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { popupUrl, REPO_ROOT, type ExtensionBrowser } from '../../test/support/browser';
import { playAndSeek, selectText } from '../../test/support/page-actions';
import { servePages } from '../../test/support/server';
import { withExtension } from '../lib/browsers';
import type { BenchContext, BenchGroup } from '../lib/context';
import { openTab } from '../lib/episode-page';
import { timingFigure } from '../lib/figures';
import { summarise } from '../lib/stats';
import { PAGES } from '../pages/write';

const GROUP = 'capture';
export const CAPTURE_BUDGET_MS = 50;
const PAUSE_BETWEEN_CAPTURES_MS = 1000;
const DEMO_QUOTE = 'Write down the words that surprised you, not the words that agreed with you.';

/** Sends the capture message from the popup page `runs` times and times each answer. */
async function captureTimes(
  context: BenchContext,
  extension: ExtensionBrowser,
  tabId: number,
): Promise<number[]> {
  const { warmup, runs } = context.runs([3, 20], [1, 5]);
  const popup = await extension.context.newPage();
  try {
    await popup.goto(popupUrl(extension.extensionId, tabId));
    const samples: number[] = [];
    for (let run = -warmup; run < runs; run++) {
      const result = await popup.evaluate(async (tab) => {
        const started = performance.now();
        const reply: unknown = await chrome.runtime.sendMessage({
          type: 'capture/save',
          tabId: tab,
        });
        const ms = performance.now() - started;
        const answer = reply as { ok?: boolean; error?: string } | undefined;
        return { ms, ok: answer?.ok === true, error: answer?.error ?? '' };
      }, tabId);
      if (!result.ok) throw new Error(`capture failed: ${result.error}`);
      if (run >= 0) samples.push(result.ms);
      // A person saves a quote every few seconds at most: let the page finish the last one
      // (confirmation, highlights) before the next.
      await popup.waitForTimeout(PAUSE_BETWEEN_CAPTURES_MS);
    }
    return samples;
  } finally {
    await popup.close();
  }
}

/** Selects four cues (about 40 words across ~100 elements) in the middle of the transcript. */
async function selectTranscriptPassage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const cues = document.querySelectorAll('.cue');
    const middle = Math.floor(cues.length / 2);
    const range = document.createRange();
    range.setStartBefore(cues[middle]!);
    range.setEndAfter(cues[middle + 3]!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
}

export const capture: BenchGroup = {
  name: GROUP,
  about: 'capture message → transaction committed, on the demo page and the 3-hour page',
  usesBrowser: true,
  async run(context: BenchContext) {
    const demo = await servePages(join(REPO_ROOT, 'test/fixtures/demo'));
    const pages = await servePages(context.pagesDir);
    try {
      return await withExtension(async (extension) => {
        context.log('capture: demo episode');
        const small = await openTab(extension, `${demo.origin}/episode.html`);
        await playAndSeek(small.page, 62.5);
        await selectText(small.page, DEMO_QUOTE);
        const smallTimes = await captureTimes(context, extension, small.tabId);

        context.log('capture: 3-hour transcript page');
        const large = await openTab(extension, `${pages.origin}/${PAGES.transcript}`);
        await playAndSeek(large.page, 30);
        await selectTranscriptPassage(large.page);
        const largeTimes = await captureTimes(context, extension, large.tabId);
        return [
          timingFigure(
            GROUP,
            'capture, demo episode page',
            summarise(smallTimes),
            CAPTURE_BUDGET_MS,
            'message → committed → answered',
          ),
          timingFigure(
            GROUP,
            'capture, 3-hour transcript page',
            summarise(largeTimes),
            CAPTURE_BUDGET_MS,
            'message → committed → answered; ~110k nodes',
          ),
        ];
      });
    } finally {
      await demo.close();
      await pages.close();
    }
  },
};
