import type { ComponentType } from 'preact';
import type { EpisodeWords } from '../../core/feeds/episode-words';
import { useLayoutEffect, useState } from 'preact/hooks';
import type { Episode, Quote } from '../../core/model';
import type { PageState } from '../../messages/schemas';
import type { PopupApi } from '../api';
import type { Notice } from '../components/Notice';
import type { Ready } from '../editor/useEpisodeView';
import { reason, t } from '../i18n';
import type { WordsApi } from './api';

type TranscriptModule = typeof import('./TranscriptPanel');

/**
 * What the episode screen hands the transcript panel: its view and the means to change it, not
 * the network access. The panel's own callbacks are made here, in the side panel's code: the
 * popup shares the episode screen, and its first render carries as little as it can.
 */
export interface TranscriptSlotProps {
  api: PopupApi;
  tabId: number;
  page: PageState;
  episode: Episode;
  quotes: Quote[];
  update: (change: (ready: Ready) => Ready) => void;
  /** Reads the shown episode and its quotes again. */
  reread: () => Promise<void>;
  notify: (notice: Notice) => void;
}

/**
 * The transcript panel's slot in the episode screen. `readAhead` starts reading an episode's
 * kept words as soon as the screen knows which episode it shows, before it has read the
 * episode itself: a three-hour transcript is the longest read of the side panel's first
 * screen, and it then runs beside the others (bench: panel, first screen).
 */
export type TranscriptSlot = ComponentType<TranscriptSlotProps> & {
  readAhead(api: PopupApi, episodeId: string): void;
};

/**
 * The transcript panel (feeds, transcripts, XML) is the side panel's only: its chunk starts
 * loading with the side panel and is drawn once there. The popup never imports this module,
 * so its first render doesn't carry the loader either (bench: sizes, popup ≤ 30 kB).
 */
export function lazyTranscriptPanel(words: WordsApi): TranscriptSlot {
  let loaded: TranscriptModule | null = null;
  // The kept words read ahead, taken by the first panel that asks for that episode's.
  let ahead: { id: string; read: Promise<EpisodeWords | undefined> } | null = null;
  // The episode whose words the panel asked for last: it keeps them while it shows it.
  let shown: string | null = null;
  const readKept = (api: PopupApi, id: string) => {
    shown = id;
    const early = ahead?.id === id ? ahead.read : null;
    ahead = null;
    return early ?? api.store.episodeWords(id);
  };
  const loading = import('./TranscriptPanel').then((module) => (loaded = module));
  // The episodes this side panel has looked for on its own (or shown kept words for): once
  // each, for as long as the side panel is open, whichever episode it moves to in between.
  const settled = new Set<string>();
  function Transcript({ update, reread, notify, ...view }: TranscriptSlotProps) {
    // Loaded by the time the episode is read, it is drawn in the editor's first frame.
    const [module, setModule] = useState(loaded);
    // A layout effect: a plain one would wait for a paint before asking.
    useLayoutEffect(() => {
      if (!module) void loading.then(setModule);
    }, []);
    if (!module) return null;
    return (
      <module.TranscriptPanel
        {...view}
        words={words}
        settled={settled}
        readKept={(id) => readKept(view.api, id)}
        onEpisode={(episode) => update((shown) => ({ ...shown, episode }))}
        // A quote saved from the words: the answer holds it, so nothing is read again.
        onQuoteSaved={(episode, quote) =>
          update((shown) => ({
            ...shown,
            episode,
            quotes: [...shown.quotes.filter((q) => q.id !== quote.id), quote],
          }))
        }
        onSaved={() =>
          void reread().catch((error: unknown) =>
            notify({ text: t('errorReadQuotesFailed', reason(error)), error: true }),
          )
        }
      />
    );
  }
  Transcript.readAhead = (api: PopupApi, id: string) => {
    // The same episode read again (after a capture, or back on its tab): the panel has its
    // words and won't ask, so reading them would be thrown away.
    if (id === shown) {
      ahead = null;
      return;
    }
    const read = api.store.episodeWords(id);
    // A failed read ahead is read again, and its failure shown, when the panel asks.
    read.catch(() => undefined);
    ahead = { id, read };
  };
  return Transcript;
}
