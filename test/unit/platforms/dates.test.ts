// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { toIsoDate } from '../../../src/core/platforms/dates';

describe('toIsoDate', () => {
  it('passes ISO dates and date-times through as written', () => {
    expect(toIsoDate('2025-10-08')).toBe('2025-10-08');
    expect(toIsoDate('2020-01-06T14:00:00Z')).toBe('2020-01-06T14:00:00Z');
    expect(toIsoDate('2024-04-02T08:00:00+00:00')).toBe('2024-04-02T08:00:00+00:00');
  });

  it('reads English written dates', () => {
    expect(toIsoDate('August 1, 2023')).toBe('2023-08-01');
    expect(toIsoDate('1 Aug 2023')).toBe('2023-08-01');
    expect(toIsoDate('Sept. 9, 2021')).toBe('2021-09-09');
  });

  it("reads dates in the page's language, as Apple's Spanish page writes them", () => {
    expect(toIsoDate('8 ago 2023', 'es')).toBe('2023-08-08');
    expect(toIsoDate('8 de agosto de 2023', 'es-ES')).toBe('2023-08-08');
    expect(toIsoDate('3. März 2022', 'de')).toBe('2022-03-03');
    expect(toIsoDate('12 févr. 2024', 'fr')).toBe('2024-02-12');
  });

  it('falls back to English month names on a page in another language', () => {
    expect(toIsoDate('March 3, 2024', 'de')).toBe('2024-03-03');
  });

  it('answers empty rather than guess', () => {
    expect(toIsoDate('10/08/2025')).toBe(''); // day or month first? unknowable
    expect(toIsoDate('ju 2024')).toBe('');
    expect(toIsoDate('32 August 2023')).toBe('');
    expect(toIsoDate('yesterday')).toBe('');
    expect(toIsoDate('8 ago 2023', 'not a language!')).toBe('');
  });
});
