import { useEffect, useState } from 'preact/hooks';
import type { QuoteGrouping } from '../../core/markdown';
import { t } from '../i18n';
import type { LibraryApi, Shortcut } from './api';
import type { Episode, Quote } from '../../core/model';
import { ObsidianSettings } from './ObsidianSettings';
import type { ExportDefaults, LibrarySettings } from './settings';
import { TemplateSettings } from './TemplateSettings';

interface Props {
  api: LibraryApi;
  /** A real episode for the template's preview; null when the library is empty. */
  example?: { episode: Episode; quotes: readonly Quote[] } | null;
  settings: LibrarySettings;
  onChange: (settings: LibrarySettings) => Promise<void>;
  onError: (error: unknown) => void;
}

/** The command the shortcut runs (manifest.json `commands`). */
export const CAPTURE_COMMAND = 'save-quote';

const GROUPINGS: { value: QuoteGrouping; label: string }[] = [
  { value: 'time', label: 'libraryGroupingTime' },
  { value: 'section', label: 'libraryGroupingSection' },
  { value: 'speaker', label: 'libraryGroupingSpeaker' },
];

export function SettingsView({ api, settings, onChange, onError, example }: Props) {
  const setExport = (change: Partial<ExportDefaults>) =>
    onChange({ ...settings, exportDefaults: { ...settings.exportDefaults, ...change } });
  const checked = (event: Event) => (event.currentTarget as HTMLInputElement).checked;

  return (
    <>
      <section class="panel-section" aria-labelledby="export-heading">
        <h2 id="export-heading">{t('librarySettingsExport')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.exportDefaults.frontMatter}
            onChange={(event) => void setExport({ frontMatter: checked(event) })}
          />{' '}
          {t('librarySettingFrontMatter')}
        </label>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.exportDefaults.timestamps}
            onChange={(event) => void setExport({ timestamps: checked(event) })}
          />{' '}
          {t('librarySettingTimestamps')}
        </label>
        <span class="picker">
          <label for="export-grouping">{t('librarySettingGrouping')}</label>
          <select
            id="export-grouping"
            value={settings.exportDefaults.quoteGrouping}
            onChange={(event) =>
              void setExport({
                quoteGrouping: (event.currentTarget as HTMLSelectElement).value as QuoteGrouping,
              })
            }
          >
            {GROUPINGS.map((g) => (
              <option key={g.value} value={g.value}>
                {t(g.label)}
              </option>
            ))}
          </select>
        </span>
      </section>

      <TemplateSettings settings={settings} onChange={onChange} example={example ?? null} />
      <ObsidianSettings settings={settings} onChange={onChange} />
      <section class="panel-section" aria-labelledby="capture-heading">
        <h2 id="capture-heading">{t('librarySettingsCapture')}</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={settings.floatingButton}
            onChange={(event) => void onChange({ ...settings, floatingButton: checked(event) })}
          />{' '}
          {t('librarySettingFloating')}
        </label>
        <AllSites api={api} settings={settings} onChange={onChange} onError={onError} />
        <ShortcutInfo api={api} onError={onError} />
      </section>
      <section class="panel-section" aria-labelledby="transcripts-heading">
        <h2 id="transcripts-heading">{t('librarySettingsTranscripts')}</h2>
        <div class="setting">
          <label class="check">
            <input
              type="checkbox"
              checked={settings.findTranscriptsAutomatically}
              aria-describedby="transcripts-auto-help"
              onChange={(event) =>
                void onChange({ ...settings, findTranscriptsAutomatically: checked(event) })
              }
            />{' '}
            {t('librarySettingTranscriptsAuto')}
          </label>
          <p id="transcripts-auto-help" class="muted">
            {t('librarySettingTranscriptsAutoHelp')}
          </p>
        </div>
      </section>
    </>
  );
}

/**
 * The optional all-sites permission. Its state is the browser's (the person can also revoke
 * it in the browser's own settings), so the switch shows what is held, not what was saved.
 */
function AllSites({ api, settings, onChange, onError }: Props) {
  const [held, setHeld] = useState<boolean | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const refresh = () => {
      api.allSites.held().then(setHeld, onError);
    };
    refresh();
    // The permission may have changed while nothing was running (the browser's own settings):
    // bring the registration in line whenever the person looks.
    api.allSites.apply().catch(onError);
    return api.allSites.onChange(refresh);
  }, []);

  const toggle = (event: Event) => {
    const wanted = (event.currentTarget as HTMLInputElement).checked;
    // Called before anything is awaited: a browser shows its permission prompt only while the
    // click is being handled (Chrome and Firefox refuse the request otherwise).
    const asked = wanted ? api.allSites.request() : api.allSites.remove();
    // The switch shows what is held: it moves when the browser has answered, not before.
    (event.currentTarget as HTMLInputElement).checked = held === true;
    if (wanted) setMessage(t('libraryAllSitesAsking'));
    void (async () => {
      try {
        await asked;
        const now = await api.allSites.held();
        setHeld(now);
        setMessage(
          wanted && !now
            ? t('libraryAllSitesDenied')
            : t(now ? 'libraryAllSitesOn' : 'libraryAllSitesOff'),
        );
        await api.allSites.apply();
        if (now !== settings.detectAllSites) await onChange({ ...settings, detectAllSites: now });
      } catch (error) {
        setMessage(null);
        onError(error);
      }
    })();
  };

  return (
    <div class="setting">
      <label class="check">
        <input
          type="checkbox"
          checked={held === true}
          disabled={held === null}
          aria-describedby="all-sites-help"
          onChange={toggle}
        />{' '}
        {t('librarySettingAllSites')}
      </label>
      <p id="all-sites-help" class="muted">
        {t('librarySettingAllSitesHelp')}
      </p>
      {message && (
        <p class="status" role="status">
          {message}
        </p>
      )}
    </div>
  );
}

function ShortcutInfo({ api, onError }: Pick<Props, 'api' | 'onError'>) {
  const [shortcut, setShortcut] = useState<Shortcut | null | undefined>(undefined);
  useEffect(() => {
    api
      .shortcuts()
      .then((all) => setShortcut(all.find((c) => c.name === CAPTURE_COMMAND) ?? null), onError);
  }, []);
  if (shortcut === undefined) return null;
  return (
    <div class="setting">
      <p class="shortcut">
        {t('librarySettingShortcut')}{' '}
        {shortcut?.shortcut ? <kbd>{shortcut.shortcut}</kbd> : <em>{t('libraryShortcutNone')}</em>}
      </p>
      <p class="muted">
        {t('libraryShortcutChange')}{' '}
        <a
          href={api.shortcutSettings.label}
          onClick={(event) => {
            // Browsers don't follow links to their own settings pages from an extension page.
            event.preventDefault();
            api.shortcutSettings.open().catch(onError);
          }}
        >
          {api.shortcutSettings.label}
        </a>
      </p>
    </div>
  );
}
