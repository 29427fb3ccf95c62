import { located, type Located } from '../located';
import type { Cue } from './types';

/** A three-hour episode has about 2,500 cues; word-level files are merged before this check. */
export const MAX_CUES = 20_000;
/** No episode is longer than a day: a time past it is a broken file, not a long show. */
const MAX_TIME = 24 * 3600;

/**
 * Times the panel can follow: finite, an end not before its start, and starts that never go
 * backwards (two cues at the same moment are fine: Buzzsprout's JSON splits lines that way).
 * `where(i)` locates cue i in the file.
 */
export function checkCueTimes(
  cues: readonly Cue[],
  where: (i: number) => Omit<Located, 'message'>,
): Located | null {
  if (cues.length === 0) return located('no timed text in the transcript');
  if (cues.length > MAX_CUES) return located(`more than ${MAX_CUES.toLocaleString('en')} cues`);
  let previous = 0;
  for (let i = 0; i < cues.length; i++) {
    const { start, end } = cues[i]!;
    if (!Number.isFinite(start) || !Number.isFinite(end) || start < 0 || end > MAX_TIME) {
      return located('a time is out of range', where(i));
    }
    if (end < start) return located('the cue ends before it starts', where(i));
    if (start < previous) {
      return located(
        'the cue starts before the one above it: times overlap or go backwards',
        where(i),
      );
    }
    previous = start;
  }
  return null;
}
