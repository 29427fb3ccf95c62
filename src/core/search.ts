/**
 * Search over the whole library (issue 7): quote words, quote notes, speakers, episode titles,
 * shows, intros, section notes, my 2 cents, participants and tags.
 *
 * The index lives in memory. Measured on 10,000 quotes (test/unit/search-timing.test.ts and
 * the library browser test), a linear scan of pre-folded text answers a keystroke in a few
 * milliseconds, and building the index costs tens of milliseconds once per page load. An
 * IndexedDB index could only answer whole-token lookups (no "mid-word" matches), would need a
 * schema migration and pays a transaction per keystroke, which alone costs about what the
 * whole in-memory search does.
 *
 * Matching is case- and accent-insensitive (NFKD, marks removed, lower case): "cafe" finds
 * "Café", "ﬁle" finds "file". Highlight ranges always point into the original text, so the UI
 * can cut it into pieces without knowing about folding.
 *
 * Over 400 lines on purpose: folding with its offset map, the index and the ranking are one
 * contract (ranges into the original text) that test/unit/search.test.ts checks as a whole.
 */
import type { Episode, LibraryData, Quote } from './model';
import { speakerOf } from './people';

/** A highlighted part of a text: `[start, end)` in UTF-16 code units of the original text. */
export interface HighlightRange {
  start: number;
  end: number;
}

/** The fields a match can be in. `quote`, `note` and `speaker` belong to a quote. */
export type SearchField =
  | 'quote'
  | 'note'
  | 'speaker'
  | 'title'
  | 'show'
  | 'summary'
  | 'twoCents'
  | 'sectionHeading'
  | 'sectionNotes'
  | 'participant'
  | 'tag';

export interface FieldMatch {
  field: SearchField;
  /** The original text of the field. */
  text: string;
  /** Sorted, non-overlapping. */
  ranges: HighlightRange[];
}

export interface QuoteMatch {
  kind: 'quote';
  quoteId: string;
  episodeId: string;
  score: number;
}

export interface EpisodeMatch {
  kind: 'episode';
  episodeId: string;
  score: number;
}

export type SearchMatch = QuoteMatch | EpisodeMatch;

export interface SearchResult {
  /** The folded terms that were searched for; empty for a blank query. */
  terms: string[];
  episodes: EpisodeMatch[];
  quotes: QuoteMatch[];
}

export interface SearchOptions {
  /** Only episodes with these ids, and their quotes (the list's filters). */
  episodeIds?: ReadonlySet<string>;
}

interface IndexedField {
  field: SearchField;
  original: string;
  /** `foldForSearch(original)`: what terms are looked for in. */
  folded: string;
}

interface QuoteDoc {
  quote: Quote;
  /** Words, speaker, note: in order of weight, as the score counts the first field found. */
  ownFields: IndexedField[];
  /** The folded own fields joined, so a quote without a term is passed over in one scan. */
  own: string;
  episode: EpisodeDoc | undefined;
  /** Position in edit order, newest 0: ties in score are broken by a number, not a date. */
  recency: number;
}

interface EpisodeDoc {
  episode: Episode;
  fields: IndexedField[];
  all: string;
  recency: number;
  /** Title and show only: where a quote's term may be found besides the quote itself. */
  contextFields: IndexedField[];
}

export interface SearchIndex {
  readonly quotes: ReadonlyMap<string, QuoteDoc>;
  readonly episodes: ReadonlyMap<string, EpisodeDoc>;
}

/** How much a term found in each field counts towards the order of results. */
const FIELD_WEIGHT: Record<SearchField, number> = {
  quote: 4,
  title: 4,
  speaker: 3,
  note: 2,
  show: 2,
  participant: 2,
  tag: 2,
  twoCents: 2,
  sectionHeading: 2,
  sectionNotes: 1,
  summary: 1,
};

const MARKS = /\p{M}/gu;
// eslint-disable-next-line no-control-regex -- the ASCII range, where folding is lower-casing.
const ASCII_ONLY = /^[\u0000-\u007f]*$/;
const FINAL_SIGMA = /ς/g;

/**
 * Text as search compares it: compatibility-decomposed, marks dropped, lower case ("Café
 * ﬁle" → "cafe file"). The final sigma, the one letter whose lower case depends on its
 * neighbours, becomes σ, so folding a text whole and one character at a time agree.
 */
export function foldForSearch(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(FINAL_SIGMA, 'σ');
}

/** A text folded one character at a time, with each folded character's original offset. */
interface FoldedText {
  original: string;
  folded: string;
  /** `starts[i]` is the original offset of the character folded into `folded[i]`; null when identical. */
  starts: Uint32Array | null;
}

function foldWithMap(original: string): FoldedText {
  // Most text is ASCII, where lower-casing keeps every offset.
  if (ASCII_ONLY.test(original)) return { original, folded: original.toLowerCase(), starts: null };
  let folded = '';
  const starts: number[] = [];
  let offset = 0;
  for (const ch of original) {
    const f = foldForSearch(ch);
    folded += f;
    for (let i = 0; i < f.length; i++) starts.push(offset);
    offset += ch.length;
  }
  return { original, folded, starts: Uint32Array.from(starts) };
}

/**
 * The terms of a query: words separated by spaces, or a phrase in double quotes. Folded, and
 * without duplicates or terms contained in another (they would add nothing).
 */
export function searchTerms(query: string): string[] {
  const raw: string[] = [];
  const pattern = /"([^"]*)"?|(\S+)/g;
  for (let m = pattern.exec(query); m; m = pattern.exec(query)) {
    const term = foldForSearch((m[1] ?? m[2] ?? '').replace(/\s+/g, ' ').trim());
    if (term !== '') raw.push(term);
  }
  const unique = [...new Set(raw)];
  return unique.filter((t) => !unique.some((other) => other !== t && other.includes(t)));
}

function indexed(field: SearchField, text: string): IndexedField | null {
  return text.trim() === '' ? null : { field, original: text, folded: foldForSearch(text) };
}

function present<T>(value: T | null): value is T {
  return value !== null;
}

/** Between joined fields: a term never spans it, as no term holds a line break. */
const JOIN = '\n';

function joined(fields: readonly IndexedField[]): string {
  return fields.length === 1 ? fields[0]!.folded : fields.map((f) => f.folded).join(JOIN);
}

/** Each item's place when ordered newest first by `updatedAt`. */
function recencyOf<T extends { id: string; updatedAt: string }>(
  items: readonly T[],
): Map<string, number> {
  const sorted = [...items].sort((a, b) =>
    a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0,
  );
  return new Map(sorted.map((item, i) => [item.id, i]));
}

/**
 * Builds the index once (at page load, and again when the library changes). Cost: one
 * folding pass over the library's text.
 */
export function buildSearchIndex(data: LibraryData): SearchIndex {
  const episodeRecency = recencyOf(data.episodes);
  const quoteRecency = recencyOf(data.quotes);
  const episodes = new Map<string, EpisodeDoc>();
  for (const episode of data.episodes) {
    const contextFields = [indexed('title', episode.title), indexed('show', episode.show)].filter(
      present,
    );
    const fields = [
      ...contextFields,
      ...episode.participants.map((p) => indexed('participant', p.name)),
      ...episode.tags.map((tag) => indexed('tag', tag)),
      indexed('twoCents', episode.twoCents),
      ...episode.sections.flatMap((s) => [
        indexed('sectionHeading', s.heading),
        indexed('sectionNotes', s.notes),
      ]),
      indexed('summary', episode.summary),
    ].filter(present);
    episodes.set(episode.id, {
      episode,
      fields,
      all: joined(fields),
      contextFields,
      recency: episodeRecency.get(episode.id)!,
    });
  }
  const quotes = new Map<string, QuoteDoc>();
  for (const quote of data.quotes) {
    const episode = episodes.get(quote.episodeId);
    const speaker = episode && speakerOf(quote, episode.episode.participants)?.name;
    const ownFields = [
      indexed('quote', quote.text),
      indexed('speaker', speaker ?? ''),
      indexed('note', quote.note),
    ].filter(present);
    quotes.set(quote.id, {
      quote,
      ownFields,
      own: joined(ownFields),
      episode,
      recency: quoteRecency.get(quote.id)!,
    });
  }
  return { quotes, episodes };
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A letter or digit; ASCII answered without the Unicode regex (it runs once per match). */
function isWordChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return WORD_CHAR.test(ch);
}

/**
 * What a term found in these fields adds to the score: the weight of the first field that has
 * it, plus one when it starts a word there; -1 when no field has it.
 */
function termScore(fields: readonly IndexedField[], term: string): number {
  for (const f of fields) {
    const at = f.folded.indexOf(term);
    if (at < 0) continue;
    const wordStart = at === 0 || !isWordChar(f.folded[at - 1]!);
    return FIELD_WEIGHT[f.field] + (wordStart ? 1 : 0);
  }
  return -1;
}

/**
 * Finds every episode and quote that holds all of the query's terms.
 *
 * - An episode matches when each term is in one of its fields (title, show, participants,
 *   tags, my 2 cents, section headings and notes, intro).
 * - A quote matches when each term is in its words, its speaker, its note, or its episode's
 *   title or show, and at least one term is in the quote itself: a show's name alone finds
 *   the show's episodes, not every quote ever saved from it.
 *
 * Results are ordered best first (which fields hold the terms), then most recently edited.
 * Cost: one substring scan of the folded text per term. Highlights are not computed here but
 * by `highlightMatch`, for the rows on screen: with a one-letter query every quote matches,
 * and ranges for all of them would cost more than the search.
 */
export function searchLibrary(
  index: SearchIndex,
  query: string,
  options: SearchOptions = {},
): SearchResult {
  const terms = searchTerms(query);
  if (terms.length === 0) return { terms, episodes: [], quotes: [] };
  const allowed = options.episodeIds;
  const previous = lastSearch.get(index);
  const narrowing = previous !== undefined && narrows(previous, terms, allowed);

  const episodes: Ranked<EpisodeMatch>[] = [];
  const episodeCandidates: EpisodeDoc[] = [];
  for (const doc of narrowing ? previous.episodes : index.episodes.values()) {
    if (allowed && !allowed.has(doc.episode.id)) continue;
    if (!terms.every((term) => doc.all.includes(term))) continue;
    episodeCandidates.push(doc);
    let score = 0;
    for (const term of terms) score += termScore(doc.fields, term);
    episodes.push({
      match: { kind: 'episode', episodeId: doc.episode.id, score },
      recency: doc.recency,
    });
  }

  const quotes: Ranked<QuoteMatch>[] = [];
  const quoteCandidates: QuoteDoc[] = [];
  for (const doc of narrowing ? previous.quotes : index.quotes.values()) {
    if (allowed && !allowed.has(doc.quote.episodeId)) continue;
    let score = 0;
    let inOwn = false;
    for (const term of terms) {
      const own = doc.own.includes(term) ? termScore(doc.ownFields, term) : -1;
      if (own >= 0) {
        inOwn = true;
        score += own;
        continue;
      }
      const context = doc.episode ? termScore(doc.episode.contextFields, term) : -1;
      if (context < 0) {
        score = -1;
        break;
      }
      // The episode's title counts a little: the quote is what was searched for.
      score += context / 4;
    }
    if (score < 0) continue;
    // Every term is here, if not all in the quote itself: typing on may still find it.
    quoteCandidates.push(doc);
    if (!inOwn) continue;
    quotes.push({
      match: { kind: 'quote', quoteId: doc.quote.id, episodeId: doc.quote.episodeId, score },
      recency: doc.recency,
    });
  }

  lastSearch.set(index, { terms, allowed, episodes: episodeCandidates, quotes: quoteCandidates });
  return { terms, episodes: bestFirst(episodes), quotes: bestFirst(quotes) };
}

/**
 * The documents the last search of an index found every term in (for quotes, in the quote or
 * its episode's title or show: a superset of the matches). Typing on ("mar" → "marg") only
 * lengthens terms or adds them, and a document without an old term can't hold a term that
 * contains it, so the next search scans these instead of the whole library. Results are
 * the same either way, in the same order: candidates keep the index's order.
 */
interface Narrowing {
  terms: readonly string[];
  allowed: ReadonlySet<string> | undefined;
  episodes: EpisodeDoc[];
  quotes: QuoteDoc[];
}

const lastSearch = new WeakMap<SearchIndex, Narrowing>();

function narrows(
  previous: Narrowing,
  terms: readonly string[],
  allowed: ReadonlySet<string> | undefined,
): boolean {
  return (
    previous.allowed === allowed &&
    previous.terms.every((old) => terms.some((term) => term.includes(old)))
  );
}

interface Ranked<M extends { score: number }> {
  match: M;
  recency: number;
}

function bestFirst<M extends { score: number }>(ranked: Ranked<M>[]): M[] {
  ranked.sort((a, b) => b.match.score - a.match.score || a.recency - b.recency);
  return ranked.map((r) => r.match);
}

/**
 * The fields of a match that hold any of the terms, each with its highlight ranges: for a
 * quote its words, speaker and note, then its episode's title and show; for an episode every
 * field. Called for the rows on screen only.
 */
export function highlightMatch(
  index: SearchIndex,
  terms: readonly string[],
  match: SearchMatch,
): FieldMatch[] {
  const fields =
    match.kind === 'quote'
      ? (() => {
          const doc = index.quotes.get(match.quoteId);
          return doc ? [...doc.ownFields, ...(doc.episode?.contextFields ?? [])] : [];
        })()
      : (index.episodes.get(match.episodeId)?.fields ?? []);
  const out: FieldMatch[] = [];
  for (const f of fields) {
    if (!terms.some((term) => f.folded.includes(term))) continue;
    out.push({ field: f.field, text: f.original, ranges: highlightRanges(f.original, terms) });
  }
  return out;
}

/** Where `terms` occur in `text`, as merged, sorted ranges into the original text. */
export function highlightRanges(text: string, terms: readonly string[]): HighlightRange[] {
  if (terms.length === 0) return [];
  const folded = foldWithMap(text);
  const found: HighlightRange[] = [];
  for (const term of terms) {
    if (term === '') continue;
    for (let at = folded.folded.indexOf(term); at >= 0; at = folded.folded.indexOf(term, at + 1)) {
      found.push(originalRange(folded, at, at + term.length));
    }
  }
  return mergeRanges(found);
}

function originalRange(text: FoldedText, start: number, end: number): HighlightRange {
  if (!text.starts) return { start, end };
  const first = text.starts[start]!;
  const lastStart = text.starts[end - 1]!;
  // The whole original character the last folded one came from (a surrogate pair is 2 units),
  // and any marks after it that folding dropped (the accent of a decomposed "é").
  let after = lastStart + (text.original.codePointAt(lastStart)! > 0xffff ? 2 : 1);
  while (after < text.original.length) {
    const next = String.fromCodePoint(text.original.codePointAt(after)!);
    if (foldForSearch(next) !== '') break;
    after += next.length;
  }
  return { start: first, end: after };
}

function mergeRanges(ranges: HighlightRange[]): HighlightRange[] {
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: HighlightRange[] = [{ ...ranges[0]! }];
  for (const range of ranges.slice(1)) {
    const last = out[out.length - 1]!;
    if (range.start <= last.end) last.end = Math.max(last.end, range.end);
    else out.push({ ...range });
  }
  return out;
}

/** Part of a long text around its first highlight, with the ranges moved to match. */
export interface Snippet {
  text: string;
  ranges: HighlightRange[];
  /** Text was left out before / after. */
  cutStart: boolean;
  cutEnd: boolean;
}

/**
 * A window of about `length` characters of `text` that shows its first highlight, cut at
 * spaces where possible, for a result row that can't show a whole section of notes.
 */
export function snippetAround(
  text: string,
  ranges: readonly HighlightRange[],
  length = 160,
): Snippet {
  if (text.length <= length) return { text, ranges: [...ranges], cutStart: false, cutEnd: false };
  const first = ranges[0] ?? { start: 0, end: 0 };
  let start = Math.max(0, Math.min(first.start - Math.floor(length / 3), text.length - length));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < first.start) start = space + 1;
  }
  // Never split a surrogate pair at either end.
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > Math.max(start, first.end)) end = space;
    if (isLowSurrogate(text.charCodeAt(end))) end--;
  }
  const moved = ranges
    .filter((r) => r.end > start && r.start < end)
    .map((r) => ({ start: Math.max(r.start, start) - start, end: Math.min(r.end, end) - start }));
  return {
    text: text.slice(start, end),
    ranges: moved,
    cutStart: start > 0,
    cutEnd: end < text.length,
  };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
