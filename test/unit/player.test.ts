import { describe, expect, it, vi } from 'vitest';
import {
  mediaElementTime,
  pickMediaElement,
  positionTextTime,
  readPlayerTime,
} from '../../src/core/player';

function page(body: string): Document {
  // happy-dom reports every iframe it does not load; that noise is not ours.
  const quiet = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return new DOMParser().parseFromString(`<html><body>${body}</body></html>`, 'text/html');
  } finally {
    quiet.mockRestore();
  }
}

/** Gives a media element the state a browser would report while it plays or waits. */
function setState(
  el: Element | null,
  state: Partial<
    Pick<HTMLMediaElement, 'currentTime' | 'duration' | 'paused' | 'muted' | 'readyState'>
  >,
): void {
  for (const [key, value] of Object.entries(state)) {
    Object.defineProperty(el, key, { value, configurable: true });
  }
}

describe('pickMediaElement', () => {
  it('prefers the element that is playing over a longer paused one', () => {
    const doc = page('<audio id="long"></audio><audio id="playing"></audio>');
    setState(doc.getElementById('long'), { duration: 7200, paused: true });
    setState(doc.getElementById('playing'), { duration: 60, paused: false });
    expect(pickMediaElement(doc)?.id).toBe('playing');
  });

  it('prefers an audible player over a muted autoplay loop', () => {
    const doc = page('<video id="loop"></video><audio id="episode"></audio>');
    setState(doc.getElementById('loop'), { duration: 3600, paused: false, muted: true });
    setState(doc.getElementById('episode'), { duration: 1800, paused: false });
    expect(pickMediaElement(doc)?.id).toBe('episode');
  });

  it('takes the longest element when none is playing', () => {
    const doc = page(
      '<video id="ad"></video><audio id="episode"></audio><video id="clip"></video>',
    );
    setState(doc.getElementById('ad'), { duration: 15 });
    setState(doc.getElementById('episode'), { duration: 3725 });
    setState(doc.getElementById('clip'), { duration: 90 });
    expect(pickMediaElement(doc)?.id).toBe('episode');
  });

  it('finds the player inside a same-origin frame', () => {
    const doc = page('<iframe id="frame"></iframe>');
    const inner = page('<audio id="inside"></audio>');
    Object.defineProperty(doc.getElementById('frame'), 'contentDocument', { value: inner });
    expect(pickMediaElement(doc)?.id).toBe('inside');
  });

  it('skips a cross-origin frame, whose document is out of reach', () => {
    const doc = page('<iframe id="frame"></iframe>');
    Object.defineProperty(doc.getElementById('frame'), 'contentDocument', {
      get() {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(pickMediaElement(doc)).toBeNull();
  });

  it('answers null on a page without media', () => {
    expect(pickMediaElement(page('<p>Show notes only</p>'))).toBeNull();
  });
});

describe('mediaElementTime', () => {
  it('reads the position of an element that has loaded', () => {
    expect(mediaElementTime({ currentTime: 754.2, readyState: 4 })).toBe(754.2);
  });

  it('reads 0 as a time once the element knows its media: the episode has not started', () => {
    expect(mediaElementTime({ currentTime: 0, readyState: 1 })).toBe(0);
  });

  it('does not invent 0:00 for an element that has nothing loaded', () => {
    expect(mediaElementTime({ currentTime: 0, readyState: 0 })).toBeNull();
  });

  it('refuses a time that is not a number', () => {
    expect(mediaElementTime({ currentTime: Number.NaN, readyState: 4 })).toBeNull();
  });
});

describe('positionTextTime', () => {
  it("reads Spotify's visible playback position", () => {
    const doc = page('<div data-testid="playback-position">12:34</div>');
    expect(positionTextTime(doc)).toBe(754);
  });

  it('reads an hour-long position on YouTube', () => {
    expect(positionTextTime(page('<span class="ytp-time-current">1:02:05</span>'))).toBe(3725);
  });

  it("takes Spotify's -:-- placeholder for no time at all", () => {
    expect(positionTextTime(page('<div data-testid="playback-position">-:--</div>'))).toBeNull();
  });

  it('reads the visible part of SoundCloud’s elapsed time, not the screen-reader sentence', () => {
    const doc = page(
      '<div class="playbackTimeline__timePassed"><span class="sc-visuallyhidden">Current time: 65 seconds</span><span aria-hidden="true">1:05</span></div>',
    );
    expect(positionTextTime(doc)).toBe(65);
  });

  it('survives a selector the caller got wrong', () => {
    expect(positionTextTime(page('<b>1:00</b>'), ['[[broken', 'b'])).toBe(60);
  });
});

describe('readPlayerTime', () => {
  it('uses the media element when the page has one', () => {
    const doc = page('<audio></audio><div data-testid="playback-position">9:99</div>');
    setState(doc.querySelector('audio'), { currentTime: 42, readyState: 4 });
    expect(readPlayerTime(doc)).toEqual({ seconds: 42, source: 'media-element' });
  });

  it("falls back to the player's visible position last", () => {
    const doc = page('<div data-testid="playback-position">3:07</div>');
    expect(readPlayerTime(doc)).toEqual({ seconds: 187, source: 'position-text' });
  });

  it('says null, not 0:00, when nothing on the page knows the time', () => {
    const doc = page('<audio></audio><div data-testid="playback-position">-:--</div>');
    expect(readPlayerTime(doc)).toBeNull();
  });
});
