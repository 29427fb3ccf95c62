/**
 * What a feed offers an episode's notes, never replacing what the person wrote: chapters that
 * are not yet a section (by heading), people who are not yet participants (by name), and which
 * section each timed quote without one falls into.
 */
import type { Episode, Participant, Quote, Role, Section } from '../model';
import { sectionChapters, type Chapter } from './chapters';
import { earmarkRole } from './people';
import type { FeedPerson } from './types';

const key = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

export function newChapterSections(episode: Episode, chapters: readonly Chapter[]): Chapter[] {
  const have = new Set(episode.sections.map((s) => key(s.heading)));
  return sectionChapters(chapters).filter((c) => !have.has(key(c.title)));
}

export interface OfferedPerson {
  name: string;
  /** Earmark's role when one fits; else "other", with the feed's own word kept in `feedRole`. */
  role: Role;
  feedRole: string;
}

export function newPeople(episode: Episode, people: readonly FeedPerson[]): OfferedPerson[] {
  const have = new Set(episode.participants.map((p) => key(p.name)));
  const offered: OfferedPerson[] = [];
  for (const person of people) {
    if (have.has(key(person.name))) continue;
    have.add(key(person.name));
    offered.push({
      name: person.name,
      role: earmarkRole(person.role) ?? 'other',
      feedRole: person.role,
    });
  }
  return offered;
}

/**
 * Sections for the accepted chapters, and the section of each timed quote that has none: the
 * chapter containing its time (a chapter's own or an existing section with its title).
 */
export function acceptChapters(
  episode: Episode,
  chapters: readonly Chapter[],
  quotes: readonly Quote[],
  makeId: () => string,
): { sections: Section[]; quoteSections: { quoteId: string; sectionId: string }[] } {
  const byTitle = new Map(episode.sections.map((s) => [key(s.heading), s.id]));
  const added: Section[] = [];
  for (const chapter of newChapterSections(episode, chapters)) {
    const section = {
      id: makeId(),
      heading: chapter.title,
      notes: '',
      startSec: chapter.startTime,
    };
    added.push(section);
    byTitle.set(key(chapter.title), section.id);
  }
  const toc = sectionChapters(chapters);
  const quoteSections: { quoteId: string; sectionId: string }[] = [];
  for (const quote of quotes) {
    if (quote.sectionId !== null || quote.timeSec === null) continue;
    let chapter: Chapter | null = null;
    for (const c of toc) if (c.startTime <= quote.timeSec) chapter = c;
    const sectionId = chapter ? byTitle.get(key(chapter.title)) : undefined;
    if (sectionId) quoteSections.push({ quoteId: quote.id, sectionId });
  }
  return { sections: [...episode.sections, ...added], quoteSections };
}

export function acceptPeople(
  episode: Episode,
  offered: readonly OfferedPerson[],
  makeId: () => string,
): Participant[] {
  return [
    ...episode.participants,
    ...offered.map((p) => ({ id: makeId(), name: p.name, role: p.role })),
  ];
}
