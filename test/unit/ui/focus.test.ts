/**
 * focusWhenShown (src/ui/focus.ts): the frames and the clock are the test's, so what it checks
 * is what each frame does, whatever the machine's speed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { focusWhenShown } from '../../../src/ui/focus';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame', 'performance'] });
});
afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

function frames(count: number): void {
  for (let i = 0; i < count; i++) vi.advanceTimersToNextFrame();
}

function field(id: string): HTMLInputElement {
  const input = document.createElement('input');
  input.id = id;
  document.body.append(input);
  return input;
}

describe('focusWhenShown', () => {
  it('focuses a field drawn at once, and one drawn after two seconds of frames', () => {
    const now = field('now');
    focusWhenShown('now');
    expect(document.activeElement).toBe(now);

    now.blur();
    focusWhenShown('later');
    frames(120);
    const later = field('later');
    frames(1);
    expect(document.activeElement).toBe(later);
  });

  it('waits the frames it is asked to before looking', () => {
    const row = field('row');
    focusWhenShown('row', 2);
    frames(1);
    expect(document.activeElement).not.toBe(row);
    frames(1);
    expect(document.activeElement).toBe(row);
  });

  it('gives up after five seconds, so a late field takes no typing begun elsewhere', () => {
    focusWhenShown('late');
    frames(Math.ceil(5_500 / 16));
    const late = field('late');
    frames(5);
    expect(document.activeElement).not.toBe(late);
  });

  it('keeps the scroll when asked', () => {
    const input = field('kept');
    const focus = vi.spyOn(input, 'focus');
    focusWhenShown('kept', 0, true);
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
  });
});
