import { describe, expect, it } from 'vitest';
import { chapterAt, parseChapters, sectionChapters } from '../../../src/core/feeds/chapters';
import { earmarkRole, isTaxonomyRole, readPerson } from '../../../src/core/feeds/people';
import { PERSON_TAXONOMY } from '../../../src/core/feeds/person-taxonomy';
import { readFixture } from '../../support/fixtures';

describe('chapters', () => {
  it('reads the namespace’s example', () => {
    const r = parseChapters(readFixture('chapters', 'namespace-example.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.length).toBeGreaterThan(2);
    expect(r.value[0]).toMatchObject({ startTime: 0, title: 'Intro', toc: true });
  });

  it('keeps toc:false chapters out of the sections, and finds the chapter of a moment', () => {
    const r = parseChapters(readFixture('chapters', 'namespace-example-complex.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const hidden = r.value.filter((c) => !c.toc);
    expect(hidden.length).toBeGreaterThan(0);
    const sections = sectionChapters(r.value);
    expect(sections.every((c) => c.toc)).toBe(true);
    expect(chapterAt(r.value, 170)?.title).toBe('Hearing Aids');
    expect(chapterAt(r.value, 0)?.title).toBe('Intro');
  });

  it('refuses bad chapters with a path, and drops a javascript: link', () => {
    expect(parseChapters('{"chapters":[{"title":"x"}]}')).toMatchObject({
      ok: false,
      error: { path: 'chapters.0.startTime' },
    });
    expect(
      parseChapters('{"chapters":[{"startTime":5,"title":"b"},{"startTime":1,"title":"a"}]}'),
    ).toMatchObject({
      ok: false,
      error: { path: 'chapters.1.startTime' },
    });
    const r = parseChapters(
      '{"chapters":[{"startTime":0,"title":"a","url":"javascript:alert(1)"}]}',
    );
    expect(r.ok && r.value[0]!.url).toBeNull();
  });
});

describe('podcast:person', () => {
  it('the taxonomy in the code is the namespace’s file', () => {
    const file = JSON.parse(readFixture('person-taxonomy-en.json')) as {
      group: string;
      role: string;
    }[];
    const fromFile: Record<string, string[]> = {};
    for (const e of file) (fromFile[e.group.toLowerCase()] ??= []).push(e.role.toLowerCase());
    expect(PERSON_TAXONOMY).toEqual(fromFile);
  });

  it('role defaults to host, group to cast, both case-insensitive', () => {
    expect(readPerson(' Ann  Lee ', undefined, undefined)).toEqual({
      name: 'Ann Lee',
      role: 'host',
      group: 'cast',
    });
    expect(readPerson('Bo', 'GUEST', 'Cast')).toEqual({ name: 'Bo', role: 'guest', group: 'cast' });
    expect(readPerson('  ', 'host', 'cast')).toBeNull();
    expect(isTaxonomyRole('Sound Designer', 'audio post-production')).toBe(true);
    expect(isTaxonomyRole('Sound Designer', 'cast')).toBe(false);
  });

  it('maps to Earmark’s roles where one fits and keeps the feed’s word otherwise', () => {
    expect(earmarkRole('Co-Host')).toBe('co-host');
    expect(earmarkRole('narrator')).toBe('narrator');
    expect(earmarkRole('producer')).toBeNull();
    expect(earmarkRole('guest host')).toBeNull();
  });
});
