/**
 * The episodes list's rows, orders and filters: pure, over the library held in memory.
 */
import type { Episode, LibraryData, Quote } from '../../core/model';
import { personKey, samePerson } from '../../core/people';
import { byPlaybackOrder } from '../../core/quote-order';

export type EpisodeSort = 'edited' | 'published' | 'show';
export const EPISODE_SORTS: readonly EpisodeSort[] = ['edited', 'published', 'show'];

export interface EpisodeRow {
  episode: Episode;
  quoteCount: number;
  /** The latest edit of the episode or any of its quotes (editing a quote leaves the episode's own time). */
  lastEdited: string;
}

export interface EpisodeFilter {
  show: string | null;
  speaker: string | null;
  tag: string | null;
}

export const NO_FILTER: EpisodeFilter = { show: null, speaker: null, tag: null };

/** The library arranged for the views: rows and each episode's quotes in playback order. */
export interface LibraryView {
  rows: EpisodeRow[];
  byId: Map<string, EpisodeRow>;
  quotesByEpisode: Map<string, Quote[]>;
  quotesById: Map<string, Quote>;
}

export function arrangeLibrary(data: LibraryData): LibraryView {
  const quotesByEpisode = new Map<string, Quote[]>();
  const quotesById = new Map<string, Quote>();
  for (const quote of data.quotes) {
    quotesById.set(quote.id, quote);
    const list = quotesByEpisode.get(quote.episodeId);
    if (list) list.push(quote);
    else quotesByEpisode.set(quote.episodeId, [quote]);
  }
  for (const list of quotesByEpisode.values()) list.sort(byPlaybackOrder);
  const rows = data.episodes.map((episode) => {
    const quotes = quotesByEpisode.get(episode.id) ?? [];
    let lastEdited = episode.updatedAt;
    for (const q of quotes) if (q.updatedAt > lastEdited) lastEdited = q.updatedAt;
    return { episode, quoteCount: quotes.length, lastEdited };
  });
  return { rows, byId: new Map(rows.map((r) => [r.episode.id, r])), quotesByEpisode, quotesById };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const same = (a: string, b: string) => collator.compare(a.trim(), b.trim()) === 0;

/** Newest first; ISO 8601 strings of one format compare as times. */
function newestFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

/**
 * `edited`: most recently edited first. `published`: newest episode first, undated ones last.
 * `show`: by show name (episodes without one last), then newest first within a show.
 */
export function sortRows(rows: readonly EpisodeRow[], sort: EpisodeSort): EpisodeRow[] {
  const out = [...rows];
  const byTitle = (a: EpisodeRow, b: EpisodeRow) =>
    collator.compare(a.episode.title, b.episode.title);
  switch (sort) {
    case 'edited':
      return out.sort((a, b) => newestFirst(a.lastEdited, b.lastEdited) || byTitle(a, b));
    case 'published':
      return out.sort(
        (a, b) =>
          newestFirst(a.episode.publishedAt, b.episode.publishedAt) ||
          newestFirst(a.lastEdited, b.lastEdited),
      );
    case 'show':
      return out.sort((a, b) => {
        const showA = a.episode.show.trim();
        const showB = b.episode.show.trim();
        if (showA === '' || showB === '')
          return (showA === '' ? 1 : 0) - (showB === '' ? 1 : 0) || byTitle(a, b);
        return (
          collator.compare(showA, showB) ||
          newestFirst(a.episode.publishedAt, b.episode.publishedAt) ||
          byTitle(a, b)
        );
      });
  }
}

/** Rows that pass every filter set; names and tags compare ignoring case and accents. */
export function filterRows(rows: readonly EpisodeRow[], filter: EpisodeFilter): EpisodeRow[] {
  return rows.filter(({ episode }) => {
    if (filter.show !== null && !same(episode.show, filter.show)) return false;
    if (
      filter.speaker !== null &&
      !episode.participants.some((p) => samePerson(p.name, filter.speaker!))
    )
      return false;
    if (filter.tag !== null && !episode.tags.some((t) => same(t, filter.tag!))) return false;
    return true;
  });
}

/** The values a filter can take, each once (first spelling kept), in alphabetical order. */
export interface Facets {
  shows: string[];
  speakers: string[];
  tags: string[];
}

/** Shows and tags compare ignoring case and accents. */
const plainKey = (value: string) => value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function facetsOf(rows: readonly EpisodeRow[]): Facets {
  const unique = (values: string[], keyOf = plainKey) => {
    const seen = new Map<string, string>();
    for (const value of values) {
      const trimmed = value.trim();
      if (trimmed === '') continue;
      const key = keyOf(trimmed);
      if (!seen.has(key)) seen.set(key, trimmed);
    }
    return [...seen.values()].sort(collator.compare);
  };
  return {
    shows: unique(rows.map((r) => r.episode.show)),
    // Speakers are people: one name however it was typed (core/people.ts).
    speakers: unique(
      rows.flatMap((r) => r.episode.participants.map((p) => p.name)),
      personKey,
    ),
    tags: unique(rows.flatMap((r) => r.episode.tags)),
  };
}
