/**
 * The content script's own placing of saved quotes (issue 16): only where the matcher would
 * place them the same, at once (the quote and its context verbatim at its saved position in
 * the document's text), and nothing at all as soon as one quote needs the matcher.
 */
import { describe, expect, it } from 'vitest';
import { matchQuoteIn, searchableText } from '../../src/core/match-quote';
import type { TextQuoteSelector } from '../../src/core/model';
import { placeVerbatim, type VerbatimQuote } from '../../src/core/verbatim';

const TEXT =
  'Welcome back. Today we talk about listening. A reading room has its own weather. ' +
  'Notes are how we remember what surprised us. Thanks for listening.';

function saved(quoteId: string, words: string, start = TEXT.indexOf(words)): VerbatimQuote {
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: words,
    prefix: TEXT.slice(Math.max(0, start - 32), start),
    suffix: TEXT.slice(start + words.length, start + words.length + 32),
  };
  return { quoteId, quote, start, timeSec: 12 };
}

describe('placeVerbatim', () => {
  it('places every quote where it was saved, as the matcher does', () => {
    const quotes = [
      saved('a', 'A reading room has its own weather.'),
      saved('b', 'Notes are how we remember'),
      saved('c', 'Welcome back.'),
    ];
    const placed = placeVerbatim(quotes, TEXT)!;
    expect(placed.map((p) => TEXT.slice(p.start, p.end))).toEqual([
      'A reading room has its own weather.',
      'Notes are how we remember',
      'Welcome back.',
    ]);
    expect(placed[0]).toEqual({ quoteId: 'a', root: 0, start: 45, end: 80, timeSec: 12 });
    for (const [i, quote] of quotes.entries()) {
      const match = matchQuoteIn(searchableText(TEXT), quote.quote, quote.start);
      expect(match).toEqual({ start: placed[i]!.start, end: placed[i]!.end, score: 1 });
    }
  });

  it('places nothing when one quote moved, changed or lost its context', () => {
    const good = saved('a', 'A reading room has its own weather.');
    const moved = { ...saved('b', 'Notes are how we remember'), start: 10 };
    expect(placeVerbatim([good, moved], TEXT)).toBeNull();
    expect(placeVerbatim([good], TEXT.replace('weather', 'climate'))).toBeNull();
    expect(placeVerbatim([good], TEXT.replace('Today', 'Tonight'))).toBeNull();
    expect(placeVerbatim([good], `Intro. ${TEXT}`)).toBeNull();
  });

  it('leaves quotes with no position, or with only spaces, to the matcher', () => {
    expect(placeVerbatim([{ ...saved('a', 'Welcome back.'), start: null }], TEXT)).toBeNull();
    expect(placeVerbatim([saved('s', ' ', TEXT.indexOf(' '))], TEXT)).toBeNull();
  });

  it('places an episode with no quotes as nothing to draw', () => {
    expect(placeVerbatim([], TEXT)).toEqual([]);
  });
});
