// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Chapter } from '../../../src/core/feeds/chapters';
import {
  acceptChapters,
  acceptPeople,
  newChapterSections,
  newPeople,
} from '../../../src/core/feeds/offers';
import type { Episode } from '../../../src/core/model';
import type { Cue } from '../../../src/core/transcripts/types';
import {
  clockTime,
  cueAt,
  followScroll,
  msToNextCue,
  quoteInCue,
} from '../../../src/ui/words/follow';
import { makeEpisode, makeQuote } from '../../support/records';

const episode = (over: Partial<Episode> = {}): Episode =>
  makeEpisode('e', {
    url: 'https://x.test/e',
    title: 'T',
    show: 'S',
    participants: [{ id: 'p1', name: 'Ada Park', role: 'co-host' }],
    sections: [{ id: 's1', heading: 'Welcome', notes: 'my own notes' }],
    createdAt: '',
    updatedAt: '',
    ...over,
  });
const chapter = (startTime: number, title: string, toc = true): Chapter => ({
  startTime,
  endTime: null,
  title,
  url: null,
  toc,
});
const quote = (id: string, timeSec: number | null, sectionId: string | null = null) =>
  makeQuote(id, 'e', { timeSec, sectionId });

describe('what a feed offers the notes', () => {
  const chapters = [
    chapter(0, 'welcome '),
    chapter(20, 'Middle'),
    chapter(30, 'Art', false),
    chapter(60, 'End'),
  ];

  it('offers chapters that are not yet sections, leaving toc:false out', () => {
    expect(newChapterSections(episode(), chapters).map((c) => c.title)).toEqual(['Middle', 'End']);
  });

  it('keeps the person’s sections and files untitled quotes into the chapter holding their time', () => {
    let n = 0;
    const plan = acceptChapters(
      episode(),
      chapters,
      [quote('q1', 5), quote('q2', 45), quote('q3', 70, 's1'), quote('q4', null)],
      () => `new${++n}`,
    );
    expect(plan.sections).toEqual([
      { id: 's1', heading: 'Welcome', notes: 'my own notes' },
      // A section made from a chapter keeps where it starts, for the export's links.
      { id: 'new1', heading: 'Middle', notes: '', startSec: 20 },
      { id: 'new2', heading: 'End', notes: '', startSec: 60 },
    ]);
    // q3 has a section the person chose; q4 has no time.
    expect(plan.quoteSections).toEqual([
      { quoteId: 'q1', sectionId: 's1' },
      { quoteId: 'q2', sectionId: 'new1' },
    ]);
  });

  it('offers people who are not yet participants, with Earmark’s role or the feed’s word', () => {
    const people = [
      { name: 'ada park', role: 'host', group: 'cast', href: null, img: null },
      { name: 'Sam Rivera', role: 'guest', group: 'cast', href: null, img: null },
      { name: 'Lee Chen', role: 'producer', group: 'creative direction', href: null, img: null },
    ];
    const offered = newPeople(episode(), people);
    expect(offered).toEqual([
      { name: 'Sam Rivera', role: 'guest', feedRole: 'guest' },
      { name: 'Lee Chen', role: 'other', feedRole: 'producer' },
    ]);
    // The person's own role for Ada (co-host) stays.
    expect(acceptPeople(episode(), offered, () => 'id').map((p) => [p.name, p.role])).toEqual([
      ['Ada Park', 'co-host'],
      ['Sam Rivera', 'guest'],
      ['Lee Chen', 'other'],
    ]);
  });
});

describe('following the player', () => {
  const cues: Cue[] = [0, 5, 5, 12, 30].map((start, i) => ({
    start,
    end: start + 5,
    speaker: null,
    text: `cue ${i} words here`,
  }));

  it('finds the cue being heard: the last one starting at or before the time', () => {
    expect(cueAt(cues, -1)).toBe(-1);
    expect(cueAt(cues, 0)).toBe(0);
    expect(cueAt(cues, 7)).toBe(2);
    expect(cueAt(cues, 29.9)).toBe(3);
    expect(cueAt(cues, 999)).toBe(4);
    expect(cueAt([], 3)).toBe(-1);
  });

  it('finds a saved quote’s words in the cue starting at its time, also when they ran on into the next cue', () => {
    expect(quoteInCue(cues, { text: 'words', timeSec: 12 })).toEqual({ cue: 3, start: 6, end: 11 });
    expect(quoteInCue(cues, { text: 'cue 1 words', timeSec: 5 })).toEqual({
      cue: 1,
      start: 0,
      end: 11,
    });
    expect(quoteInCue(cues, { text: 'words here cue 4', timeSec: 12 })).toEqual({
      cue: 3,
      start: 6,
      end: 16,
    });
    expect(quoteInCue(cues, { text: 'words', timeSec: 13 })).toBeNull();
    expect(quoteInCue(cues, { text: 'words', timeSec: null })).toBeNull();
  });

  it('scrolls only when the cue being heard has left the view, and then about a page', () => {
    // In view, wholly: no scroll, also at the edges.
    expect(followScroll(0, 48, 600)).toBeNull();
    expect(followScroll(552, 600, 600)).toBeNull();
    // Below the view, even by a pixel: it comes back a sixth of the view from the top.
    expect(followScroll(560, 608, 600)).toBe(460);
    expect(followScroll(2000, 2048, 600)).toBe(1900);
    // Above it (the player went back): the same place, scrolling up.
    expect(followScroll(-48, 0, 600)).toBe(-148);
  });
});

describe("the panel's own clock between the page's answers", () => {
  const cues: Cue[] = [0, 4, 9, 15].map((start, i) => ({
    start,
    end: start + 4,
    text: `cue ${i}`,
    speaker: null,
  }));

  it('runs the time on at the player speed while playing, and holds it otherwise', () => {
    const heard = { timeSec: 10, playing: true, rate: 2, at: 1_000 };
    expect(clockTime(heard, 2_500)).toBe(13);
    expect(clockTime({ ...heard, playing: false }, 2_500)).toBe(10);
    expect(clockTime({ ...heard, timeSec: null }, 2_500)).toBeNull();
    // A timer that fires early never moves the time back.
    expect(clockTime(heard, 900)).toBe(10);
  });

  it('waits until the next cue starts, at the player speed', () => {
    // At 5 s, cue 1 is heard and cue 2 starts at 9: 4 s at normal speed, 2 s at double.
    expect(msToNextCue(cues, 5, 1)).toBeCloseTo(4_015);
    expect(msToNextCue(cues, 5, 2)).toBeCloseTo(2_015);
    // Before the first cue: until it starts.
    expect(msToNextCue([{ ...cues[0]!, start: 3 }], 1, 1)).toBeCloseTo(2_015);
  });

  it('waits for nothing after the last cue, without a time or a speed', () => {
    expect(msToNextCue(cues, 20, 1)).toBeNull();
    expect(msToNextCue(cues, null, 1)).toBeNull();
    expect(msToNextCue(cues, 5, 0)).toBeNull();
  });
});
