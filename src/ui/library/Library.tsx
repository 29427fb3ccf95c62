import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LibraryData } from '../../core/model';
import { buildSearchIndex } from '../../core/search';
import { NoticeBar, type Notice } from '../components/Notice';
import { reason, t } from '../i18n';
import type { LibraryApi } from './api';
import { backupStatus } from './backup-reminder';
import { BackupView } from './BackupView';
import { arrangeLibrary, NO_FILTER, type EpisodeFilter, type EpisodeSort } from './episodes';
import { EpisodesView } from './EpisodesView';
import { EpisodeView } from './EpisodeView';
import {
  backupExport,
  exportedFilesFrom,
  markdownExport,
  newAndReplaced,
  type MarkdownExportMode,
} from './export';
import { formatCount } from '../format';
import {
  EXPORTED_FILES_KEY,
  LAST_BACKUP_KEY,
  readSettings,
  SETTINGS_KEY,
  type LibrarySettings,
} from './settings';
import { SettingsView } from './SettingsView';
import { announceSettingsChanged } from '../settings-changed';

export type Route =
  | { name: 'episodes' }
  | { name: 'episode'; id: string }
  | { name: 'backup' }
  | { name: 'settings' };

/** `#backup`, `#settings`, `#episode/<id>`; anything else is the episodes list. */
export function routeFromHash(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === 'backup' || path === 'settings') return { name: path };
  const episode = /^episode\/(.+)$/.exec(path);
  if (episode) return { name: 'episode', id: decodeURIComponent(episode[1]!) };
  return { name: 'episodes' };
}

export function hashOf(route: Route): string {
  return route.name === 'episode' ? `#episode/${encodeURIComponent(route.id)}` : `#${route.name}`;
}

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: LibraryData; settings: LibrarySettings; lastBackupAt: string | null };

const TABS = [
  { name: 'episodes', label: 'libraryTabEpisodes' },
  { name: 'backup', label: 'libraryTabBackup' },
  { name: 'settings', label: 'libraryTabSettings' },
] as const;

/**
 * The library page (the extension's options page): every episode and quote, search, bulk
 * export and delete, backup and restore, storage health and settings.
 *
 * The whole library is read once into memory (and again after anything here changes it, or
 * when the page comes back into view): 10,000 quotes are a few MB, and searching them in
 * memory takes milliseconds (src/core/search.ts says how that was measured).
 */
/** Up to five file names, then how many more: a notice stays readable for 500 files. */
function fileList(names: readonly string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length <= 5 ? shown : t('libraryExportedMore', shown, formatCount(names.length - 5));
}

export function Library({ api }: { api: LibraryApi }) {
  const { store } = api;
  const [state, setState] = useState<State>({ status: 'loading' });
  const [route, setRoute] = useState<Route>(() => routeFromHash(location.hash));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<EpisodeSort>('edited');
  const [filter, setFilter] = useState<EpisodeFilter>(NO_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const loading = useRef<Promise<void> | null>(null);

  function load(): Promise<void> {
    // One read at a time: a reload asked for while one runs gets that one's result.
    loading.current ??= (async () => {
      try {
        const [data, settings, lastBackupAt] = await Promise.all([
          store.exportLibrary(),
          store.getMeta<unknown>(SETTINGS_KEY),
          store.getMeta<unknown>(LAST_BACKUP_KEY),
        ]);
        const ids = new Set(data.episodes.map((e) => e.id));
        setSelected((current) => new Set([...current].filter((id) => ids.has(id))));
        setState({
          status: 'ready',
          data,
          settings: readSettings(settings),
          lastBackupAt: typeof lastBackupAt === 'string' ? lastBackupAt : null,
        });
        performance.mark('earmark:library-loaded');
      } catch (error) {
        setState({ status: 'error', message: t('libraryLoadFailed', reason(error)) });
      } finally {
        loading.current = null;
      }
    })();
    return loading.current;
  }

  useEffect(() => {
    void load();
    const onHash = () => setRoute(routeFromHash(location.hash));
    // Quotes saved in another tab while this page was hidden show when it is looked at again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    addEventListener('hashchange', onHash);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      removeEventListener('hashchange', onHash);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, []);

  const data = state.status === 'ready' ? state.data : null;
  const arranged = useMemo(() => (data ? arrangeLibrary(data) : null), [data]);
  const index = useMemo(() => (data ? buildSearchIndex(data) : null), [data]);
  const lastBackupAt = state.status === 'ready' ? state.lastBackupAt : null;
  // A pass over every record: once per change of the library, not once per keystroke.
  const status = useMemo(
    () => (data ? backupStatus(data, lastBackupAt, api.now()) : null),
    [data, lastBackupAt],
  );

  // The template preview's episode: the one edited last, with its quotes.
  const example = useMemo(() => {
    if (!data || data.episodes.length === 0) return null;
    const episode = data.episodes.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
    return { episode, quotes: arranged?.quotesByEpisode.get(episode.id) ?? [] };
  }, [data, arranged]);

  if (state.status === 'loading') return <p class="muted">{t('libraryLoading')}</p>;
  if (state.status === 'error') return <p class="notice error">{state.message}</p>;
  const { settings } = state;
  const backupState = status ?? backupStatus(state.data, lastBackupAt, api.now());

  const fail = (error: unknown) =>
    setNotice({ text: t('libraryActionFailed', reason(error)), error: true });

  const saveSettings = async (next: LibrarySettings) => {
    setState((current) => (current.status === 'ready' ? { ...current, settings: next } : current));
    try {
      await store.setMeta(SETTINGS_KEY, next);
      announceSettingsChanged();
    } catch (error) {
      fail(error);
    }
  };

  const exportEpisodes = async (ids: readonly string[], mode: MarkdownExportMode) => {
    try {
      const episodes = ids
        .map((id) => arranged!.byId.get(id)?.episode)
        .filter((e) => e !== undefined);
      const file = await markdownExport(
        episodes,
        (id) => arranged!.quotesByEpisode.get(id) ?? [],
        settings.exportDefaults,
        mode,
        api.now(),
        settings.template,
      );
      api.download(file.name, file.blob);
      // Files (one or a zip) are named per episode: say which replace an earlier export.
      const previous = exportedFilesFrom(await store.getMeta<unknown>(EXPORTED_FILES_KEY));
      if (mode === 'zip' || episodes.length === 1) {
        const { added, replaced } = newAndReplaced(file.fileNames, previous);
        await store.setMeta(EXPORTED_FILES_KEY, {
          ...previous,
          ...Object.fromEntries(file.fileNames),
        });
        const named = (key: string, names: string[]) =>
          names.length === 0 ? '' : ' ' + t(key, fileList(names));
        setNotice({
          text:
            t(
              'libraryExportedSummary',
              file.name,
              formatCount(added.length),
              formatCount(replaced.length),
            ) +
            named('libraryExportedNew', added) +
            named('libraryExportedReplaced', replaced),
        });
      } else {
        setNotice({ text: t('libraryExported', file.name) });
      }
    } catch (error) {
      fail(error);
    }
  };

  const deleteEpisodes = async (ids: readonly string[]) => {
    const removed: LibraryData = { episodes: [], quotes: [] };
    try {
      // One transaction per episode: each is whole or untouched, and Undo gets what went.
      for (const id of ids) {
        const gone = await store.deleteEpisode(id);
        removed.episodes.push(...gone.episodes);
        removed.quotes.push(...gone.quotes);
      }
    } catch (error) {
      fail(error);
    } finally {
      await load();
    }
    if (removed.episodes.length === 0) return;
    setSelected(new Set());
    setNotice({
      text: t(
        'libraryDeleted',
        formatCount(removed.episodes.length),
        formatCount(removed.quotes.length),
      ),
      focusUndo: true,
      undo: async () => {
        await store.restoreLibrary(removed);
        await load();
        setNotice({ text: t('libraryRestoredDeleted', formatCount(removed.episodes.length)) });
      },
    });
  };

  const backup = async () => {
    try {
      const now = api.now();
      // Read afresh: the backup must hold what is stored, not what this page last loaded.
      const file = await backupExport(await store.exportLibrary(), now);
      api.download(file.name, file.blob);
      await store.setMeta(LAST_BACKUP_KEY, now.toISOString());
      setState((current) =>
        current.status === 'ready' ? { ...current, lastBackupAt: now.toISOString() } : current,
      );
      setNotice({ text: t('libraryBackupDone', file.name) });
    } catch (error) {
      fail(error);
    }
  };

  const current = route.name === 'episode' ? 'episodes' : route.name;

  return (
    <>
      <header class="library-head">
        <h1>{t('libraryTitle')}</h1>
        <nav aria-label={t('libraryNavLabel')}>
          {TABS.map((tab) => (
            <a
              key={tab.name}
              href={`#${tab.name}`}
              class="tab"
              aria-current={current === tab.name ? 'page' : undefined}
            >
              {t(tab.label)}
            </a>
          ))}
        </nav>
      </header>
      {backupState.reminder && route.name !== 'backup' && (
        <p class="reminder" role="note">
          {t(
            backupState.lastBackupAt ? 'libraryReminder' : 'libraryReminderNever',
            formatCount(backupState.changed),
          )}{' '}
          <a href="#backup">{t('libraryReminderAction')}</a>
        </p>
      )}
      <NoticeBar notice={notice} onError={fail} />
      {route.name === 'episodes' && (
        <EpisodesView
          view={arranged!}
          index={index!}
          query={query}
          onQuery={setQuery}
          sort={sort}
          onSort={setSort}
          filter={filter}
          onFilter={setFilter}
          selected={selected}
          onSelect={setSelected}
          onExport={exportEpisodes}
          onDelete={deleteEpisodes}
        />
      )}
      {route.name === 'episode' && (
        <EpisodeView
          row={arranged!.byId.get(route.id) ?? null}
          quotes={arranged!.quotesByEpisode.get(route.id) ?? []}
          onExport={(id) => exportEpisodes([id], 'file')}
        />
      )}
      {route.name === 'backup' && (
        <BackupView
          api={api}
          status={backupState}
          hasData={state.data.episodes.length + state.data.quotes.length > 0}
          onBackup={backup}
          onRestored={load}
        />
      )}
      {route.name === 'settings' && (
        <SettingsView
          api={api}
          settings={settings}
          onChange={saveSettings}
          onError={fail}
          example={example}
        />
      )}
    </>
  );
}
