import { describe, expect, it } from 'vitest';
import {
  MAX_ERRORS,
  MIN_SCORE,
  matchQuote,
  matchQuoteIn,
  maxErrorsFor,
  searchableText,
} from '../../src/core/match-quote';
import { CONTEXT_CHARS } from '../../src/core/text-range';
import type { TextQuoteSelector } from '../../src/core/model';
import { readFixture } from '../support/fixtures';
import { showPage } from '../fixtures/anchoring/render-transcripts';
import { indexText } from '../../src/core/text-range';

/** The selector a capture of text[start, end) would have saved. */
function selectorAt(text: string, start: number, end: number): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

function selectorFor(text: string, exact: string, occurrence = 0): TextQuoteSelector {
  let at = text.indexOf(exact);
  for (let i = 0; i < occurrence; i++) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`"${exact}" is not in the text`);
  return selectorAt(text, at, at + exact.length);
}

const A =
  'Creating good audio is really key to keeping your podcast listeners engaged, because no ' +
  'matter how good the content is, bad audio is going to turn them away. ';
const B =
  'Now, when you are creating your podcast intro, there are a couple of things that you want ' +
  'to make sure that you cover: who you are, and why someone should listen to you. ';
const C =
  'The best microphone is the one you will actually use, so start with what you have and ' +
  'upgrade when the show has found its listeners. ';

describe('matchQuote: exact words', () => {
  it('finds an unchanged quote at its position hint with a perfect score', () => {
    const text = A + B + C;
    const selector = selectorFor(text, 'a couple of things');
    const at = text.indexOf('a couple of things');
    expect(matchQuote(text, selector, at)).toEqual({ start: at, end: at + 18, score: 1 });
  });

  it('finds an unchanged quote without a hint', () => {
    const text = A + B + C;
    const at = text.indexOf('key to keeping');
    expect(matchQuote(text, selectorFor(text, 'key to keeping'))).toMatchObject({
      start: at,
      end: at + 14,
    });
  });

  it('among several occurrences, the one whose prefix and suffix match wins over the nearer one', () => {
    const text = A + B + C;
    // "your podcast" occurs in A and in B; the quote was taken in B, but the hint points at A.
    const selector = selectorFor(text, 'your podcast', 1);
    const inA = text.indexOf('your podcast');
    const inB = text.indexOf('your podcast', inA + 1);
    expect(matchQuote(text, selector, inA)?.start).toBe(inB);
  });

  it('among identical passages (same words, same context), the one nearest the hint wins', () => {
    const text = A + B + A + C + A;
    const exact = 'good audio';
    const occurrences = [0, 1, 2, 3, 4, 5].map((n) => {
      let at = -1;
      for (let i = 0; i <= n; i++) at = text.indexOf(exact, at + 1);
      return at;
    });
    const second = text.indexOf('Creating good audio', A.length + B.length) + 'Creating '.length;
    expect(occurrences).toContain(second);
    const selector = selectorAt(text, second, second + exact.length);
    // The page changed a little before the passage: the hint is off by a few characters.
    expect(matchQuote(text, selector, second + 40)?.start).toBe(second);
    const third = text.lastIndexOf('Creating good audio') + 'Creating '.length;
    expect(matchQuote(text, selectorAt(text, third, third + 10), third - 40)?.start).toBe(third);
  });

  it('ignores changed whitespace and returns offsets in the raw text', () => {
    const saved = A + B;
    const selector = selectorFor(saved, 'who you are, and why someone');
    const reflowed = (A + B).replace(/ /g, '\n      ');
    const match = matchQuote(reflowed, selector, saved.indexOf('who you are'));
    expect(match).not.toBeNull();
    expect(reflowed.slice(match!.start, match!.end)).toBe(
      'who\n      you\n      are,\n      and\n      why\n      someone',
    );
    expect(match!.score).toBeGreaterThan(0.95);
  });

  it('a whitespace-only or empty quote cannot be anchored', () => {
    expect(
      matchQuote(A, { type: 'TextQuoteSelector', exact: '  \n', prefix: '', suffix: '' }),
    ).toBe(null);
    expect(matchQuote(A, { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' })).toBe(
      null,
    );
  });
});

describe('matchQuote: edited text', () => {
  const saved = A + B + C;
  const quote = 'there are a couple of things that you want to make sure that you cover';
  const selector = selectorFor(saved, quote);
  const hint = saved.indexOf(quote);

  it('keeps a quote whose page text gained a word', () => {
    const page = saved.replace('want to make', 'really want to make');
    const match = matchQuote(page, selector, hint)!;
    expect(page.slice(match.start, match.end)).toBe(
      'there are a couple of things that you really want to make sure that you cover',
    );
    expect(match.score).toBeGreaterThanOrEqual(MIN_SCORE);
  });

  it('keeps a quote whose page text lost words', () => {
    const page = saved.replace('make sure that you cover', 'cover');
    const match = matchQuote(page, selector, hint)!;
    expect(page.slice(match.start, match.end)).toBe(
      'there are a couple of things that you want to cover',
    );
  });

  it('keeps a short quote with a corrected typo when its context is intact', () => {
    const typo = A.replace('listeners', 'listners');
    const page = typo + B;
    const match = matchQuote(A + B, selectorFor(page, 'podcast listners engaged'), 60)!;
    expect((A + B).slice(match.start, match.end)).toBe('podcast listeners engaged');
  });

  it('finds a passage that moved far from its position hint', () => {
    const page = B + C + 'x'.repeat(5000) + A;
    const selector = selectorFor(saved, 'no matter how good the content is');
    const match = matchQuote(page, selector, saved.indexOf('no matter'))!;
    expect(match.start).toBe(page.indexOf('no matter how good the content is'));
  });

  it('finds a passage that moved far and was edited', () => {
    const page = B + C + 'x'.repeat(5000) + A.replace('how good', 'how very good');
    const selector = selectorFor(saved, 'no matter how good the content is, bad audio');
    const match = matchQuote(page, selector, saved.indexOf('no matter'))!;
    expect(page.slice(match.start, match.end)).toBe(
      'no matter how very good the content is, bad audio',
    );
  });

  it('a long quote found verbatim in new surroundings is still the quote', () => {
    const page = C + 'Unrelated words here. ' + B + ' And then unrelated words.';
    const match = matchQuote(page, selectorFor(saved, B.trim()), 0)!;
    expect(page.slice(match.start, match.end)).toBe(B.trim());
  });
});

describe('matchQuote: orphans', () => {
  const saved = A + B + C;

  it('returns null when the passage was removed', () => {
    const selector = selectorFor(saved, 'who you are, and why someone should listen to you');
    expect(matchQuote(A + C, selector, A.length + 100)).toBeNull();
  });

  it('returns null for a short common phrase whose surroundings are gone', () => {
    // "you are" still occurs elsewhere on the page, but not where the quote was.
    const selector = selectorFor(saved, 'who you are');
    const page = A + 'Tell them why you are here and what you are doing. ' + C;
    expect(matchQuote(page, selector, A.length + 100)).toBeNull();
    // …whereas with a low enough bar the best candidate would have been a wrong one.
    expect(matchQuote(page, selector, A.length + 100, 0)).not.toBeNull();
  });

  it('returns null when the quote changed beyond recognition', () => {
    const selector = selectorFor(saved, 'The best microphone is the one you will actually use');
    const page = A + B + 'Any microphone works if you put it close to your mouth. ';
    expect(matchQuote(page, selector, A.length + B.length)).toBeNull();
  });
});

describe('maxErrorsFor', () => {
  it('scales with the quote length but is capped, so long quotes stay fast', () => {
    expect(maxErrorsFor(4)).toBe(1);
    expect(maxErrorsFor(20)).toBeGreaterThan(maxErrorsFor(10));
    expect(maxErrorsFor(100)).toBeGreaterThan(maxErrorsFor(20));
    expect(maxErrorsFor(100_000)).toBe(MAX_ERRORS);
  });

  it('a 5,000-character quote with a few edits is still found', () => {
    const long = (A + B + C).repeat(12).slice(0, 5000);
    const text = 'Intro. '.repeat(300) + long + ' Outro.'.repeat(300);
    const selector = selectorFor(text, long);
    const edited = text.replace(long, long.replace(/listeners/g, 'listener'));
    const match = matchQuote(edited, selector, 2100)!;
    expect(match.start).toBe('Intro. '.repeat(300).length);
  });
});

describe('matchQuote on a real transcript (buzzcast.html)', () => {
  showPage(readFixture('transcripts', 'buzzcast.html'));
  const text = indexText(document.body).text;
  const prepared = searchableText(text);

  /** Quotes of `length` characters at evenly spread places, each starting at a word. */
  function quotesOf(length: number, count: number): { start: number; end: number }[] {
    const quotes = [];
    for (let i = 0; i < count; i++) {
      const at = text.indexOf(' ', Math.floor(((i + 0.5) * (text.length - length)) / count)) + 1;
      quotes.push({ start: at, end: at + length });
    }
    return quotes;
  }

  it.each([30, 60, 120, 400])(
    'keeps %i-character quotes whose text gained a word, and orphans them when their passage is gone',
    (length) => {
      for (const { start, end } of quotesOf(length, 25)) {
        const selector = selectorAt(text, start, end);
        const middle = text.indexOf(' ', start + Math.floor(length / 2));
        const edited = text.slice(0, middle) + ' actually' + text.slice(middle);
        const found = matchQuote(edited, selector, start);
        expect(found, selector.exact).not.toBeNull();
        expect(found!.start).toBe(start);
        expect(found!.end).toBe(end + ' actually'.length);

        const removed = text.slice(0, start - 100) + text.slice(end + 100);
        expect(matchQuote(removed, selector, start), selector.exact).toBeNull();
      }
    },
  );

  it('finds every quote on the unchanged page through one prepared text', () => {
    for (const { start, end } of quotesOf(50, 100)) {
      expect(matchQuoteIn(prepared, selectorAt(text, start, end), start)).toEqual({
        start,
        end,
        score: 1,
      });
    }
  });
});
