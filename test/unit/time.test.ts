// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clockHasHours, formatClock, formatEpisodeClock } from '../../src/core/time';

describe('one time format per episode', () => {
  it('writes hours only when the episode is an hour or longer', () => {
    expect(clockHasHours(59 * 60 + 59)).toBe(false);
    expect(clockHasHours(3600)).toBe(true);
    expect(formatEpisodeClock(312, clockHasHours(45 * 60))).toBe('5:12');
    expect(formatEpisodeClock(312, clockHasHours(90 * 60))).toBe('0:05:12');
  });

  it('with no known duration, lets a moment past the hour decide', () => {
    expect(clockHasHours(null, [312, null])).toBe(false);
    expect(clockHasHours(null, [312, 3725])).toBe(true);
    // A known duration wins over times: a stray time can't make a short episode long.
    expect(clockHasHours(1800, [3725])).toBe(false);
  });

  it('drops fractions rather than rounding past the moment', () => {
    expect(formatClock(75.9)).toBe('1:15');
    expect(formatEpisodeClock(3725.9, true)).toBe('1:02:05');
  });
});
