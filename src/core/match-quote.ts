/**
 * Finding a saved quote again when the page's text has changed a little: the background's
 * half of anchoring, over plain text (the content script sends the page's text).
 *
 * Layered, cheapest first: the hint; the words and context verbatim; the words
 * whitespace-insensitively, ranked by context and position; then an approximate match (Myers'
 * bit-parallel algorithm, `approx-string-match`) near the hint, and around wherever pieces of
 * the quote still occur. A quote whose best candidate scores under `MIN_SCORE` is an orphan
 * (`null`): the caller keeps it and says so, rather than highlighting the wrong words.
 *
 * The ideas follow hypothesis/client's `src/annotator/anchoring/match-quote.ts`; the code is
 * ours. Over 400 lines on purpose: one search whose layers share the target, the scoring and
 * the cost limits; each layer is a documented function, and split apart they would hand
 * each other the same half-dozen private types.
 */
import search from 'approx-string-match';
import type { TextQuoteSelector } from './model';
import { isVerbatimAt } from './verbatim';
import {
  collapseWhitespace,
  isSpace,
  normalizeWhitespace,
  toCollapsed,
  type CollapsedText,
} from './whitespace';

/**
 * The score under which a candidate is not trusted and the quote is an orphan. Scores are
 * normalised to 0–1; test/unit/anchor-match.test.ts shows where true and false matches fall.
 */
export const MIN_SCORE = 0.75;

/** Most edits an approximate match may have, however long the quote: search cost grows with it. */
export const MAX_ERRORS = 64;

/** Share of a quote's characters that may differ in an approximate match. */
const MAX_ERROR_RATIO = 0.4;

/** A candidate at least this good ends the search: nothing cheaper is left to try. */
const CONFIDENT_SCORE = 0.9;

/** A place in a text where a quote was found, and how much to trust it (0–1). */
export interface QuoteMatch {
  start: number;
  end: number;
  score: number;
}

/**
 * A text prepared for many quote searches: built once per page text. The whitespace-collapsed
 * copy (with a map back to raw offsets) lets a quote survive changed line breaks and
 * indentation at no cost; it is built on first need only.
 */
export interface SearchableText {
  readonly raw: string;
  collapsed(): CollapsedText;
}

export function searchableText(raw: string): SearchableText {
  let cache: CollapsedText | null = null;
  return {
    raw,
    collapsed: () => (cache ??= collapseWhitespace(raw)),
  };
}

/**
 * Edit distance between `expected` and the best-aligned end of `actual` (or start, with
 * `anchor: 'start'`): context must touch the quote, but may begin anywhere further out.
 * O(|expected| × |actual|), both a few dozen characters here.
 */
function contextErrors(expected: string, actual: string, anchor: 'start' | 'end'): number {
  const m = expected.length;
  const n = actual.length;
  // Align from the end touching the quote: reverse prefixes so both run outwards from index 0.
  const e = anchor === 'start' ? expected : [...expected].reverse().join('');
  const a = anchor === 'start' ? actual : [...actual].reverse().join('');
  let previous = new Uint16Array(n + 1);
  let current = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    const ei = e.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitution = previous[j - 1]! + (ei === a.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  // The far end of `expected` may align anywhere in `actual`: the best of the last row.
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, previous[j]!);
  return best;
}

/** Context longer than this is cut: it adds cost, not certainty. */
const MAX_CONTEXT = 64;

/** What a quote is looked for with, in collapsed-whitespace form. */
interface Target {
  quote: string;
  prefix: string;
  suffix: string;
  /** Collapsed offset the quote is expected near, or null. */
  hint: number | null;
  /** Prefix edits by candidate start, suffix edits by candidate end: candidates share them. */
  prefixErrorsAt: Map<number, number>;
  suffixErrorsAt: Map<number, number>;
}

function targetFor(selector: TextQuoteSelector, hint: number | null): Target {
  const leading = /^\s*/.exec(selector.exact)![0];
  const trailing = /\s*$/.exec(selector.exact)![0];
  // Whitespace trimmed off the quote belongs to its context, so that "a b" still sits after "a ".
  const prefix = (selector.prefix + leading).replace(/\s+/g, ' ').slice(-MAX_CONTEXT);
  const suffix = (trailing + selector.suffix).replace(/\s+/g, ' ').slice(0, MAX_CONTEXT);
  return {
    quote: normalizeWhitespace(selector.exact),
    prefix,
    suffix,
    hint,
    prefixErrorsAt: new Map(),
    suffixErrorsAt: new Map(),
  };
}

interface Candidate {
  start: number;
  end: number;
  /** Edits between the quote and text[start, end). */
  errors: number;
}

interface Scored extends Candidate {
  /** Edits from the saved quote and its context together: what ranks candidates. */
  edits: number;
  /** Characters from the position hint: what breaks ties between identical passages. */
  distance: number;
  /** Trust, 0–1: what separates a match from an orphan (`MIN_SCORE`). */
  score: number;
}

/** The quote's weight per character in `score`: a long quote vouches for itself. */
const QUOTE_WEIGHT_PER_CHAR = 2.5;
const MIN_QUOTE_WEIGHT = 50;
const MAX_QUOTE_WEIGHT = 500;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;

/**
 * How far context vouches for a candidate, 0–1. Any two snippets of prose are about half
 * alike by edit distance, so only similarity above that counts: unrelated context gives 0.
 */
function contextTrust(errors: number, length: number): number {
  return Math.max(0, 1 - (2 * errors) / length);
}

/**
 * Ranks and scores a candidate [start, end) of collapsed text.
 *
 * Ranking counts edits in quote and context alike, so that when words were inserted into a
 * quote, matching across them (intact suffix) beats cutting the quote short before them
 * (fewer quote edits, shifted suffix). Trust weighs the quote by its length: 50 characters
 * found verbatim are the quote even in new surroundings; "you know" is not, unless its
 * context agrees. Missing context (a quote at the very start or end of the page) is left out.
 */
function assess(text: string, target: Target, c: Candidate): Scored {
  const { quote, prefix, suffix, hint } = target;
  const quoteWeight = Math.min(
    MAX_QUOTE_WEIGHT,
    Math.max(MIN_QUOTE_WEIGHT, quote.length * QUOTE_WEIGHT_PER_CHAR),
  );
  let score = quoteWeight * Math.max(0, 1 - c.errors / quote.length);
  let weight = quoteWeight;
  let edits = c.errors;
  if (prefix.length > 0) {
    const errors = prefixErrors(text, target, c.start);
    edits += errors;
    score += CONTEXT_WEIGHT * contextTrust(errors, prefix.length);
    weight += CONTEXT_WEIGHT;
  }
  if (suffix.length > 0) {
    const errors = suffixErrors(text, target, c.end);
    edits += errors;
    score += CONTEXT_WEIGHT * contextTrust(errors, suffix.length);
    weight += CONTEXT_WEIGHT;
  }
  const distance = hint === null ? 0 : Math.abs(c.start - hint);
  if (hint !== null && text.length > 0) {
    score += POSITION_WEIGHT * (1 - distance / text.length);
    weight += POSITION_WEIGHT;
  }
  return { ...c, edits, distance, score: score / weight };
}

/** Edits between the saved prefix and the text before `start`. */
function prefixErrors(text: string, target: Target, start: number): number {
  const { prefix, prefixErrorsAt } = target;
  let errors = prefixErrorsAt.get(start);
  if (errors === undefined) {
    const before = text.slice(Math.max(0, start - prefix.length * 2), start);
    // Unchanged context, the common case, needs no alignment.
    errors = before.endsWith(prefix) ? 0 : contextErrors(prefix, before, 'end');
    prefixErrorsAt.set(start, errors);
  }
  return errors;
}

/** Edits between the saved suffix and the text after `end`. */
function suffixErrors(text: string, target: Target, end: number): number {
  const { suffix, suffixErrorsAt } = target;
  let errors = suffixErrorsAt.get(end);
  if (errors === undefined) {
    const after = text.slice(end, end + suffix.length * 2);
    errors = after.startsWith(suffix) ? 0 : contextErrors(suffix, after, 'start');
    suffixErrorsAt.set(end, errors);
  }
  return errors;
}

/** The better of two matches, either possibly missing: fewer edits, then nearer the hint. */
function better(a: Scored | null, b: Scored | null): Scored | null {
  if (!a) return b;
  if (!b) return a;
  if (a.edits !== b.edits) return b.edits < a.edits ? b : a;
  return b.distance < a.distance ? b : a;
}

/** Assesses candidates (at most `limit`, nearest the hint first) and returns the best. */
function bestOf(
  text: string,
  target: Target,
  candidates: Candidate[],
  limit = Infinity,
): Scored | null {
  let chosen = candidates;
  if (candidates.length > limit) {
    const hint = target.hint ?? 0;
    chosen = [...candidates]
      .sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint))
      .slice(0, limit);
  }
  // Fewest quote errors first: a candidate's edits are at least its quote errors, so once
  // those exceed the best candidate's edits, no later candidate can win (saves the context
  // alignments, the costly part).
  const byErrors = [...chosen].sort((a, b) => a.errors - b.errors);
  let best: Scored | null = null;
  for (const c of byErrors) {
    if (best && c.errors > best.edits) break;
    best = better(best, assess(text, target, c));
  }
  return best;
}

function exactCandidates(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

/**
 * Errors an approximate search allows for a quote of `length` characters: a share of its
 * length, so that short quotes stay strict, capped so that long ones stay fast (the search is
 * O(text × errors / 32)).
 */
export function maxErrorsFor(length: number): number {
  return Math.min(MAX_ERRORS, Math.floor(length * MAX_ERROR_RATIO));
}

/**
 * Approximate matches of the quote in text[from, to), offsets relative to the whole text.
 * The search reports every end with the fewest errors, and for each end the longest start;
 * all are kept for the context to decide, and `refineBoundaries` then fixes the ends of the
 * best.
 */
function fuzzyCandidates(text: string, target: Target, from: number, to: number): Candidate[] {
  const maxErrors = maxErrorsFor(target.quote.length);
  if (maxErrors === 0) return [];
  return search(text.slice(from, to), target.quote, maxErrors).map((m) => ({
    start: from + m.start,
    end: from + m.end,
    errors: m.errors,
  }));
}

/**
 * Edit distances between `quote` and every run of `text` that starts at `from` and is up to
 * `span` characters long: result[j] is the distance to text[from, from + j). One dynamic
 * programming pass of O(|quote| × span), keeping one row.
 */
function distancesFrom(quote: string, text: string, from: number, span: number): Uint16Array {
  const n = Math.min(span, text.length - from);
  let previous = new Uint16Array(n + 1);
  let current = new Uint16Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= quote.length; i++) {
    current[0] = i;
    const q = quote.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const substitution = previous[j - 1]! + (q === text.charCodeAt(from + j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous;
}

const reverse = (s: string): string => [...s].reverse().join('');

/** Quotes longer than this keep the boundaries the search found: refining costs O(length²). */
const MAX_REFINED_LENGTH = 1000;

/**
 * Moves a fuzzy match's ends to where quote and context fit best together.
 *
 * Why: the search reports only the ends with the fewest errors, and for each the longest
 * start. When words were inserted near the end of a quote, dropping the quote's last word is
 * "cheaper" than matching across the insertion, so the true end is not among them; only the
 * suffix can tell. So: every end at a bearable distance from the found start is scored with
 * its suffix, then every start before the chosen end with its prefix.
 */
function refineBoundaries(text: string, target: Target, found: Scored): Scored {
  const { quote } = target;
  if (found.errors === 0 || quote.length > MAX_REFINED_LENGTH) return found;
  const maxErrors = maxErrorsFor(quote.length);
  const span = quote.length + maxErrors;

  const ends = distancesFrom(quote, text, found.start, span);
  const endCandidates: Candidate[] = [];
  ends.forEach((errors, j) => {
    if (errors <= maxErrors)
      endCandidates.push({ start: found.start, end: found.start + j, errors });
  });
  const withEnd = bestOf(text, target, [found, ...endCandidates]) ?? found;

  const from = Math.max(0, withEnd.end - span);
  const reversedText = reverse(text.slice(from, withEnd.end));
  const starts = distancesFrom(reverse(quote), reversedText, 0, span);
  const startCandidates: Candidate[] = [];
  starts.forEach((errors, j) => {
    if (errors <= maxErrors)
      startCandidates.push({ start: withEnd.end - j, end: withEnd.end, errors });
  });
  return bestOf(text, target, [withEnd, ...startCandidates]) ?? withEnd;
}

/** Scoring every occurrence of a very common quote costs more than it can tell. */
const MAX_SCORED_CANDIDATES = 500;

/** How far either side of the hint the cheap approximate search looks. */
function windowAround(target: Target): number {
  return Math.max(2000, target.quote.length * 4);
}

/** Length of the verbatim pieces of a quote that seed the search far from its hint. */
const SEED_LENGTH = 12;

/** How many pieces of a quote are looked up, at most: each costs an `indexOf` over the text. */
const MAX_SEEDS = 8;

/** A piece found more often than this says nothing about where the quote went. */
const MAX_SEED_HITS = 50;

/**
 * Regions [from, to) of `text` worth an approximate search for a quote that is not near its
 * hint: around the places where a piece of it occurs verbatim.
 *
 * Why not search the whole text: that costs ~5 ms per quote on a 3-hour transcript, and it is
 * paid for every orphan on every visit. Looking up pieces costs a few `indexOf`s. The price: a
 * quote that both moved away from its hint and changed in every 12-character stretch is not
 * found (near its hint, it still is).
 */
function seededRegions(text: string, target: Target): [number, number][] {
  const { quote } = target;
  const pieceLength = Math.max(4, Math.min(SEED_LENGTH, Math.floor(quote.length / 2)));
  const slack = maxErrorsFor(quote.length);
  // Pieces spread evenly over the quote, the first and last included; a few suffice.
  const count = Math.max(1, Math.min(MAX_SEEDS, Math.floor(quote.length / pieceLength)));
  const offsets = Array.from({ length: count }, (_, i) =>
    count === 1 ? 0 : Math.round((i * (quote.length - pieceLength)) / (count - 1)),
  );
  const regions: [number, number][] = [];
  for (const offset of offsets) {
    const piece = quote.slice(offset, offset + pieceLength);
    const hits: number[] = [];
    for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1)) {
      hits.push(at);
      if (hits.length > MAX_SEED_HITS) break;
    }
    if (hits.length > MAX_SEED_HITS) continue;
    for (const at of hits) {
      const start = at - offset;
      regions.push([
        Math.max(0, start - slack),
        Math.min(text.length, start + quote.length + slack),
      ]);
    }
  }
  // Merge overlapping regions, so that no stretch of text is searched twice.
  regions.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const region of regions) {
    const last = merged[merged.length - 1];
    if (last && region[0] <= last[1]) last[1] = Math.max(last[1], region[1]);
    else merged.push(region);
  }
  return merged;
}

/** How far either side of the hint a verbatim quote is looked for before the whole text. */
const VERBATIM_REACH = 10_000;

/**
 * The occurrence of the quote with its whole context nearest `hint` (the first without a
 * hint), or -1. Looks near the hint first: a page that only grew or shrank above the quote
 * (a banner, comments) costs a scan of 20,000 characters, not of the whole page.
 */
function nearestVerbatim(raw: string, selector: TextQuoteSelector, hint: number | null): number {
  const { exact } = selector;
  const nearest = (from: number, to: number): number => {
    const span = raw.slice(from, to);
    let best = -1;
    for (let at = span.indexOf(exact); at >= 0; at = span.indexOf(exact, at + 1)) {
      if (!isVerbatimAt(raw, selector, from + at)) continue;
      if (best < 0 || Math.abs(from + at - (hint ?? 0)) < Math.abs(best - (hint ?? 0))) {
        best = from + at;
      }
    }
    return best;
  };
  if (hint !== null) {
    // Any occurrence outside the window is farther than one inside it.
    const from = Math.max(0, hint - VERBATIM_REACH);
    const near = nearest(from, Math.min(raw.length, hint + exact.length + VERBATIM_REACH));
    if (near >= 0 || (from === 0 && hint + exact.length + VERBATIM_REACH >= raw.length)) {
      return near;
    }
  }
  return nearest(0, raw.length);
}

/**
 * Finds a quote in a prepared text: the same as `matchQuote`, for many quotes on one page.
 * Cost: O(1) when the page is unchanged at the hint; a few `indexOf`s over the text when the
 * words are intact (verbatim, then whitespace-collapsed); then an approximate search of a few
 * thousand characters around the hint, and of the places where pieces of the quote occur
 * verbatim. About 1 ms for an orphan on a 3-hour transcript.
 */
export function matchQuoteIn(
  prepared: SearchableText,
  selector: TextQuoteSelector,
  hint?: number | null,
  minScore = MIN_SCORE,
): QuoteMatch | null {
  const { raw } = prepared;
  const { exact } = selector;
  if (normalizeWhitespace(exact) === '') return null;

  // The page unchanged around the hint: nothing to search.
  if (typeof hint === 'number' && isVerbatimAt(raw, selector, hint)) {
    return { start: hint, end: hint + exact.length, score: 1 };
  }
  // The quote and its context verbatim elsewhere (the page grew or shrank above it): the
  // occurrence nearest the hint. Cheaper than the collapsed search below, and it keeps the
  // exact whitespace, which that one cannot tell apart.
  const verbatim = nearestVerbatim(raw, selector, typeof hint === 'number' ? hint : null);
  if (verbatim >= 0) return { start: verbatim, end: verbatim + exact.length, score: 1 };

  const collapsed = prepared.collapsed();
  const { text } = collapsed;
  const target = targetFor(
    selector,
    typeof hint === 'number' ? toCollapsed(collapsed, hint) : null,
  );
  const leading = exact.length - exact.trimStart().length;
  const trailing = exact.length - exact.trimEnd().length;
  const toRawMatch = (m: Scored | null): QuoteMatch | null => {
    if (!m || m.score < minScore) return null;
    let start = collapsed.toRaw[m.start]!;
    // End just after the last matched character, not after the whitespace run it stands for.
    let end = m.end > m.start ? collapsed.toRaw[m.end - 1]! + 1 : start;
    // The quote was matched trimmed; give back the whitespace it was saved with, if still there.
    for (let i = 0; i < leading && start > 0 && isSpace(raw.charCodeAt(start - 1)); i++) start--;
    for (let i = 0; i < trailing && end < raw.length && isSpace(raw.charCodeAt(end)); i++) end++;
    return { start, end, score: m.score };
  };
  const fuzzy = (regions: [number, number][]): Scored | null => {
    const candidates = regions.flatMap(([from, to]) => fuzzyCandidates(text, target, from, to));
    const found = bestOf(text, target, candidates, MAX_SCORED_CANDIDATES);
    return found && refineBoundaries(text, target, found);
  };

  // 1. The words verbatim (whitespace aside), wherever they are.
  let best = bestOf(text, target, exactCandidates(text, target.quote), MAX_SCORED_CANDIDATES);
  if (best && best.score >= CONFIDENT_SCORE) return toRawMatch(best);

  // 2. Edited words near where they were.
  if (target.hint !== null) {
    const reach = windowAround(target);
    const from = Math.max(0, target.hint - reach);
    const to = Math.min(text.length, target.hint + target.quote.length + reach);
    best = better(best, fuzzy([[from, to]]));
    if (best && best.score >= CONFIDENT_SCORE) return toRawMatch(best);
  }

  // 3. Edited words anywhere a piece of them still is, unless a good match is near the hint.
  if (!best || best.score < minScore) best = better(best, fuzzy(seededRegions(text, target)));
  return toRawMatch(best);
}

/**
 * Finds a quote in a text, tolerating edits: exact words first (the occurrence whose context
 * matches best, then the one nearest `hint`), then an approximate match scored by quote,
 * prefix, suffix and position. Returns raw offsets into `text` and a score in [MIN_SCORE, 1],
 * or null when nothing scores `MIN_SCORE`: the quote is an orphan.
 *
 * Builds a whitespace-collapsed copy of `text` when the fast path fails; for many quotes on
 * one text use `searchableText` + `matchQuoteIn`. `minScore` other than the default is for
 * measuring (0 returns the best candidate, however poor).
 */
export function matchQuote(
  text: string,
  selector: TextQuoteSelector,
  hint?: number | null,
  minScore = MIN_SCORE,
): QuoteMatch | null {
  return matchQuoteIn(searchableText(text), selector, hint, minScore);
}
