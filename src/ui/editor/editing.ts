import type { Episode, Quote } from '../../core/model';
import type { Store } from '../../store/store';
import type { EpisodeChange } from './episode-writer';
import type { Notice } from '../components/Notice';

/** What every part of the editor needs to change the episode and tell the person about it. */
export interface Editing {
  store: Store;
  episode: Episode;
  quotes: Quote[];
  edit: (change: EpisodeChange) => Promise<Episode>;
  /** The episode as a store call other than `edit` saved it. */
  onEpisode: (episode: Episode) => void;
  notify: (notice: Notice) => void;
  onError: (error: unknown) => void;
  reloadQuotes: () => Promise<void>;
}
