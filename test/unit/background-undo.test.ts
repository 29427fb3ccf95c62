import { describe, expect, it } from 'vitest';
import { UNDO_WINDOW_MS, createUndoLog } from '../../src/background/undo';

describe('createUndoLog', () => {
  it('lets the tab that captured a quote undo it, once', () => {
    const log = createUndoLog(() => 0);
    log.remember(3, 'q1');
    expect(log.take(3, 'q1')).toBe(true);
    expect(log.take(3, 'q1')).toBe(false);
  });

  it('refuses a quote another tab captured, or one never captured', () => {
    const log = createUndoLog(() => 0);
    log.remember(3, 'q1');
    expect(log.take(4, 'q1')).toBe(false);
    expect(log.take(3, 'q2')).toBe(false);
    expect(log.take(3, 'q1')).toBe(true);
  });

  it('forgets captures older than the undo window', () => {
    let now = 0;
    const log = createUndoLog(() => now);
    log.remember(3, 'q1');
    now = UNDO_WINDOW_MS + 1;
    expect(log.take(3, 'q1')).toBe(false);
  });
});
