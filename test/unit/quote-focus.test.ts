// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FOCUS_WAIT_MS, createQuoteFocus } from '../../src/background/quote-focus';

describe('createQuoteFocus', () => {
  it('keeps the newest quote a tab asked for, until a view takes it', () => {
    const focus = createQuoteFocus(() => 0);
    focus.ask(1, 'q1');
    focus.ask(1, 'q2');
    focus.ask(2, 'q3');
    expect(focus.take(1)).toBe('q2');
    expect(focus.take(1)).toBeNull();
    expect(focus.take(2)).toBe('q3');
  });

  it('lets a request lapse: a popup opened much later opens as usual', () => {
    let now = 0;
    const focus = createQuoteFocus(() => now);
    focus.ask(1, 'q1');
    now = FOCUS_WAIT_MS + 1;
    expect(focus.take(1)).toBeNull();
  });
});
