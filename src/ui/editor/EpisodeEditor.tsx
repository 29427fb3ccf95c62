import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { recordKind } from '../../core/episode';
import type { Episode, Quote, Role } from '../../core/model';
import type { QuoteEdit } from '../../store/store';
import type { PopupApi } from '../api';
import { reason, t } from '../i18n';
import { SavedReporter, SaveIndicator } from '../components/SaveIndicator';
import { EpisodeHeader } from './EpisodeHeader';
import type { Editing } from './editing';
import { createEpisodeWriter } from './episode-writer';
import type { Notice } from '../components/Notice';
import type { Reveal } from '../components/WindowedList';
import { Quotes } from './Quotes';
import type { ScreenMode } from './useEpisodeView';

interface Props {
  api: PopupApi;
  /** The popup: made for the moment of listening (tabs, short rows). The side panel: all of it. */
  mode: ScreenMode;
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
  useEffect(() => {
    if (props.openOverview) setOverview(true);
  }, [props.openOverview]);

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

  // One calm "Saved" for the whole view, instead of a line under every field.
  const [savedOnce, setSavedOnce] = useState(false);
  const reportSaved = useCallback(() => setSavedOnce(true), []);

  const [tab, setTab] = useTabs();
  // Alt+N, anywhere in the view: the newest quote's note, ready for typing.
  const [focusNote, setFocusNote] = useState(0);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const plainAlt = event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
      if (!plainAlt || event.code !== 'KeyN') return;
      event.preventDefault();
      setTab('quotes');
      setFocusNote((n) => n + 1);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  // A quote asked for (a highlight clicked, a passage saved before): on the quotes tab.
  useEffect(() => {
    if (props.reveal) setTab('quotes');
  }, [props.reveal]);

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

  const quoteList = (
    <Quotes
      quotes={quotes}
      unread={props.unreadQuotes ?? 0}
      durationSec={episode.durationSec}
      participants={episode.participants}
      sections={episode.sections}
      compact={props.mode === 'popup'}
      focusNewestNote={focusNote}
      onSeek={props.onSeek}
      seekUnavailable={props.seekUnavailable ?? null}
      orphans={props.orphans}
      reveal={props.reveal}
      onEdit={editQuote}
      onDelete={(quote) => void deleteQuote(quote)}
      onError={onError}
    />
  );
  const askOverview = !overview && (
    <div class="actions">
      <button type="button" onClick={() => setOverview(true)}>
        {t('savedPageWriteOverview')}
      </button>
    </div>
  );
  const facts = details && <details.EpisodeFacts episode={episode} edit={edit} />;
  const detailParts = details && (
    <details.EpisodeDetails editing={editing} suggestedParticipants={props.suggestedParticipants} />
  );

  if (props.mode === 'panel') {
    return (
      <SavedReporter.Provider value={reportSaved}>
        <EpisodeHeader episode={episode} facts={facts} />
        {props.actions}
        {overview ? (
          <nav class="jump" aria-label={t('jumpLabel')}>
            <a href="#quotes-heading">{t('popupQuotesHeading')}</a>
            <a href="#participants-heading">{t('participantsHeading')}</a>
            <a href="#sections-heading">{t('sectionsHeading')}</a>
            <a href="#notes-heading">{t('notesHeading')}</a>
            <a href="#references-heading">{t('referencesHeading')}</a>
            <SaveIndicator shown={savedOnce} />
          </nav>
        ) : (
          <SaveIndicator shown={savedOnce} />
        )}
        {quoteList}
        {overview ? detailParts : askOverview}
      </SavedReporter.Provider>
    );
  }

  // The popup: the episode in one line, capture, then the quotes; the rest one tab away, both
  // kept drawn so that switching loses neither a half-typed word nor the place in the list.
  const total = quotes.length + (props.unreadQuotes ?? 0);
  if (!overview) {
    // A page quotes were saved from: its quotes, and the overview only when asked for.
    return (
      <SavedReporter.Provider value={reportSaved}>
        <EpisodeHeader episode={episode} compact />
        {props.actions}
        <SaveIndicator shown={savedOnce} />
        {quoteList}
        {askOverview}
      </SavedReporter.Provider>
    );
  }
  return (
    <SavedReporter.Provider value={reportSaved}>
      <EpisodeHeader episode={episode} compact />
      {props.actions}
      <TabBar
        tab={tab}
        onTab={setTab}
        labels={{
          quotes: total === 0 ? t('popupQuotesHeading') : t('quotesHeadingCount', String(total)),
          overview: t('popupTabOverview'),
        }}
      >
        <SaveIndicator shown={savedOnce} />
      </TabBar>
      <div role="tabpanel" id="panel-quotes" aria-labelledby="tab-quotes" hidden={tab !== 'quotes'}>
        {quoteList}
      </div>
      <div
        role="tabpanel"
        id="panel-overview"
        aria-labelledby="tab-overview"
        hidden={tab !== 'overview'}
      >
        {facts}
        {detailParts}
      </div>
    </SavedReporter.Provider>
  );
}

type Tab = 'quotes' | 'overview';
const TABS: Tab[] = ['quotes', 'overview'];

/** The shown tab; each tab's scroll position is kept and given back on return. */
function useTabs(): [Tab, (next: Tab) => void] {
  const [tab, setTabState] = useState<Tab>('quotes');
  const shown = useRef(tab);
  const scrolls = useRef<Record<Tab, number>>({ quotes: 0, overview: 0 });
  const setTab = useCallback((next: Tab) => {
    if (next === shown.current) return;
    scrolls.current[shown.current] = window.scrollY;
    shown.current = next;
    setTabState(next);
    requestAnimationFrame(() => window.scrollTo(0, scrolls.current[next]));
  }, []);
  return [tab, setTab];
}

/** ARIA tabs: Left and Right (Home, End) move between them, Tab goes into the panel. */
function TabBar({
  tab,
  onTab,
  labels,
  children,
}: {
  tab: Tab;
  onTab: (tab: Tab) => void;
  labels: Record<Tab, string>;
  children?: ComponentChildren;
}) {
  const onKeyDown = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const next =
      event.key === 'ArrowRight'
        ? TABS[(index + 1) % TABS.length]
        : event.key === 'ArrowLeft'
          ? TABS[(index + TABS.length - 1) % TABS.length]
          : event.key === 'Home'
            ? TABS[0]
            : event.key === 'End'
              ? TABS[TABS.length - 1]
              : undefined;
    if (!next) return;
    event.preventDefault();
    onTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div class="tab-bar">
      <div role="tablist" aria-label={t('popupTabsLabel')} class="tabs" onKeyDown={onKeyDown}>
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => onTab(name)}
          >
            {labels[name]}
          </button>
        ))}
      </div>
      {children}
    </div>
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
    episode.references.length > 0
  );
}
