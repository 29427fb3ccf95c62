// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  clean,
  roleOf,
  splitPair,
  withoutEpisodeNumber,
  withoutShow,
} from '../../../src/core/platforms/text';

describe('clean', () => {
  it('trims, single-spaces and drops invisible marks', () => {
    expect(clean('\u200E mixx.io:\u00A0La molécula \n que falta ')).toBe(
      'mixx.io: La molécula que falta',
    );
  });

  it('takes anything that is not a string for empty', () => {
    expect(clean(42)).toBe('');
    expect(clean(null)).toBe('');
  });

  it('bounds the length', () => {
    expect(clean('x'.repeat(10_000))).toHaveLength(300);
  });
});

describe('withoutShow', () => {
  it('removes the show name glued after or before the title', () => {
    expect(
      withoutShow('117: Tom Preston-Werner on RedwoodJS | React Podcast', 'React Podcast'),
    ).toBe('117: Tom Preston-Werner on RedwoodJS');
    expect(withoutShow('Build Your SaaS | Paul Jarvis', 'Build Your SaaS')).toBe('Paul Jarvis');
    expect(withoutShow('mixx.io: La molécula que falta', 'mixx.io')).toBe('La molécula que falta');
  });

  it('leaves a title alone when no separator stands between', () => {
    expect(withoutShow('React Podcasting tips', 'React Podcast')).toBe('React Podcasting tips');
    expect(withoutShow('React Podcast', 'React Podcast')).toBe('React Podcast');
    expect(withoutShow('Title', '')).toBe('Title');
  });
});

describe('splitPair', () => {
  it('splits on a separator that occurs exactly once', () => {
    expect(splitPair('Fork The Government : Planet Money', ' : ')).toEqual([
      'Fork The Government',
      'Planet Money',
    ]);
    expect(splitPair('a - b - c', ' - ')).toBeNull();
    expect(splitPair('no separator', ' - ')).toBeNull();
  });
});

describe('roleOf', () => {
  it('maps the labels pages use to roles', () => {
    expect(roleOf('Host')).toBe('host');
    expect(roleOf('Co-Host')).toBe('co-host');
    expect(roleOf('Guest')).toBe('guest');
    expect(roleOf('Interviewer')).toBe('interviewer');
    expect(roleOf('Narrator')).toBe('narrator');
    expect(roleOf('Editor')).toBe('other');
    expect(roleOf('')).toBeUndefined();
  });
});

describe('withoutEpisodeNumber', () => {
  it('drops a number prefix the page also gives on its own', () => {
    expect(withoutEpisodeNumber('#032 – Before and After', 32)).toBe('Before and After');
    expect(withoutEpisodeNumber('Episode 12: The plan', 12)).toBe('The plan');
    expect(withoutEpisodeNumber('Ep. 7 - Seven', 7)).toBe('Seven');
    expect(withoutEpisodeNumber('14. Fourteen', 14)).toBe('Fourteen');
  });

  it('keeps the title when the page gives no number, another one, or nothing follows', () => {
    expect(withoutEpisodeNumber('Episode 251: From CERN', null)).toBe('Episode 251: From CERN');
    expect(withoutEpisodeNumber('#031 – Another', 32)).toBe('#031 – Another');
    expect(withoutEpisodeNumber('1984: the year', 32)).toBe('1984: the year');
    expect(withoutEpisodeNumber('32', 32)).toBe('32');
  });
});
