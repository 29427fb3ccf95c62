import type { Episode, Quote } from '../../core/model';
import type { Store } from '../../store/store';
import type { EpisodeChange } from './episode-writer';
import type { Notice } from './Notice';

/** What every part of the editor needs to change the episode and tell the person about it. */
export interface Editing {
  store: Store;
  episode: Episode;
  quotes: Quote[];
  edit: (change: EpisodeChange) => Promise<Episode>;
  notify: (notice: Notice) => void;
  onError: (error: unknown) => void;
  reloadQuotes: () => Promise<void>;
}

/**
 * Sets one field on the episode's quotes that hold `from` (a removed speaker or section) and
 * returns the ids it changed, so Undo can set them back, and only them.
 */
export async function reassignQuotes(
  editing: Editing,
  field: 'speakerId' | 'sectionId',
  from: string | null,
  to: string | null,
  only?: Set<string>,
): Promise<string[]> {
  const quotes = await editing.store.quotesForEpisode(editing.episode.id);
  const affected = quotes.filter((q) => q[field] === from && (!only || only.has(q.id)));
  for (const quote of affected) await editing.store.updateQuote(quote.id, { [field]: to });
  return affected.map((q) => q.id);
}

/** Puts an item back where it was; at the end when the list has since become shorter. */
export function insertAt<T>(list: T[], index: number, item: T): T[] {
  const at = index < 0 || index > list.length ? list.length : index;
  return [...list.slice(0, at), item, ...list.slice(at)];
}
