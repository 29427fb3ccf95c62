// @vitest-environment node
/** The one "same person" rule, the speaker of a quote, and the one playback order. */
import { describe, expect, it } from 'vitest';
import { peopleNotListed, personKey, samePerson, speakerOf } from '../../src/core/people';
import { byPlaybackOrder } from '../../src/core/quote-order';

describe('samePerson', () => {
  it.each([
    ['Sam Rivera', 'sam rivera'],
    ['  Sam   Rivera ', 'Sam Rivera'],
    ['José Müller', 'Jose Muller'],
    ["Conan O'Brien", 'Conan OBrien'],
    ['Kevin M. Finn', 'kevin m finn'],
  ])('counts %j and %j as one person', (a, b) => {
    expect(samePerson(a, b)).toBe(true);
    expect(personKey(a)).toBe(personKey(b));
  });

  it.each([
    ['Sam Rivera', 'Sam'],
    ['Sam Rivera', 'Sam Riviera'],
    ['Ana', 'Anna'],
  ])('tells %j and %j apart', (a, b) => {
    expect(samePerson(a, b)).toBe(false);
  });
});

describe('speakerOf', () => {
  const people = [
    { id: 'p1', name: 'Sam' },
    { id: 'p2', name: 'Ada' },
  ];
  it('is the participant the quote names', () => {
    expect(speakerOf({ speakerId: 'p2' }, people)?.name).toBe('Ada');
  });
  it('is nobody for an unattributed quote or a removed participant', () => {
    expect(speakerOf({ speakerId: null }, people)).toBeUndefined();
    expect(speakerOf({ speakerId: 'gone' }, people)).toBeUndefined();
  });
});

describe('byPlaybackOrder', () => {
  it('orders by time, untimed (or unreadable) times last, capture order breaking ties', () => {
    const quotes = [
      { id: 'untimed', timeSec: null, order: 0 },
      { id: 'late', timeSec: 90, order: 1 },
      { id: 'nan', timeSec: Number.NaN, order: 2 },
      { id: 'early-second', timeSec: 10, order: 4 },
      { id: 'early-first', timeSec: 10, order: 3 },
    ];
    expect([...quotes].sort(byPlaybackOrder).map((q) => q.id)).toEqual([
      'early-first',
      'early-second',
      'late',
      'untimed',
      'nan',
    ]);
  });
});

describe('peopleNotListed', () => {
  it('suggests the people a page names who are not participants yet, each once', () => {
    const named = [
      { name: 'Sam Rivera', role: 'host' as const },
      { name: ' sam  rivera ' },
      { name: 'José Núñez' },
      { name: 'Ada' },
      { name: '   ' },
    ];
    expect(peopleNotListed(named, [{ name: 'Jose Nunez' }])).toEqual([
      { name: 'Sam Rivera', role: 'host' },
      { name: 'Ada', role: 'guest' },
    ]);
  });
});
