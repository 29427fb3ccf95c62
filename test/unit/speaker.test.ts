/**
 * The speaker guess on every transcript format in test/fixtures/real/transcripts, rendered the
 * ways pages show them. Expected speakers are read from the source files, not from the DOM the
 * guess walks.
 */
import { describe, expect, it, vi } from 'vitest';
import { indexText, rangeForOffsets } from '../../src/core/text-range';
import type { Participant } from '../../src/core/model';
import { matchParticipant } from '../../src/core/people';
import { guessSpeaker, guessSpeakerAt, MAX_NODES_WALKED } from '../../src/core/speaker';
import { readFixture } from '../support/fixtures';
import {
  parseCues,
  renderJson,
  renderPre,
  renderSrt,
  renderVtt,
  showPage,
} from '../fixtures/anchoring/render-transcripts';

// Pages of thousands of elements are slow in happy-dom; a busy machine must not fail these.
vi.setConfig({ testTimeout: 30_000 });

const transcript = (name: string) => readFixture('transcripts', name);

/** A selection of `length` characters from `offset` of the page's text. */
function selectAt(offset: number, length = 5): Range {
  return rangeForOffsets(indexText(document.body), offset, offset + length)!;
}

/** A selection of the `occurrence`-th appearance of `words` on the page. */
function select(words: string, occurrence = 0): Range {
  const { text } = indexText(document.body);
  let at = text.indexOf(words);
  for (let i = 0; i < occurrence; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" is not on the page`);
  return selectAt(at, words.length);
}

/** A selection in the middle of an element's own words (its last text child with any). */
function selectIn(element: Element): Range {
  const text = [...element.childNodes]
    .reverse()
    .find((n) => n.nodeType === Node.TEXT_NODE && /\S/.test((n as Text).data)) as Text;
  const range = document.createRange();
  const middle = Math.floor(text.data.length / 2);
  range.setStart(text, middle);
  range.setEnd(text, Math.min(text.data.length, middle + 4));
  return range;
}

function page(html: string): void {
  showPage(`<!doctype html><html><body>${html}</body></html>`);
}

describe('guessSpeaker on <cite>Name:</cite> transcripts (Buzzsprout HTML)', () => {
  it.each(['buzzcast.html', 'podcast-namespace-example.html'])(
    'names the cited speaker of every paragraph of %s',
    (name) => {
      const source = transcript(name);
      // The source's own order: each <p> belongs to the <cite> before it.
      const expected = [...source.matchAll(/<cite>([^<]*):<\/cite>|<p>/g)].reduce<{
        current: string | null;
        speakers: (string | null)[];
      }>(
        (acc, m) =>
          m[1] !== undefined
            ? { ...acc, current: m[1] }
            : { ...acc, speakers: [...acc.speakers, acc.current] },
        { current: null, speakers: [] },
      ).speakers;
      showPage(source);
      const paragraphs = [...document.querySelectorAll('p')];
      expect(paragraphs.length).toBe(expected.length);
      expect(paragraphs.map((p) => guessSpeaker(selectIn(p)))).toEqual(expected);
    },
  );

  it('a selection that starts with the label belongs to that label, not to the one before', () => {
    showPage(transcript('buzzcast.html'));
    const cite = document.querySelectorAll('cite')[1]!; // Kevin:, after Alban's first turn
    const range = document.createRange();
    range.setStartBefore(cite);
    range.setEnd(cite.nextElementSibling!.nextElementSibling!.firstChild!, 10);
    expect(guessSpeaker(range)).toBe('Kevin');
  });

  it('a selection that starts in the words before a label belongs to the earlier speaker', () => {
    showPage(transcript('buzzcast.html'));
    const { text } = indexText(document.body);
    const start = text.indexOf('Yeah, I mean, exactly.');
    const end = text.indexOf('You guys remember') + 'You guys'.length;
    expect(text.slice(start, end)).toMatch(/^Yeah, I mean, exactly\.\s+Kevin:\s+0:30\s+You guys$/);
    expect(guessSpeaker(selectAt(start, end - start))).toBe('Alban');
  });
});

describe('guessSpeaker on WebVTT voices', () => {
  const source = transcript('podcast-namespace-example.vtt');
  const voices = parseCues(source).map((cue) => /^<v ([^>]+)>/.exec(cue.lines[0]!)![1]!);

  it('reads <span title="Name">, what the WebVTT rendering rules make of <v Name>', () => {
    renderVtt(source, 'spans');
    const cues = [...document.querySelectorAll('p.cue span[title]')];
    expect(cues.map((span) => guessSpeaker(selectIn(span)))).toEqual(voices);
  });

  it('reads "Name:" labels when the page shows voices as labels', () => {
    renderVtt(source, 'labels');
    const cues = [...document.querySelectorAll('p.cue')];
    expect(cues.map((cue) => guessSpeaker(selectIn(cue)))).toEqual(voices);
  });

  it('reads raw <v Name> tags when the page shows the file as is', () => {
    renderPre(source);
    expect(guessSpeaker(select('In today'))).toBe('Sarah');
    expect(guessSpeaker(select('This week'))).toBe('Sarah');
    expect(guessSpeaker(select('Hi Buzzsprout'))).toBe('Gillian');
    expect(guessSpeaker(select('do we need a podcast trailer'))).toBe('Gillian');
  });

  it('names nobody in a film subtitle file without voices (LaLaLand.vtt)', () => {
    renderVtt(transcript('LaLaLand.vtt'));
    const cues = [...document.querySelectorAll('p.cue')];
    // "Subtitles: @marlonrock1986" opens the file: a label, but nobody's name.
    const sample = cues.filter((_, i) => i % 15 === 1);
    expect(sample.length).toBeGreaterThan(30);
    expect(sample.map((cue) => guessSpeaker(selectAt(indexOfText(cue) + 14)))).toEqual(
      sample.map(() => null),
    );
  });
});

/** Where an element's text starts in the page's text. */
function indexOfText(element: Element): number {
  const index = indexText(document.body);
  const first = index.nodes.findIndex((n) => element.contains(n));
  return index.starts[first]!;
}

/**
 * The speaker of each SubRip cue's first line: its own "Name:" label, or else the last label
 * of an earlier cue (null before any).
 */
function srtSpeakers(source: string): { firstLine: string; speaker: string | null }[] {
  let current: string | null = null;
  return parseCues(source).map((cue) => {
    const own = /^([A-Z][\w ]*?):\s/.exec(cue.lines[0]!)?.[1] ?? null;
    const result = { firstLine: cue.lines[0]!, speaker: own ?? current };
    for (const line of cue.lines) current = /^([A-Z][\w ]*?):\s/.exec(line)?.[1] ?? current;
    return result;
  });
}

describe('guessSpeaker on SubRip "Name:" cues', () => {
  it.each(['buzzcast.srt', 'podcast-namespace-example.srt'])(
    'names the speaker of every cue of %s shown one paragraph per cue',
    (name) => {
      const source = transcript(name);
      renderSrt(source);
      const expected = srtSpeakers(source);
      const cues = [...document.querySelectorAll('main > p')];
      expect(cues.length).toBe(expected.length);
      // The end of each cue's first line: past its label, if it has one.
      const guessed = cues.map((cue) => {
        const line = cue.querySelector('br')!.nextSibling as Text;
        return guessSpeakerAt(line, line.data.length - 1);
      });
      expect(guessed).toEqual(expected.map((e) => e.speaker));
    },
  );

  it('names the speaker of cues of buzzcast.srt shown as one block of text', () => {
    const source = transcript('buzzcast.srt');
    renderPre(source);
    const text = document.querySelector('pre')!.firstChild as Text;
    const expected = srtSpeakers(source);
    let from = 0;
    const guessed = expected.map(({ firstLine }) => {
      from = text.data.indexOf(firstLine, from) + firstLine.length - 1;
      return guessSpeakerAt(text, from);
    });
    expect(guessed).toEqual(expected.map((e) => e.speaker));
  });

  it('a selection that starts at a "Name:" label belongs to it', () => {
    renderSrt(transcript('buzzcast.srt'));
    expect(guessSpeaker(select('Kevin: You guys remember'))).toBe('Kevin');
    expect(guessSpeaker(select('You guys remember'))).toBe('Kevin');
    expect(guessSpeaker(select('exactly.'))).toBe('Alban');
  });
});

interface Segment {
  speaker: string;
  body: string;
}

describe('guessSpeaker on Podcasting 2.0 JSON transcripts rendered as pages', () => {
  const source = transcript('buzzcast.json');
  const segments = (JSON.parse(source) as { segments: Segment[] }).segments;
  const sample = (i: number) => i % 7 === 0;

  it('one turn per speaker: a speaker label, then the turn’s segments', () => {
    renderJson(source, 'turns');
    const spans = [...document.querySelectorAll('span[data-start]')];
    expect(spans.length).toBe(segments.length);
    expect(spans.filter((_, i) => sample(i)).map((s) => guessSpeaker(selectIn(s)))).toEqual(
      segments.filter((_, i) => sample(i)).map((s) => s.speaker),
    );
  });

  it('one row per segment, each with its speaker label and data-speaker', () => {
    renderJson(source, 'segments');
    const bodies = [...document.querySelectorAll('span.body')];
    expect(bodies.filter((_, i) => sample(i)).map((s) => guessSpeaker(selectIn(s)))).toEqual(
      segments.filter((_, i) => sample(i)).map((s) => s.speaker),
    );
  });

  it('the raw JSON file shown as text', () => {
    renderPre(source);
    const text = document.querySelector('pre')!.firstChild as Text;
    let from = 0;
    const guessed = segments
      .filter((_, i) => sample(i))
      .map((segment) => {
        from = text.data.indexOf(`"body":${JSON.stringify(segment.body)}`, from) + 8;
        return guessSpeakerAt(text, from);
      });
    expect(guessed.length).toBeGreaterThan(100);
    expect(guessed).toEqual(segments.filter((_, i) => sample(i)).map((s) => s.speaker));
  });

  it('the smallest example: "I am your father." is Darth Vader’s, "Nooooo" Luke’s', () => {
    renderJson(transcript('podcast-namespace-example.json'), 'turns');
    expect(guessSpeaker(select('your father'))).toBe('Darth Vader');
    expect(guessSpeaker(select('Nooooo'))).toBe('Luke');
  });
});

describe('guessSpeaker: other common markup', () => {
  it('reads "Name:" after a timestamp, numbered speakers and bold labels', () => {
    page(
      '<p>[00:12:31] Alban: So that is the plan.</p>' +
        '<p>Speaker 2: And the budget?</p>' +
        '<p><strong>Dr. Jane Doe:</strong> We have none.</p>',
    );
    expect(guessSpeaker(select('the plan'))).toBe('Alban');
    expect(guessSpeaker(select('the budget'))).toBe('Speaker 2');
    expect(guessSpeaker(select('We have none'))).toBe('Dr. Jane Doe');
  });

  it('reads a speaker attribute on the element holding the words', () => {
    page('<div data-speaker="Kevin Finn"><p>We went all in on video.</p></div>');
    expect(guessSpeaker(select('all in'))).toBe('Kevin Finn');
  });

  it('does not take show-note labels or prose for names', () => {
    page('<p>Note: this episode was recorded remotely.</p><p>Welcome back to the show.</p>');
    expect(guessSpeaker(select('recorded remotely'))).toBeNull();
    expect(guessSpeaker(select('Welcome back'))).toBeNull();
  });

  it('does not carry a speaker past a heading or out of the transcript’s section', () => {
    page(
      '<section><cite>Travis:</cite><p>Thanks for listening.</p></section>' +
        '<section><p>Links from the episode.</p></section>' +
        '<cite>Sarah:</cite><p>Bye.</p><h2>Show notes</h2><p>Sponsored by nobody.</p>',
    );
    expect(guessSpeaker(select('Thanks for'))).toBe('Travis');
    expect(guessSpeaker(select('Links from'))).toBeNull();
    expect(guessSpeaker(select('Bye'))).toBe('Sarah');
    expect(guessSpeaker(select('Sponsored by'))).toBeNull();
  });

  it('reads speaker headings, but does not take a chapter title for a speaker', () => {
    page(
      '<h4 class="speaker">Alban</h4><p>We made each decision along the way.</p>' +
        '<h3>Chapter 2: The plan</h3><p>And then the plan changed.</p>',
    );
    expect(guessSpeaker(select('each decision'))).toBe('Alban');
    expect(guessSpeaker(select('the plan changed'))).toBeNull();
  });

  it(`gives up after ${MAX_NODES_WALKED} nodes without a label`, () => {
    const filler = '<p>and then we talked some more</p>'.repeat(MAX_NODES_WALKED);
    page(`<cite>Alban:</cite><p>first words</p>${filler}<p>last words</p>`);
    expect(guessSpeaker(select('first words'))).toBe('Alban');
    expect(guessSpeaker(select('last words'))).toBeNull();
  });

  it('a collapsed selection (a caret) works too', () => {
    page('<cite>Kevin:</cite><p>That is true.</p>');
    const range = select('true');
    range.collapse(true);
    expect(guessSpeaker(range)).toBe('Kevin');
  });
});

describe('matchParticipant', () => {
  const people: Participant[] = [
    { id: 'p1', name: 'Travis Albritton', role: 'host' },
    { id: 'p2', name: 'Alban Brooke', role: 'co-host' },
    { id: 'p3', name: 'Kevin M. Finn', role: 'co-host' },
    { id: 'p4', name: 'José Núñez', role: 'guest' },
    { id: 'p5', name: 'Sarah Brooke', role: 'guest' },
  ];
  const match = (name: string) => matchParticipant(name, people)?.id ?? null;

  it('matches the same name whatever its case, accents, punctuation and spacing', () => {
    expect(match('travis  albritton')).toBe('p1');
    expect(match(' TRAVIS ALBRITTON: ')).toBe('p1');
    expect(match('Jose Nunez')).toBe('p4');
  });

  it('matches a first or a last name alone when only one participant has it', () => {
    expect(match('Travis')).toBe('p1');
    expect(match('Albritton')).toBe('p1');
    expect(match('Kevin')).toBe('p3');
    expect(match('Finn')).toBe('p3');
  });

  it('matches a fuller or shorter form with the same first and last names', () => {
    expect(match('Kevin Finn')).toBe('p3');
    expect(matchParticipant('Travis Q. Albritton', [{ name: 'Travis' }])).toEqual({
      name: 'Travis',
    });
  });

  it('does not guess when several participants fit, or none does', () => {
    expect(match('Brooke')).toBeNull(); // Alban Brooke and Sarah Brooke
    expect(match('Gillian')).toBeNull();
    expect(match('')).toBeNull();
    expect(match('Travis Brooke')).toBeNull();
  });
});
