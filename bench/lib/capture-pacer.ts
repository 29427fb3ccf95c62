import { CAPTURES_PER_WINDOW, CAPTURE_WINDOW_MS } from '../../src/background/rate-limit';

/** Kept below the limit by one, and past the window by this much: the clocks differ a little. */
const MARGIN_MS = 500;

/**
 * Keeps a bench's captures from one tab within the background's rate limit (issue 18: more
 * than CAPTURES_PER_WINDOW in CAPTURE_WINDOW_MS from a tab are refused, as a page saving on
 * its own would be). Call it before each capture: when the tab is near the limit, it waits
 * until its oldest recent capture is out of the window. Waiting is never inside a timing.
 */
export function createCapturePacer(): () => Promise<void> {
  const times: number[] = [];
  return async () => {
    const recent = () => times.filter((at) => Date.now() - at < CAPTURE_WINDOW_MS + MARGIN_MS);
    let last = recent();
    if (last.length >= CAPTURES_PER_WINDOW - 1) {
      const wait = CAPTURE_WINDOW_MS + MARGIN_MS - (Date.now() - last[0]!);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
      last = recent();
    }
    times.length = 0;
    times.push(...last, Date.now());
  };
}
