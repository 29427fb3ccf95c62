import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CLOCK_WAIT_MS,
  watchPlayerClock,
  type PlayerClockWatch,
} from '../../src/content/player-clock';

/** Gives a media element the state a browser would report. */
function setState(
  el: HTMLMediaElement,
  state: Partial<Pick<HTMLMediaElement, 'currentTime' | 'paused' | 'readyState' | 'playbackRate'>>,
): void {
  for (const [key, value] of Object.entries(state)) {
    Object.defineProperty(el, key, { value, configurable: true });
  }
}

/** A media event as the browser fires it (a page script's own events are not trusted). */
function fire(el: HTMLMediaElement, type: string, trusted = true): void {
  const event = new Event(type);
  Object.defineProperty(event, 'isTrusted', { value: trusted });
  el.dispatchEvent(event);
}

let watch: PlayerClockWatch | null = null;
afterEach(() => {
  watch?.stop();
  watch = null;
  document.body.replaceChildren();
  vi.useRealTimers();
});

function audioPlaying(at: number): HTMLAudioElement {
  const audio = document.createElement('audio');
  document.body.append(audio);
  setState(audio, { currentTime: at, paused: false, readyState: 4, playbackRate: 1.5 });
  return audio;
}

describe('the player clock the transcript panel follows', () => {
  it('answers at once without a version, with how the time moves on', async () => {
    audioPlaying(42);
    watch = watchPlayerClock(document);
    expect(await watch.read()).toEqual({
      timeSec: 42,
      clock: { playing: true, rate: 1.5, version: 0 },
    });
  });

  it('holds the answer until the player pauses, seeks or changes speed', async () => {
    const audio = audioPlaying(42);
    watch = watchPlayerClock(document);
    const { clock } = await watch.read();
    let answered = false;
    const next = watch.read(clock!.version).then((reply) => {
      answered = true;
      return reply;
    });
    await Promise.resolve();
    expect(answered).toBe(false);
    setState(audio, { paused: true, currentTime: 50 });
    // Media events don't bubble: heard on the document in the capture phase.
    fire(audio, 'pause');
    expect(await next).toEqual({
      timeSec: 50,
      clock: { playing: false, rate: 1.5, version: 1 },
    });
    // A version that is already old is answered at once.
    expect((await watch.read(0)).clock?.version).toBe(1);
  });

  it('hears a player the page adds later', async () => {
    watch = watchPlayerClock(document);
    expect(await watch.read()).toEqual({ timeSec: null });
    const audio = audioPlaying(3);
    fire(audio, 'playing');
    expect(await watch.read(0)).toEqual({
      timeSec: 3,
      clock: { playing: true, rate: 1.5, version: 1 },
    });
  });

  it("doesn't count events a page script dispatches", async () => {
    const audio = audioPlaying(7);
    watch = watchPlayerClock(document);
    for (let i = 0; i < 50; i++) fire(audio, 'play', false);
    expect((await watch.read()).clock?.version).toBe(0);
    fire(audio, 'play');
    expect((await watch.read()).clock?.version).toBe(1);
  });

  it('answers after a while with nothing changed, so the panel sets its clock right', async () => {
    vi.useFakeTimers();
    audioPlaying(10);
    watch = watchPlayerClock(document);
    const next = watch.read(0);
    await vi.advanceTimersByTimeAsync(CLOCK_WAIT_MS - 1);
    let answered = false;
    void next.then(() => (answered = true));
    await Promise.resolve();
    expect(answered).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await next).clock?.version).toBe(0);
  });

  it('is not playing while it waits for data, or at speed 0', async () => {
    const audio = audioPlaying(5);
    watch = watchPlayerClock(document);
    setState(audio, { readyState: 2 });
    expect((await watch.read()).clock?.playing).toBe(false);
    setState(audio, { readyState: 4, playbackRate: 0 });
    expect((await watch.read()).clock).toEqual({ playing: false, rate: 0, version: 0 });
  });

  it('gives no clock for a time read from the page text: the panel asks again', async () => {
    const position = document.createElement('div');
    position.dataset.testid = 'playback-position';
    position.textContent = '1:05';
    document.body.append(position);
    watch = watchPlayerClock(document);
    expect(await watch.read(0)).toEqual({ timeSec: 65 });
  });

  it('stops listening, and answers a question still waiting', async () => {
    const audio = audioPlaying(1);
    watch = watchPlayerClock(document);
    const next = watch.read(0);
    watch.stop();
    expect((await next).clock?.version).toBe(0);
    fire(audio, 'pause');
    expect((await watch.read()).clock?.version).toBe(0);
  });
});
