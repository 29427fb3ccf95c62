import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { recordKind } from '../../core/episode';
import type { Episode, Quote, Role } from '../../core/model';
import type { QuoteEdit } from '../../store/store';
import type { PopupApi } from '../api';
import { reason, t } from '../i18n';
import { EpisodeHeader } from './EpisodeHeader';
import type { Editing } from './editing';
import { createEpisodeWriter } from './episode-writer';
import type { Notice } from './Notice';
import type { Reveal } from '../components/WindowedList';
import { Quotes } from './Quotes';

interface Props {
  api: PopupApi;
  episode: Episode;
  quotes: Quote[];
  /** Quotes of a long list not read yet: counted, drawn once read. */
  unreadQuotes?: number;
  /** People the page names who aren't participants yet. */
  suggestedParticipants: { name: string; role: Role }[];
  onEpisode: (episode: Episode) => void;
  /** Takes an update of the list as it is then: saves can finish in any order. */
  onQuotes: (update: (current: Quote[]) => Quote[]) => void;
  onSeek: (timeSec: number) => void;
  /** Show the overview's parts from the start, even on a page that is not an episode. */
  openOverview?: boolean;
  /** Why quotes can't play from their time (no episode page open); null when they can. */
  seekUnavailable?: string | null;
  /** Quotes the episode's page could not find: marked, never hidden. */
  orphans?: ReadonlySet<string>;
  /** The quote to scroll to and focus: its highlight was clicked on the page. */
  reveal?: Reveal | null;
  /** A quote's words were deleted, restored or changed: the page's highlights are stale. */
  onPageQuotesChanged?: () => void;
  notify: (notice: Notice) => void;
  /** Rendered between the header and the editor: the capture and export buttons. */
  actions?: ComponentChildren;
}

type DetailsModule = typeof import('./EpisodeDetails');
let detailsModule: Promise<DetailsModule> | null = null;

/** Everything below the quotes, imported once, after the first render (see EpisodeDetails). */
function useDetailsModule(): DetailsModule | null {
  const [loaded, setLoaded] = useState<DetailsModule | null>(null);
  useEffect(() => {
    detailsModule ??= import('./EpisodeDetails');
    void detailsModule.then(setLoaded);
  }, []);
  return loaded;
}

/**
 * The one-episode view shared by the popup and the side panel: everything a person writes
 * to turn captured quotes into an overview. Every change is written to the store as it is made.
 */
export function EpisodeEditor(props: Props) {
  const { api, episode, quotes, onQuotes, notify } = props;
  const pageChanged = () => props.onPageQuotesChanged?.();
  const store = api.store;
  const edit = useMemo(
    () => createEpisodeWriter(store, episode.id, props.onEpisode),
    [store, episode.id],
  );
  const details = useDetailsModule();
  // A page saved quotes from (not an episode, issue 20) opens as its quotes; the overview's
  // parts (participants, sections…) wait until asked for, or until something is written there.
  const [overview, setOverview] = useState(
    () => props.openOverview === true || recordKind(episode) === 'episode' || hasOverview(episode),
  );

  const onError = (error: unknown) =>
    notify({ text: t('errorSaveFailed', reason(error)), error: true });
  const reloadQuotes = async () => {
    const fresh = await store.quotesForEpisode(episode.id);
    onQuotes(() => fresh);
  };
  const editing: Editing = {
    store,
    episode,
    quotes,
    edit,
    onEpisode: props.onEpisode,
    notify,
    onError,
    reloadQuotes,
  };

  const editQuote = async (id: string, change: QuoteEdit) => {
    const updated = await store.updateQuote(id, change);
    onQuotes((current) => current.map((q) => (q.id === id ? updated : q)));
    // Only the words are drawn on the page; a note or a speaker changes nothing there.
    if (change.text !== undefined) pageChanged();
  };

  const deleteQuote = async (quote: Quote) => {
    try {
      const deleted = await store.deleteQuote(quote.id);
      onQuotes((current) => current.filter((q) => q.id !== quote.id));
      if (!deleted) return;
      pageChanged();
      notify({
        text: t('quoteDeleted'),
        focusUndo: true,
        undo: async () => {
          await store.restoreQuote(deleted);
          await reloadQuotes();
          pageChanged();
          notify({ text: t('quoteRestored') });
        },
      });
    } catch (error) {
      onError(error);
    }
  };

  return (
    <>
      <EpisodeHeader episode={episode} edit={edit} />
      {props.actions}
      {overview && (
        <nav class="jump" aria-label={t('jumpLabel')}>
          <a href="#quotes-heading">{t('popupQuotesHeading')}</a>
          <a href="#participants-heading">{t('participantsHeading')}</a>
          <a href="#sections-heading">{t('sectionsHeading')}</a>
          <a href="#notes-heading">{t('notesHeading')}</a>
          <a href="#references-heading">{t('referencesHeading')}</a>
        </nav>
      )}
      <Quotes
        quotes={quotes}
        unread={props.unreadQuotes ?? 0}
        participants={episode.participants}
        sections={episode.sections}
        onSeek={props.onSeek}
        seekUnavailable={props.seekUnavailable ?? null}
        orphans={props.orphans}
        reveal={props.reveal}
        onEdit={editQuote}
        onDelete={(quote) => void deleteQuote(quote)}
        onError={onError}
      />
      {overview && details && (
        <details.EpisodeDetails
          editing={editing}
          suggestedParticipants={props.suggestedParticipants}
        />
      )}
      {!overview && (
        <div class="actions">
          <button type="button" onClick={() => setOverview(true)}>
            {t('savedPageWriteOverview')}
          </button>
        </div>
      )}
    </>
  );
}

/** Whether anything is written in the overview's parts below the quotes. */
function hasOverview(episode: Episode): boolean {
  return (
    episode.participants.length > 0 ||
    episode.sections.length > 0 ||
    episode.summary.trim() !== '' ||
    episode.twoCents.trim() !== '' ||
    episode.tags.length > 0 ||
    // Every record starts with its page as a reference.
    episode.references.length > 1
  );
}
