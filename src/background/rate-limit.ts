/**
 * How many captures one tab may ask for in a short time. A person selects words and presses a
 * key; even a fast one saves a few quotes in half a minute. A page that fakes the person's
 * actions (or a stuck key) would save hundreds: beyond this rate the background refuses, with
 * a message, instead of filling the library.
 */
export const CAPTURES_PER_WINDOW = 10;
export const CAPTURE_WINDOW_MS = 30_000;

export function createCaptureRateLimit(now: () => number = Date.now) {
  const byTab = new Map<number, number[]>();
  return {
    /** Counts a capture for the tab; false when it is over the rate (it is not counted). */
    allow(tabId: number): boolean {
      const time = now();
      const recent = (byTab.get(tabId) ?? []).filter((at) => time - at < CAPTURE_WINDOW_MS);
      if (recent.length >= CAPTURES_PER_WINDOW) {
        byTab.set(tabId, recent);
        return false;
      }
      recent.push(time);
      byTab.set(tabId, recent);
      return true;
    },
    forget(tabId: number): void {
      byTab.delete(tabId);
    },
  };
}
