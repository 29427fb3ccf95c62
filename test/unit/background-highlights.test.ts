// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeOffsets } from '../../src/core/text-range';
import type { Quote } from '../../src/core/model';
import { createHighlightLog, placeQuotes } from '../../src/background/highlights';
import { makeQuote } from '../support/records';

const PAGE =
  'Welcome back. Most of what we hear is gone by the next morning, and a single written ' +
  'sentence is what brings it back. Exactly. Write down the words that surprised you.';

/** A quote saved from `text` at the first occurrence of `words`. */
function quoteOf(id: string, text: string, words: string, timeSec: number | null = 12): Quote {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`not in text: ${words}`);
  const index = { text, nodes: [], starts: [] };
  return makeQuote(id, 'ep-1', {
    text: words,
    timeSec,
    anchor: describeOffsets(index, start, start + words.length),
  });
}

describe('placeQuotes', () => {
  it('places a quote where it was saved when the page is unchanged', () => {
    const quote = quoteOf('q1', PAGE, 'a single written sentence', 62);
    const start = PAGE.indexOf('a single written sentence');
    expect(placeQuotes('ep-1', [quote], [PAGE])).toEqual({
      episodeId: 'ep-1',
      placed: [{ quoteId: 'q1', root: 0, start, end: start + 25, timeSec: 62 }],
      orphans: [],
    });
  });

  it('keeps the quote when the page text changed slightly', () => {
    const quote = quoteOf('q1', PAGE, 'Write down the words that surprised you.');
    const edited = `Transcript, edited.\n${PAGE.replace('Write down', 'Write  down,\n')}`;
    const [placed] = placeQuotes('ep-1', [quote], [edited]).placed;
    expect(edited.slice(placed!.start, placed!.end)).toBe(
      'Write  down,\n the words that surprised you.',
    );
  });

  it('reports a quote whose passage is gone as an orphan, never dropping it silently', () => {
    const kept = quoteOf('kept', PAGE, 'Welcome back.');
    const gone = quoteOf('gone', PAGE, 'Write down the words that surprised you.');
    const cut = PAGE.replace('Write down the words that surprised you.', 'Thanks for listening.');
    expect(placeQuotes('ep-1', [kept, gone], [cut])).toMatchObject({
      placed: [{ quoteId: 'kept' }],
      orphans: ['gone'],
    });
  });

  it('leaves out a moment saved without page text: it is neither drawn nor an orphan', () => {
    const moment: Quote = { ...quoteOf('m', PAGE, 'Exactly.'), text: '', anchor: null };
    expect(placeQuotes('ep-1', [moment], [PAGE])).toEqual({
      episodeId: 'ep-1',
      placed: [],
      orphans: [],
    });
  });

  it('finds a quote in a same-origin frame and says which text it is in', () => {
    const frame = 'Some sites put the transcript in a frame of their own.';
    const quote = quoteOf('q1', frame, 'the transcript in a frame');
    const [placed] = placeQuotes('ep-1', [quote], [PAGE, frame]).placed;
    expect(placed).toMatchObject({ root: 1 });
    expect(frame.slice(placed!.start, placed!.end)).toBe('the transcript in a frame');
  });

  it('uses the quote’s own time, which the person may have corrected since', () => {
    const quote = { ...quoteOf('q1', PAGE, 'Exactly.', 10), timeSec: 14 };
    expect(placeQuotes('ep-1', [quote], [PAGE]).placed[0]!.timeSec).toBe(14);
  });
});

describe('createHighlightLog', () => {
  it('keeps the last report per tab until the tab closes', () => {
    const log = createHighlightLog();
    const reply = { episodeId: 'ep-1', placed: [], orphans: ['q1'] };
    expect(log.forTab(1)).toBeNull();
    log.record(1, reply);
    expect(log.forTab(1)).toBe(reply);
    expect(log.forTab(2)).toBeNull();
    log.forget(1);
    expect(log.forTab(1)).toBeNull();
  });
});
