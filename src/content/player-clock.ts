/**
 * The page's player as the transcript panel follows it (issue 13). The panel used to ask for
 * the time twice a second, also while nothing played: about 2 ms of its main thread (and a
 * message through the browser) each time. Now it asks with the clock's version it last had,
 * and the answer waits here until the player plays, pauses, seeks or changes speed. Between
 * answers the panel times the cues itself from the time and the speed.
 *
 * Media events don't bubble, but a listener on the document in the capture phase hears those
 * of every media element in it, including one the page adds later. An element that isn't in
 * this document (a frame's, a shadow root's) gets no clock: the panel asks again in a while.
 * Only events the browser fires count (`isTrusted`), and the panel asks at most every 100 ms,
 * so a page that plays and pauses in a loop can't keep it busy.
 */
import { mediaElementTime, pickMediaElement, readPlayerTime } from '../core/player';
import type { PlayerTimeReply } from '../messages/schemas';

/** Events after which the time no longer follows from the last answer. */
const CLOCK_EVENTS = [
  'play',
  'playing',
  'pause',
  'waiting',
  'seeked',
  'ratechange',
  'ended',
  'emptied',
  'loadedmetadata',
] as const;

/**
 * The longest an answer waits for a change. The panel's clock is set right at least this
 * often, and a panel that went away leaves a question here no longer than this.
 */
export const CLOCK_WAIT_MS = 10_000;

/** Enough data to play on: below it a "playing" element is waiting for the network. */
const HAVE_FUTURE_DATA = 3;

export interface PlayerClockWatch {
  /** The player now; with `after`, once its clock's version is no longer `after`. */
  read(after?: number): Promise<PlayerTimeReply>;
  stop(): void;
}

export function watchPlayerClock(doc: Document): PlayerClockWatch {
  let version = 0;
  const waiting = new Set<() => void>();
  const changed = (event: Event) => {
    // The browser's own media events only: a page script can dispatch a "play" as often as
    // it likes, and each would wake the panel.
    if (!event.isTrusted) return;
    version += 1;
    for (const wake of [...waiting]) wake();
  };
  const listening = new AbortController();
  for (const type of CLOCK_EVENTS) {
    doc.addEventListener(type, changed, { capture: true, signal: listening.signal });
  }

  const now = (): PlayerTimeReply => {
    const el = pickMediaElement(doc);
    const time = el && el.getRootNode() === doc ? mediaElementTime(el) : null;
    if (el && time !== null) {
      const rate = Number.isFinite(el.playbackRate) ? Math.max(0, el.playbackRate) : 1;
      const playing = !el.paused && !el.ended && el.readyState >= HAVE_FUTURE_DATA && rate > 0;
      return { timeSec: time, clock: { playing, rate, version } };
    }
    return { timeSec: readPlayerTime(doc)?.seconds ?? null };
  };

  return {
    read(after) {
      const current = now();
      if (after === undefined || current.clock?.version !== after) return Promise.resolve(current);
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiting.delete(wake);
          resolve(now());
        };
        const timer = setTimeout(wake, CLOCK_WAIT_MS);
        waiting.add(wake);
      });
    },
    stop() {
      listening.abort();
      for (const wake of [...waiting]) wake();
    },
  };
}
