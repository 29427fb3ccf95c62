import { describe, expect, it } from 'vitest';
import { clean, roleOf, splitPair, withoutShow } from '../../../src/core/platforms/text';

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
