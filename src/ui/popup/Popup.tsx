import { useEffect, useState } from 'preact/hooks';
import { episodeIdForUrl, seedFromDetection } from '../../core/episode';
import type { Episode, Quote } from '../../core/model';
import { formatClock } from '../../core/time';
import type { PageState } from '../../messages/schemas';
import type { PopupApi } from '../api';
import { QuoteList } from '../components/QuoteList';
import { TwoCents } from '../components/TwoCents';
import { t } from '../i18n';

type View =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; tabId: number; page: PageState; episode: Episode | null; quotes: Quote[] };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The toolbar popup: the page's episode, capture, its quotes, my 2 cents and export. */
export function Popup({ api }: { api: PopupApi }) {
  const [view, setView] = useState<View>({ status: 'loading' });
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(): Promise<void> {
    try {
      const tabId = await api.targetTabId();
      if (tabId === null) return setView({ status: 'error', message: t('errorNoTab') });
      const page = await api.readPage(tabId);
      const id = episodeIdForUrl(page.url);
      const [episode, quotes] = await Promise.all([
        api.store.episode(id),
        api.store.quotesForEpisode(id),
      ]);
      setView({ status: 'ready', tabId, page, episode: episode ?? null, quotes });
    } catch (error) {
      setView({ status: 'error', message: message(error) });
    }
  }

  useEffect(() => {
    void load();
  }, []);

  if (view.status === 'loading') return <p class="muted">{t('popupLoading')}</p>;
  if (view.status === 'error') return <p class="notice error">{view.message}</p>;

  const { tabId, page, episode, quotes } = view;
  const detected = page.detection;
  const title = episode?.title || detected.episode?.title || page.title || t('popupUntitled');
  const show = episode?.show || detected.episode?.show || '';
  const seed = seedFromDetection(page.url, page.title, detected);

  const ensureEpisode = async () => episode ?? (await api.store.ensureEpisode(seed));

  const save = async () => {
    setBusy(true);
    setNotice({ text: t('popupSaving') });
    try {
      const result = await api.capture(tabId);
      if (!result.ok) return setNotice({ text: result.error, error: true });
      setNotice({
        text:
          result.quote.timeSec === null
            ? t('popupSavedNoTime')
            : t('popupSaved', formatClock(result.quote.timeSec)),
      });
      await load();
    } catch (error) {
      setNotice({ text: t('errorSaveFailed', message(error)), error: true });
    } finally {
      setBusy(false);
    }
  };

  const saveTwoCents = async (twoCents: string) => {
    const record = await ensureEpisode();
    const updated = await api.store.updateEpisode(record.id, { twoCents });
    setView((current) => (current.status === 'ready' ? { ...current, episode: updated } : current));
  };

  const exportMarkdown = async () => {
    try {
      const record = await api.store.episode((await ensureEpisode()).id);
      if (!record) return;
      // The Markdown serialiser is the popup's largest part: load it on the first export only.
      const { overviewFileName, renderOverviewMarkdown } = await import('../../core/markdown');
      const markdown = renderOverviewMarkdown(record, quotes);
      const fileName = overviewFileName(record);
      api.download(fileName, markdown);
      const copied = await api.copy(markdown);
      setNotice({ text: t(copied ? 'popupExported' : 'popupExportedNoClipboard', fileName) });
    } catch (error) {
      setNotice({ text: t('errorSaveFailed', message(error)), error: true });
    }
  };

  const seek = (timeSec: number) => {
    api.seek(tabId, timeSec).catch((error: unknown) => {
      setNotice({ text: message(error), error: true });
    });
  };

  return (
    <>
      <header>
        <h1 class="title">{title}</h1>
        {show && <p class="show">{show}</p>}
        {detected.kind !== 'episode' && (
          <p class="muted">{t(detected.kind === 'media' ? 'popupMediaOnly' : 'popupNoEpisode')}</p>
        )}
      </header>
      <div class="actions">
        <button type="button" class="primary" onClick={save} disabled={busy}>
          {t('popupSaveSelection')}
        </button>
        <button type="button" onClick={exportMarkdown}>
          {t('popupExport')}
        </button>
      </div>
      <p class={`notice${notice?.error ? ' error' : ''}`} role="status" aria-live="polite">
        {notice?.text ?? ''}
      </p>
      <section>
        <h2>{t('popupQuotesHeading')}</h2>
        <QuoteList quotes={quotes} participants={episode?.participants ?? []} onSeek={seek} />
      </section>
      <TwoCents
        key={episode?.id ?? seed.url}
        initial={episode?.twoCents ?? ''}
        onSave={saveTwoCents}
      />
    </>
  );
}
