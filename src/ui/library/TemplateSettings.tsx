/**
 * The export template in the library's settings (issue 14): choose a preset or write your
 * own, with a live preview of a real episode and the template's problem, where it is, when
 * it has one. A broken template is kept as typed (nothing the person wrote is lost); exports
 * then say to fix it.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Episode, Quote } from '../../core/model';
import { t } from '../i18n';
import type { LibrarySettings, TemplateSetting } from './settings';

interface Props {
  settings: LibrarySettings;
  onChange: (settings: LibrarySettings) => Promise<void>;
  /** A real episode for the preview; null when the library is empty. */
  example: { episode: Episode; quotes: readonly Quote[] } | null;
}

const CHOICES: { value: TemplateSetting['choice']; label: string }[] = [
  { value: 'overview', label: 'libraryTemplateOverview' },
  { value: 'obsidian', label: 'libraryTemplateObsidian' },
  { value: 'logseq', label: 'libraryTemplateLogseq' },
  { value: 'plain', label: 'libraryTemplatePlain' },
  { value: 'custom', label: 'libraryTemplateCustom' },
];

type EngineModule = typeof import('./template-preview');
let engineModule: Promise<EngineModule> | null = null;

/** The template engine, imported once when the settings first show the template. */
function useTemplateEngine(): EngineModule | null {
  const [engine, setEngine] = useState<EngineModule | null>(null);
  useEffect(() => {
    engineModule ??= import('./template-preview');
    void engineModule.then(setEngine);
  }, []);
  return engine;
}

export function TemplateSettings({ settings, onChange, example }: Props) {
  const template = settings.template;
  const engine = useTemplateEngine();
  const preview = useMemo(
    () =>
      engine && example ? engine.previewTemplate(template, settings.exportDefaults, example) : null,
    [engine, template, settings.exportDefaults, example],
  );

  const setTemplate = (change: Partial<TemplateSetting>) =>
    void onChange({ ...settings, template: { ...template, ...change } });

  const startFrom = () => {
    if (engine) setTemplate({ choice: 'custom', custom: engine.presetText(template.choice) });
  };

  return (
    <section class="panel-section" aria-labelledby="template-heading">
      <h2 id="template-heading">{t('libraryTemplateHeading')}</h2>
      <div class="template-choice">
        <span class="picker">
          <label for="export-template">{t('libraryTemplateChoice')}</label>
          <select
            id="export-template"
            value={template.choice}
            onChange={(event) =>
              setTemplate({
                choice: (event.currentTarget as HTMLSelectElement)
                  .value as TemplateSetting['choice'],
              })
            }
          >
            {CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {t(c.label)}
              </option>
            ))}
          </select>
        </span>
        {template.choice !== 'custom' && (
          <button type="button" disabled={!engine} onClick={startFrom}>
            {t('libraryTemplateStartFrom')}
          </button>
        )}
      </div>
      {template.choice === 'custom' && (
        <div class="template-field">
          <label for="template-editor">{t('libraryTemplateEditor')}</label>
          <p class="hint" id="template-help">
            {t('libraryTemplateHelp')} {t('libraryTemplateVariables')}:{' '}
            {engine?.TEMPLATE_VARIABLE_NAMES.join(', ')}.
          </p>
          <textarea
            id="template-editor"
            class="template-editor"
            rows={14}
            spellcheck={false}
            aria-describedby="template-help"
            value={template.custom}
            onInput={(event) =>
              setTemplate({ custom: (event.currentTarget as HTMLTextAreaElement).value })
            }
          />
        </div>
      )}
      <div aria-live="polite">
        {preview && 'error' in preview && (
          <p class="error" role="alert">
            {t('libraryTemplateError', preview.error)}
          </p>
        )}
      </div>
      {example === null ? (
        <p class="hint">{t('libraryTemplatePreviewNone')}</p>
      ) : (
        preview &&
        'markdown' in preview && (
          <figure class="template-preview">
            <figcaption>{t('libraryTemplatePreview', example.episode.title)}</figcaption>
            <pre data-testid="template-preview">{preview.markdown}</pre>
          </figure>
        )
      )}
    </section>
  );
}
