import type { VNode } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { episodeIdForUrl, seedFromDetection } from '../../core/episode';
import type { Episode, Quote } from '../../core/model';
import { peopleNotListed } from '../../core/people';
import type { PageState } from '../../messages/schemas';
import type { PopupApi } from '../api';
import type { Reveal } from '../components/WindowedList';
import { focusWhenShown } from '../focus';
import { reason, t } from '../i18n';
import { EpisodeEditor } from './EpisodeEditor';
import { ExportActions } from './ExportActions';
import { readFirstScreen, type FirstScreen, type FirstScreenOrder } from './first-quotes';
import { NoticeBar, type Notice } from './Notice';
import { OpenLibraryButton } from './OpenLibraryButton';
import { usePageHighlights } from './usePageHighlights';
import type { WordsApi } from '../words/api';

type TranscriptModule = typeof import('../words/TranscriptPanel');
let transcriptModule: Promise<TranscriptModule> | null = null;

/**
 * The transcript panel (feeds, transcripts, XML) is the side panel's only: imported there, once,
 * so that the popup's first render doesn't carry it (bench: sizes, popup ≤ 30 kB).
 */
function useTranscriptModule(wanted: boolean): TranscriptModule | null {
  const [loaded, setLoaded] = useState<TranscriptModule | null>(null);
  useEffect(() => {
    if (!wanted) return;
    transcriptModule ??= import('../words/TranscriptPanel');
    void transcriptModule.then(setLoaded);
  }, [wanted]);
  return loaded;
}

type View =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | {
      status: 'ready';
      /** Null with `?episode=ID` (the library's Edit link): a stored episode, no tab, no page. */
      tabId: number | null;
      page: PageState | null;
      episode: Episode | null;
      quotes: Quote[];
      /** Quotes of a long list still being read after the first screen (see first-quotes.ts). */
      unread: number;
    };

type Ready = Extract<View, { status: 'ready' }>;

/** The popup closes with its page; the side panel stays open beside a tab that changes. */
export type ScreenMode = 'popup' | 'panel';

/** Runs `work` after the next frame is painted (a task queued from the frame's callback). */
function afterNextPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}

/** How often the side panel checks its tab for another episode or quotes saved elsewhere. */
export const PANEL_POLL_MS = 2_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The view of the page's episode: capture and export, then the editor once the episode is in
 * the library. Used as is by the popup and the side panel.
 */
export function EpisodeScreen({
  api,
  mode,
  words,
}: {
  api: PopupApi;
  mode: ScreenMode;
  /** The transcript panel's browser and network access: the side panel's only. */
  words?: WordsApi;
}) {
  const [view, setView] = useState<View>({ status: 'loading' });
  const transcript = useTranscriptModule(!!words && mode === 'panel');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [kept, setKept] = useState<VNode | null>(null);
  const [busy, setBusy] = useState(false);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  /** "Start notes" pressed: the overview's parts open, even for a page that is no episode. */
  const [notesAsked, setNotesAsked] = useState(false);
  // Timers and browser events read the view as it is when they fire.
  const current = useRef(view);
  current.current = view;

  // The popup opens at the newest quotes; the side panel lists them in playback order.
  const firstScreenOrder: FirstScreenOrder = mode === 'popup' ? 'newest' : 'playback';

  async function load(): Promise<void> {
    try {
      const storedId = api.targetEpisodeId();
      if (storedId !== null) return await loadStored(storedId);
      const tabId = await api.targetTabId();
      if (tabId === null) return setView({ status: 'error', message: t('errorNoTab') });
      api.store.warm();
      const page = await api.readPage(tabId);
      const id = episodeIdForUrl(page.url);
      const first = await readFirstScreen(api.store, id, firstScreenOrder);
      performance.mark('earmark:data-loaded');
      const { episode, quotes, unread } = first;
      setView({ status: 'ready', tabId, page, episode: episode ?? null, quotes, unread });
      readRest(id, first);
      void revealAskedQuote(tabId, id, quotes).catch(() => undefined);
    } catch (error) {
      setView({ status: 'error', message: message(error) });
    }
  }

  async function loadStored(id: string): Promise<void> {
    const first = await readFirstScreen(api.store, id, firstScreenOrder);
    const { episode, quotes, unread } = first;
    if (!episode) return setView({ status: 'error', message: t('errorEpisodeNotStored') });
    performance.mark('earmark:data-loaded');
    setView({ status: 'ready', tabId: null, page: null, episode, quotes, unread });
    readRest(id, first);
  }

  /**
   * The rest of a long list, read once the first screen is painted (so that reading it never
   * delays that frame), and shown if the view still shows that episode.
   */
  function readRest(episodeId: string, first: FirstScreen): void {
    const { readRest } = first;
    if (!readRest) return;
    afterNextPaint(() => {
      readRest()
        .then((quotes) => {
          // For the benchmark: when the whole list is there (it waits for it between openings).
          performance.mark('earmark:rest-read');
          update((ready) =>
            shownEpisodeId(ready) === episodeId ? { ...ready, quotes, unread: 0 } : ready,
          );
        })
        .catch((error: unknown) =>
          setNotice({ text: t('errorReadQuotesFailed', reason(error)), error: true }),
        );
    });
  }

  /**
   * Scrolls to the quote whose highlight was clicked on the tab's page, if a click asked for
   * one. A quote saved since the list was read is fetched first.
   */
  async function revealAskedQuote(tabId: number, episodeId: string, shown: Quote[]) {
    const quoteId = await api.takeQuoteFocus(tabId);
    if (quoteId === null) return;
    if (!shown.some((quote) => quote.id === quoteId)) {
      const [episode, quotes] = await Promise.all([
        api.store.episode(episodeId),
        api.store.quotesForEpisode(episodeId),
      ]);
      update((ready) => ({ ...ready, episode: episode ?? null, quotes, unread: 0 }));
    }
    setReveal({ key: quoteId, nonce: Date.now() });
  }

  /** Side panel: follow the tab to another episode, and show quotes saved by shortcut or menu. */
  async function refresh(): Promise<void> {
    const shown = current.current;
    if (shown.status !== 'ready' || document.visibilityState !== 'visible') return;
    if (shown.tabId === null || shown.page === null) return;
    // Transcripts that load late can turn orphans into highlights.
    void highlights.check();
    const page = await api.readPage(shown.tabId).catch(() => null);
    if (!page) return;
    const id = episodeIdForUrl(shown.page.url);
    if (episodeIdForUrl(page.url) !== id) return load();
    if ((await api.store.countQuotes(id)) === shown.quotes.length + shown.unread) return;
    const [episode, quotes] = await Promise.all([
      api.store.episode(id),
      api.store.quotesForEpisode(id),
    ]);
    update((ready) => ({ ...ready, episode: episode ?? null, quotes, unread: 0 }));
  }

  // A layout effect, so that reading starts now: Preact runs plain effects after a paint.
  useLayoutEffect(() => {
    void load();
    // An episode opened from the library has no tab to follow.
    if (api.targetEpisodeId() !== null) return;
    // A highlight clicked on the page while this view is open.
    const stopHearing = api.onQuoteWaiting((tabId) => {
      const shown = current.current;
      if (shown.status !== 'ready' || shown.tabId !== tabId || !shown.page) return;
      const episodeId = episodeIdForUrl(shown.page.url);
      void revealAskedQuote(tabId, episodeId, shown.quotes).catch(() => undefined);
    });
    if (mode !== 'panel') return stopHearing;
    const stopFollowing = api.followTarget?.(() => void load());
    const timer = setInterval(() => void refresh().catch(() => undefined), PANEL_POLL_MS);
    return () => {
      stopHearing();
      stopFollowing?.();
      clearInterval(timer);
    };
  }, []);

  const ready = view.status === 'ready';
  const highlights = usePageHighlights(
    api,
    ready ? view.tabId : null,
    ready ? (view.episode?.id ?? null) : null,
  );
  // Performance marks for the benchmark of a first render with many quotes: "render" ends when
  // the DOM is committed (a layout effect), "paint" at the next frame after it.
  useLayoutEffect(() => {
    if (!ready || performance.getEntriesByName('earmark:rendered').length > 0) return;
    performance.mark('earmark:rendered');
    performance.measure('earmark:render', 'earmark:data-loaded', 'earmark:rendered');
    requestAnimationFrame(() => {
      performance.mark('earmark:painted');
      performance.measure('earmark:paint', 'earmark:data-loaded', 'earmark:painted');
    });
  }, [ready]);

  const update = (change: (ready: Ready) => Ready) =>
    setView((shown) => (shown.status === 'ready' ? change(shown) : shown));

  if (view.status === 'loading') return <p class="muted">{t('popupLoading')}</p>;
  const onError = (error: unknown) =>
    setNotice({ text: t('errorSaveFailed', reason(error)), error: true });
  const openLibrary = (
    <OpenLibraryButton
      api={api}
      onError={(error) =>
        setNotice({ text: t('errorOpenLibraryFailed', reason(error)), error: true })
      }
    />
  );

  if (view.status === 'error') {
    return (
      <>
        <p class="notice error">{view.message}</p>
        <div class="actions">{openLibrary}</div>
        <NoticeBar notice={notice} onError={onError} />
      </>
    );
  }

  const { tabId, page, episode, quotes, unread } = view;
  const seed = page && seedFromDetection(page.url, page.title, page.detection);

  /** Saves the selection, or with `moment` only the player's time (words typed afterwards). */
  const save = async (moment = false) => {
    if (tabId === null) return;
    setBusy(true);
    setNotice({ text: t('popupSaving') });
    setKept(null);
    try {
      const { runCapture } = await import('./run-capture');
      await runCapture(api, tabId, page, moment, {
        notify: setNotice,
        keep: setKept,
        reveal: (quoteId) => setReveal({ key: quoteId, nonce: Date.now() }),
        reload: load,
        retry: () => void save(),
      });
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };

  const startNotes = async () => {
    if (!seed) return;
    try {
      const created = await api.store.ensureEpisode(seed);
      setNotesAsked(true);
      update((shown) => ({ ...shown, episode: created }));
      // The button that was pressed is gone: continue at the first thing to write, who took part.
      focusWhenShown('new-participant-name');
    } catch (error) {
      onError(error);
    }
  };

  const seek = (timeSec: number) => {
    if (tabId === null) return;
    api.seek(tabId, timeSec).catch((error: unknown) => {
      setNotice({ text: t('errorSeekFailed', reason(error)), error: true });
    });
  };

  const openSidePanel = api.openSidePanel;
  const actions = (
    <>
      <div class="actions capture-actions">
        {tabId !== null && (
          <button type="button" class="primary" onClick={() => save()} disabled={busy}>
            {t('popupSaveSelection')}
          </button>
        )}
        {tabId !== null && (
          <button
            type="button"
            onClick={() => save(true)}
            disabled={busy}
            title={t('popupMarkMomentHint')}
          >
            {t('popupMarkMoment')}
          </button>
        )}
      </div>
      <div class="actions tools">
        {/* Export actions sit together here: more ways to export join the Markdown button. */}
        <div class="export-actions">
          <ExportActions
            store={api.store}
            download={api.download}
            copy={api.copy}
            episodeId={async () =>
              (episode ?? (seed && (await api.store.ensureEpisode(seed))))?.id ?? null
            }
            onNotice={setNotice}
          />
        </div>
        <div class="view-actions">
          {mode === 'popup' && tabId !== null && openSidePanel && (
            <button
              type="button"
              onClick={() => {
                // Called straight from the click: browsers open panels only on a user gesture.
                openSidePanel(tabId).then(() => window.close(), onError);
              }}
            >
              {t('popupOpenSidePanel')}
            </button>
          )}
          {openLibrary}
        </div>
      </div>
      {tabId === null && (
        // Said once in words too: a disabled time button's tooltip can't be reached by keyboard.
        <p class="muted">{t('quoteSeekNoPage')}</p>
      )}
      <NoticeBar notice={notice} onError={onError} />
      {kept}
    </>
  );

  // Only a tab's page can lack a stored episode: `?episode=ID` loads one or says it is gone.
  if (!episode && page && seed) {
    const detected = page.detection;
    return (
      <>
        <header>
          <h1 class="title">{seed.title.trim() || t('popupUntitled')}</h1>
          {seed.show && <p class="show">{seed.show}</p>}
          {detected.kind !== 'episode' && (
            <p class="muted">
              {t(detected.kind === 'media' ? 'popupMediaOnly' : 'popupNoEpisode')}
            </p>
          )}
        </header>
        {actions}
        <section class="part" aria-labelledby="quotes-heading">
          <h2 id="quotes-heading">{t('popupQuotesHeading')}</h2>
          <p class="empty">{t('popupEmptyQuotes')}</p>
        </section>
        <section class="part" aria-labelledby="start-heading">
          <h2 id="start-heading">{t('startHeading')}</h2>
          <p class="muted">{t('startHint')}</p>
          <button type="button" onClick={startNotes}>
            {t('startButton')}
          </button>
        </section>
      </>
    );
  }

  if (!episode) return null;
  const editor = (
    <EpisodeEditor
      key={episode.id}
      api={api}
      mode={mode}
      episode={episode}
      quotes={quotes}
      unreadQuotes={unread}
      suggestedParticipants={
        page
          ? peopleNotListed(page.detection.episode?.participants ?? [], episode.participants)
          : []
      }
      onEpisode={(updated) => update((shown) => ({ ...shown, episode: updated }))}
      onQuotes={(change) => update((shown) => ({ ...shown, quotes: change(shown.quotes) }))}
      onSeek={seek}
      openOverview={notesAsked}
      seekUnavailable={tabId === null ? t('quoteSeekNoPage') : null}
      orphans={highlights.orphans}
      reveal={reveal}
      onPageQuotesChanged={highlights.redraw}
      notify={setNotice}
      actions={actions}
    />
  );
  if (!words || !transcript || mode !== 'panel' || tabId === null || !page) return editor;
  const { TranscriptPanel } = transcript;
  return (
    <>
      <TranscriptPanel
        api={api}
        words={words}
        tabId={tabId}
        page={page}
        episode={episode}
        quotes={quotes}
        onSaved={() => void load()}
        onEpisode={(updated) => update((shown) => ({ ...shown, episode: updated }))}
      />
      {editor}
    </>
  );
}

/** The episode a ready view is about: its stored record's, or its page's. */
function shownEpisodeId(view: Ready): string | null {
  return view.episode?.id ?? (view.page ? episodeIdForUrl(view.page.url) : null);
}
