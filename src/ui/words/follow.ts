import type { Cue } from '../../core/transcripts/types';

/**
 * The cue being heard at `time`: the last one starting at or before it (binary search, so
 * following the player costs microseconds on a three-hour transcript). -1 before the first.
 */
export function cueAt(cues: readonly Cue[], time: number): number {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cues[mid]!.start <= time) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Where a saved quote's words are in a cue: the cue starting at its time that holds them. */
export function quoteInCue(
  cues: readonly Cue[],
  quote: { text: string; timeSec: number | null },
): { cue: number; start: number; end: number } | null {
  if (quote.timeSec === null || !quote.text) return null;
  const words = quote.text.replace(/\s+/g, ' ').trim();
  for (let i = cueAt(cues, quote.timeSec); i >= 0 && cues[i]!.start === quote.timeSec; i--) {
    // Words selected across cues start in this one: match the part that is in it.
    const text = cues[i]!.text;
    const at = text.indexOf(words);
    if (at !== -1) return { cue: i, start: at, end: at + words.length };
    for (let cut = Math.min(words.length, text.length); cut >= 8; cut--) {
      const head = words.slice(0, cut);
      const pos = text.indexOf(head);
      if (pos !== -1 && pos + cut === text.length) return { cue: i, start: pos, end: text.length };
    }
  }
  return null;
}

/**
 * How far to scroll the transcript so the cue being heard can be read, given where its row is
 * in the scrolling box (pixels from the box's top edge) and the box's height; null when it is
 * in view already. A cue that leaves the view comes back near the top, with a sixth of the
 * box above it, so the list moves once a page rather than at every cue: easier to read along,
 * and the panel scrolls (and lays out rows) a few times a minute instead of every few seconds.
 */
export function followScroll(rowTop: number, rowBottom: number, viewHeight: number): number | null {
  if (rowTop >= 0 && rowBottom <= viewHeight) return null;
  return Math.round(rowTop - viewHeight / 6);
}

/** The page's player as last heard: its time then, and how that time moves on. */
export interface HeardClock {
  timeSec: number | null;
  playing: boolean;
  rate: number;
  /** When the answer came, on the panel's `performance.now()` clock. */
  at: number;
}

/** The player's time at `now`, from the last answer: it runs on at its speed while playing. */
export function clockTime(clock: HeardClock, now: number): number | null {
  if (clock.timeSec === null) return null;
  if (!clock.playing) return clock.timeSec;
  return clock.timeSec + (Math.max(0, now - clock.at) / 1000) * clock.rate;
}

/** A little past the next cue's start, so that the time read then is in it. */
const PAST_START_MS = 15;

/**
 * Milliseconds until the cue being heard changes, playing at `rate` from `time`: when the next
 * cue starts. Null when nothing will change (the last cue, or no time or speed).
 */
export function msToNextCue(
  cues: readonly Cue[],
  time: number | null,
  rate: number,
): number | null {
  if (time === null || !(rate > 0)) return null;
  const next = cues[cueAt(cues, time) + 1];
  if (!next) return null;
  return Math.max(0, ((next.start - time) / rate) * 1000) + PAST_START_MS;
}
