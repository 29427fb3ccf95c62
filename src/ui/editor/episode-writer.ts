import type { Episode } from '../../core/model';
import type { EpisodeEdit, Store } from '../../store/store';

/** A change described against the episode as it is stored at the moment it is written. */
export type EpisodeChange = (current: Episode) => EpisodeEdit;

/**
 * Writes one episode's edits one after another, each applied to the freshly stored record.
 *
 * Why: lists (participants, sections, references) are saved whole, and several saves can be
 * on their way at once (a section's notes flushing on blur while its "move up" is clicked).
 * Applying each change by id to the latest record, in order, means no edit overwrites another;
 * the store applies each change inside the transaction that writes it, so two views open on
 * the same episode (popup and side panel) can't race between the read and the write.
 */
export function createEpisodeWriter(
  store: Store,
  episodeId: string,
  onSaved: (episode: Episode) => void,
): (change: EpisodeChange) => Promise<Episode> {
  let queue: Promise<unknown> = Promise.resolve();
  return (change) => {
    const write = queue.then(async () => {
      const updated = await store.updateEpisode(episodeId, change);
      onSaved(updated);
      return updated;
    });
    // A failed write is reported to its caller and must not stop the ones queued after it.
    queue = write.catch(() => undefined);
    return write;
  };
}
