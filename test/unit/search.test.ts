import { describe, expect, it } from 'vitest';
import { makeLibrary } from './library/make-library';
import type { Episode, LibraryData, Quote } from '../../src/core/model';
import {
  buildSearchIndex,
  foldForSearch,
  highlightMatch,
  highlightRanges,
  searchLibrary,
  searchTerms,
  snippetAround,
  type FieldMatch,
  type HighlightRange,
  type SearchIndex,
  type SearchMatch,
  type SearchResult,
} from '../../src/core/search';
import { makeEpisode, makeQuote } from '../support/records';

const T = '2026-01-01T00:00:00.000Z';

function episode(id: string, fields: Partial<Episode> = {}): Episode {
  const time = { createdAt: T, updatedAt: T };
  return makeEpisode(id, { title: `Title of ${id}`, show: 'Some Show', ...time, ...fields });
}

function quote(id: string, episodeId: string, text: string, fields: Partial<Quote> = {}): Quote {
  const time = { createdAt: T, updatedAt: T };
  return makeQuote(id, episodeId, { text, timeSec: 10, ...time, ...fields });
}

/** The highlighted words of a field, as a person reads them. */
function marked(field: Pick<FieldMatch, 'text' | 'ranges'>): string[] {
  return field.ranges.map((r: HighlightRange) => field.text.slice(r.start, r.end));
}

const library: LibraryData = {
  episodes: [
    episode('e1', {
      title: 'Listening with a pen in hand',
      show: 'The Margin Notes Podcast',
      participants: [
        { id: 'ada', name: 'Ada Park', role: 'host' },
        { id: 'sam', name: 'Sam Rivera', role: 'guest' },
      ],
      twoCents: 'The haystack line is the one I will remember.',
      sections: [{ id: 's1', heading: 'Why write', notes: 'Notes make you listen twice.' }],
      tags: ['listening'],
      updatedAt: '2026-02-01T00:00:00.000Z',
    }),
    episode('e2', {
      title: 'Café culture in Zürich',
      show: 'City Gardens',
      summary: 'A walk through the old town.',
      updatedAt: '2026-03-01T00:00:00.000Z',
    }),
  ],
  quotes: [
    quote('q1', 'e1', 'Write down the words that surprised you.', { speakerId: 'sam' }),
    quote('q2', 'e1', 'A needle in a haystack of talk.', { note: 'Best line of the episode' }),
    quote('q3', 'e2', 'The best CAFÉ has no menu.', { updatedAt: '2026-03-02T00:00:00.000Z' }),
  ],
};
const index = buildSearchIndex(library);

/** The highlighted fields of the n-th quote (or episode) found. */
function fieldsOf(result: SearchResult, match: SearchMatch | undefined, at: SearchIndex = index) {
  expect(match).toBeDefined();
  return highlightMatch(at, result.terms, match!);
}

describe('search terms', () => {
  it('splits on spaces, keeps a quoted phrase whole, and folds case and accents', () => {
    expect(searchTerms('  Café  "Pen in HAND" ')).toEqual(['cafe', 'pen in hand']);
  });

  it('drops a term another term already contains, and duplicates', () => {
    expect(searchTerms('hay haystack HAY')).toEqual(['haystack']);
  });

  it('has no terms for a blank query, and finds nothing', () => {
    expect(searchTerms('   ')).toEqual([]);
    expect(searchLibrary(index, '  ')).toEqual({ terms: [], episodes: [], quotes: [] });
  });

  it('folds compatibility characters: a ligature matches its letters', () => {
    expect(foldForSearch('ﬁle Straße İstanbul')).toBe('file straße istanbul');
  });
});

describe('finding quotes', () => {
  it('finds a quote by its words, and highlights exactly those words', () => {
    const result = searchLibrary(index, 'surprised');
    expect(result.quotes.map((m) => m.quoteId)).toEqual(['q1']);
    expect(fieldsOf(result, result.quotes[0]).map((f) => [f.field, marked(f)])).toEqual([
      ['quote', ['surprised']],
    ]);
  });

  it('finds a quote by its note and by its speaker', () => {
    expect(searchLibrary(index, 'best line').quotes.map((m) => m.quoteId)).toEqual(['q2']);
    const bySpeaker = searchLibrary(index, 'rivera');
    expect(bySpeaker.quotes.map((m) => m.quoteId)).toEqual(['q1']);
    expect(fieldsOf(bySpeaker, bySpeaker.quotes[0]).map((f) => f.field)).toEqual(['speaker']);
  });

  it('needs every term, and lets the episode title supply some of them', () => {
    expect(searchLibrary(index, 'haystack margin').quotes.map((m) => m.quoteId)).toEqual(['q2']);
    expect(searchLibrary(index, 'haystack zürich').quotes).toEqual([]);
  });

  it("does not list every quote of a show when only the show's name matches", () => {
    const result = searchLibrary(index, 'margin notes');
    expect(result.quotes).toEqual([]);
    expect(result.episodes.map((m) => m.episodeId)).toEqual(['e1']);
  });

  it('matches regardless of case and accents, highlighting the original letters', () => {
    const result = searchLibrary(index, 'cafe');
    expect(result.quotes.map((m) => m.quoteId)).toEqual(['q3']);
    expect(fieldsOf(result, result.quotes[0]).map((f) => [f.field, marked(f)])).toEqual([
      ['quote', ['CAFÉ']],
      ['title', ['Café']],
    ]);
  });

  it('matches inside words, as a person typing the first letters expects', () => {
    expect(searchLibrary(index, 'hayst').quotes.map((m) => m.quoteId)).toEqual(['q2']);
  });
});

describe('finding episodes', () => {
  it('finds an episode by my 2 cents, section notes, participants and tags', () => {
    expect(searchLibrary(index, 'remember').episodes.map((m) => m.episodeId)).toEqual(['e1']);
    expect(searchLibrary(index, 'listen twice').episodes.map((m) => m.episodeId)).toEqual(['e1']);
    const byName = searchLibrary(index, 'ada park');
    expect(fieldsOf(byName, byName.episodes[0]).map((f) => f.field)).toEqual(['participant']);
    const byTag = searchLibrary(index, 'listening');
    expect(fieldsOf(byTag, byTag.episodes[0]).map((f) => f.field)).toEqual(['title', 'tag']);
  });

  it('lets terms come from different fields of one episode', () => {
    const result = searchLibrary(index, 'zurich old town');
    expect(result.episodes.map((m) => m.episodeId)).toEqual(['e2']);
    expect(fieldsOf(result, result.episodes[0]).map((f) => [f.field, marked(f)])).toEqual([
      ['title', ['Zürich']],
      ['summary', ['old', 'town']],
    ]);
  });

  it('keeps to the episodes it is given (the list filters)', () => {
    const result = searchLibrary(index, 'the', { episodeIds: new Set(['e2']) });
    expect(new Set(result.quotes.map((m) => m.episodeId))).toEqual(new Set(['e2']));
    expect(result.episodes.map((m) => m.episodeId)).toEqual(['e2']);
  });
});

describe('order of results', () => {
  it('ranks a match in the quote words above one in a note, then the newer first', () => {
    const data: LibraryData = {
      episodes: [episode('e')],
      quotes: [
        quote('in-note', 'e', 'nothing here', {
          note: 'rhythm',
          updatedAt: '2026-05-01T00:00:00.000Z',
        }),
        quote('old', 'e', 'rhythm of talk', { updatedAt: '2026-01-01T00:00:00.000Z' }),
        quote('new', 'e', 'rhythm of work', { updatedAt: '2026-04-01T00:00:00.000Z' }),
      ],
    };
    const result = searchLibrary(buildSearchIndex(data), 'rhythm');
    expect(result.quotes.map((m) => m.quoteId)).toEqual(['new', 'old', 'in-note']);
  });
});

describe('highlight ranges', () => {
  it('merges overlapping and touching terms into one range', () => {
    expect(highlightRanges('haystack', ['hay', 'stack', 'ays'])).toEqual([{ start: 0, end: 8 }]);
  });

  it('points into the original text when folding changed its length', () => {
    // "ﬁ" is one character that folds to two; "e\u0301" is two that fold to one.
    const text = 'a ﬁne cafe\u0301 😀 ok';
    const ranges = highlightRanges(text, ['fine', 'cafe', 'ok']);
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['ﬁne', 'cafe\u0301', 'ok']);
  });

  it('highlights the whole ligature when a term ends inside it', () => {
    const text = 'the ﬁle';
    expect(highlightRanges(text, ['f']).map((r) => text.slice(r.start, r.end))).toEqual(['ﬁ']);
  });

  it('treats a query full of markup and regex characters as plain text', () => {
    const data: LibraryData = {
      episodes: [episode('e')],
      quotes: [quote('q', 'e', 'Use <b>bold</b> and (.*) carefully')],
    };
    const at = buildSearchIndex(data);
    const result = searchLibrary(at, '<b>bold</b> (.*)');
    expect(fieldsOf(result, result.quotes[0], at).map(marked)).toEqual([['<b>bold</b>', '(.*)']]);
  });
});

describe('snippets of long text', () => {
  const long = `${'word '.repeat(100)}needle ${'tail '.repeat(100)}`.trim();

  it('shows the first highlight with the ranges moved into the snippet', () => {
    const ranges = highlightRanges(long, ['needle']);
    const snippet = snippetAround(long, ranges, 80);
    expect(snippet.cutStart).toBe(true);
    expect(snippet.cutEnd).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(80);
    expect(snippet.ranges.map((r) => snippet.text.slice(r.start, r.end))).toEqual(['needle']);
    expect(snippet.text.startsWith('word')).toBe(true);
  });

  it('leaves a short text whole', () => {
    expect(snippetAround('short', [{ start: 0, end: 5 }])).toEqual({
      text: 'short',
      ranges: [{ start: 0, end: 5 }],
      cutStart: false,
      cutEnd: false,
    });
  });

  it('never cuts an emoji in half', () => {
    const text = `${'😀'.repeat(100)}x`;
    const snippet = snippetAround(text, [{ start: 200, end: 201 }], 21);
    expect(snippet.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    expect(snippet.ranges.map((r) => snippet.text.slice(r.start, r.end))).toEqual(['x']);
  });
});

describe('typing on', () => {
  it('finds exactly what a fresh search finds, keystroke after keystroke', () => {
    const data = makeLibrary({ episodes: 40, quotes: 800, seed: 3 });
    const typing = buildSearchIndex(data);
    const typed = [
      ...['m', 'ma', 'mar', 'marg', 'margin', 'margin ', 'margin p', 'margin pe', 'margin pen'],
      // Backspace, a new word, a phrase, a show's name, accents.
      ...['margin p', 'margin', 'margin z', 'margin zu', 'margin zur', '"pen i', '"pen in"'],
      ...['data', 'data talks', 'data talks q', 'cafe', 'café n', 'cafe naive'],
    ];
    const shows = new Set(['ep-1', 'ep-2', 'ep-3']);
    for (const [i, query] of typed.entries()) {
      // Now and then the filters change between keystrokes too.
      const options = i % 5 === 4 ? { episodeIds: shows } : {};
      const fresh = searchLibrary(buildSearchIndex(data), query, options);
      expect(searchLibrary(typing, query, options), query).toEqual(fresh);
    }
  });
});
