import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import { seedFromDetection } from '../../core/episode';
import type { PopupApi } from '../api';
import { NoticeBar, type Notice } from '../components/Notice';
import type { Reveal } from '../components/WindowedList';
import { focusWhenShown } from '../focus';
import { reason, t } from '../i18n';
import type { TranscriptSlot } from '../words/LazyTranscriptPanel';
import { EpisodeEditor } from './EpisodeEditor';
import { ExportActions } from './ExportActions';
import { NewEpisodeScreen } from './NewEpisodeScreen';
import { OpenLibraryButton } from './OpenLibraryButton';
import { suggestedParticipants } from './suggested-participants';
import { useEpisodeView, type ScreenMode } from './useEpisodeView';
import { usePageHighlights } from './usePageHighlights';

/**
 * The view of the page's episode: capture and export, then the editor once the episode is in
 * the library. Used as is by the popup and the side panel.
 */
export function EpisodeScreen({
  api,
  mode,
  Transcript,
}: {
  api: PopupApi;
  mode: ScreenMode;
  /** The side panel's transcript panel, above the editor of a tab's episode. */
  Transcript?: TranscriptSlot;
}) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [kept, setKept] = useState<VNode | null>(null);
  const [busy, setBusy] = useState(false);
  /** "Start notes" pressed: the overview's parts open, even for a page that is no episode. */
  const [notesAsked, setNotesAsked] = useState(false);
  const [reveal, setReveal] = useState<Reveal | null>(null);
  const revealQuote = (quoteId: string) => setReveal({ key: quoteId, nonce: Date.now() });
  const { view, load, reread, update } = useEpisodeView(api, mode, {
    notify: setNotice,
    // Transcripts that load late can turn orphans into highlights.
    poll: () => void highlights.check(),
    reveal: revealQuote,
    known: (episodeId) => Transcript?.readAhead(api, episodeId),
  });
  const ready = view.status === 'ready';
  const highlights = usePageHighlights(
    api,
    ready ? view.tabId : null,
    ready ? (view.episode?.id ?? null) : null,
  );

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
        reveal: revealQuote,
        reload: load,
        retry: () => void save(),
      });
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
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
    return (
      <NewEpisodeScreen
        seed={seed}
        detection={page.detection}
        actions={actions}
        onStart={async () => {
          try {
            const created = await api.store.ensureEpisode(seed);
            setNotesAsked(true);
            update((shown) => ({ ...shown, episode: created }));
            // The pressed button is gone: continue at the first thing to write, who took part.
            // The side panel stays at its top, where the transcript part is the next step.
            focusWhenShown('new-participant-name', 0, mode === 'panel');
          } catch (error) {
            onError(error);
          }
        }}
      />
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
      suggestedParticipants={suggestedParticipants(page, episode)}
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
  if (!Transcript || tabId === null || !page) return editor;
  return (
    <>
      <Transcript
        api={api}
        tabId={tabId}
        page={page}
        episode={episode}
        quotes={quotes}
        update={update}
        reread={reread}
        notify={setNotice}
      />
      {editor}
    </>
  );
}
