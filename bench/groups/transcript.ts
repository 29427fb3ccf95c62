/**
 * Reading a show's words (issue 13), in Node's V8 (the engine of Chromium's side panel, where
 * the panel runs these same pure functions): a three-hour transcript parsed in each format, a
 * feed of 1,000 items read, and the lookup that follows the player.
 *
 * Not here yet: the panel's first screen and a quote saved from the panel, which need the
 * built extension in Chromium (test/e2e/transcript.e2e.ts walks both, untimed).
 */
import { readFeed } from '../../src/core/feeds/read-feed';
import { parseTranscript } from '../../src/core/transcripts';
import type { TranscriptFormat } from '../../src/core/transcripts/types';
import { cueAt } from '../../src/ui/words/follow';
import type { BenchContext, BenchGroup } from '../lib/context';
import { timingFigure, type Figure } from '../lib/figures';
import { summarise } from '../lib/stats';
import {
  feedOf,
  threeHourHtml,
  threeHourJson,
  threeHourSrt,
  threeHourVtt,
} from '../lib/words-data';

const GROUP = 'transcript';
export const PARSE_BUDGET_MS = 30;
export const FEED_BUDGET_MS = 100;
export const FOLLOW_BUDGET_MS = 1;
const FEED_ITEMS = 1_000;
/** Updates timed together: one is far below the timer's resolution. */
const FOLLOW_BATCH = 1_000;

function time(warmup: number, runs: number, work: () => void): number[] {
  for (let i = 0; i < warmup; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return samples;
}

export const transcript: BenchGroup = {
  name: GROUP,
  about: 'a 3-hour transcript parsed per format, a 1,000-item feed read, following the player',
  usesBrowser: false,
  async run(context: BenchContext) {
    const { warmup, runs } = context.runs([5, 30], [2, 5]);
    const figures: Figure[] = [];
    const inputs: [TranscriptFormat, string][] = [
      ['vtt', threeHourVtt()],
      ['srt', threeHourSrt()],
      ['json', threeHourJson()],
      ['html', threeHourHtml()],
    ];
    let cueCount = 0;
    for (const [format, text] of inputs) {
      context.log(`transcript: ${format}`);
      let cues = 0;
      const samples = time(warmup, runs, () => {
        const result = parseTranscript(text, format);
        if (!result.ok) throw new Error(`${format}: ${result.error.message}`);
        cues = result.value.cues.length;
      });
      cueCount = cues;
      figures.push(
        timingFigure(
          GROUP,
          `parse a 3-hour transcript: ${format}`,
          summarise(samples),
          PARSE_BUDGET_MS,
          `${cues} cues from ${(text.length / 1e3).toFixed(0)} k chars`,
        ),
      );
    }

    context.log('transcript: feed');
    const feed = feedOf(FEED_ITEMS);
    const feedSamples = time(warmup, runs, () => {
      const result = readFeed(feed, 'https://show.example/feed.xml');
      if (!result.ok || result.value.items.length !== FEED_ITEMS) throw new Error('feed');
    });
    figures.push(
      timingFigure(
        GROUP,
        `read a feed of ${FEED_ITEMS.toLocaleString('en')} items`,
        summarise(feedSamples),
        FEED_BUDGET_MS,
        `${(feed.length / 1e6).toFixed(1)} MB, saxes`,
      ),
    );

    const parsed = parseTranscript(inputs[0]![1], 'vtt');
    if (!parsed.ok) throw new Error('vtt');
    const cues = parsed.value.cues;
    const end = cues[cues.length - 1]!.end;
    let sink = 0;
    const followSamples = time(warmup, runs, () => {
      for (let i = 0; i < FOLLOW_BATCH; i++) sink += cueAt(cues, (i * 7.3) % end);
    }).map((batch) => batch / FOLLOW_BATCH);
    figures.push(
      timingFigure(
        GROUP,
        'follow the player: the cue being heard',
        summarise(followSamples),
        FOLLOW_BUDGET_MS,
        `per update, ${cueCount} cues (cueAt, binary search)${sink < 0 ? '' : ''}`,
      ),
    );
    return figures;
  },
};
