// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  CAPTURES_PER_WINDOW,
  CAPTURE_WINDOW_MS,
  createCaptureRateLimit,
} from '../../src/background/rate-limit';

describe('the capture rate limit', () => {
  it('allows a burst a person could make, refuses the next, and allows again later', () => {
    let time = 0;
    const rate = createCaptureRateLimit(() => time);
    for (let i = 0; i < CAPTURES_PER_WINDOW; i++) expect(rate.allow(1)).toBe(true);
    expect(rate.allow(1)).toBe(false);
    // Another tab has its own count.
    expect(rate.allow(2)).toBe(true);
    time += CAPTURE_WINDOW_MS;
    expect(rate.allow(1)).toBe(true);
  });

  it('does not count refused captures, so a page that keeps trying is not locked out forever', () => {
    let time = 0;
    const rate = createCaptureRateLimit(() => time);
    for (let i = 0; i < CAPTURES_PER_WINDOW; i++) rate.allow(1);
    for (let i = 0; i < 100; i++) expect(rate.allow(1)).toBe(false);
    time += CAPTURE_WINDOW_MS;
    expect(rate.allow(1)).toBe(true);
  });
});
