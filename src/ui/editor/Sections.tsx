import { useEffect, useState } from 'preact/hooks';
import type { Quote, Section } from '../../core/model';
import { SavedField } from '../components/SavedField';
import { t } from '../i18n';
import type { EpisodeChange } from './episode-writer';
import { sectionName } from '../components/roles';

interface Props {
  sections: Section[];
  quotes: Quote[];
  edit: (change: EpisodeChange) => Promise<unknown>;
  onAdd: () => Promise<void>;
  onRemove: (section: Section) => void;
  onError: (error: unknown) => void;
  focusId: string | null;
}

/** How many of a section's quotes are shown under it: enough to write from, not a second list. */
const SNIPPETS = 3;

/** The overview's headings, each with free notes and the quotes filed under it. */
export function Sections({ sections, quotes, edit, onAdd, onRemove, onError, focusId }: Props) {
  // Moving a row re-inserts its DOM node, which drops focus: put it back on the same button,
  // or on the other one when the row reached an end and its button was disabled.
  const [refocus, setRefocus] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  useEffect(() => {
    if (!refocus) return;
    const index = sections.findIndex((s) => s.id === refocus.id);
    const atEnd = refocus.direction === 'up' ? index === 0 : index === sections.length - 1;
    const which = atEnd ? (refocus.direction === 'up' ? 'down' : 'up') : refocus.direction;
    document.getElementById(`${refocus.id}-${which}`)?.focus();
    setRefocus(null);
  }, [sections]);

  const update = (id: string, patch: Partial<Section>) =>
    edit((current) => ({
      sections: current.sections.map((s) => (s.id === id ? { ...s, ...patch } : s)),
    }));

  const move = (id: string, direction: 'up' | 'down') => {
    setRefocus({ id, direction });
    edit((current) => {
      const list = [...current.sections];
      const from = list.findIndex((s) => s.id === id);
      const to = direction === 'up' ? from - 1 : from + 1;
      if (from < 0 || to < 0 || to >= list.length) return {};
      [list[from], list[to]] = [list[to]!, list[from]!];
      return { sections: list };
    }).catch(onError);
  };

  return (
    <section class="part" aria-labelledby="sections-heading">
      <h2 id="sections-heading">{t('sectionsHeading')}</h2>
      {sections.length === 0 && <p class="empty">{t('sectionsEmpty')}</p>}
      {sections.length > 0 && (
        <ol class="rows sections">
          {sections.map((section, index) => {
            const name = sectionName(section, index);
            const filed = quotes.filter((q) => q.sectionId === section.id);
            return (
              <li key={section.id} class="section-item">
                <SavedField
                  label={t('sectionHeadingLabel', String(index + 1))}
                  draftKey={`section:${section.id}:heading`}
                  initial={section.heading}
                  placeholder={t('sectionHeadingPlaceholder')}
                  onSave={(heading) => update(section.id, { heading })}
                  autoFocus={section.id === focusId}
                />
                <SavedField
                  label={t('sectionNotesLabel', name)}
                  draftKey={`section:${section.id}:notes`}
                  multiline
                  rows={3}
                  initial={section.notes}
                  placeholder={t('sectionNotesPlaceholder')}
                  onSave={(notes) => update(section.id, { notes })}
                />
                <p class="muted filed">
                  {filed.length === 0
                    ? t('sectionNoQuotes')
                    : t('sectionQuoteCount', String(filed.length))}
                </p>
                {filed.length > 0 && (
                  <ul class="snippets">
                    {filed.slice(0, SNIPPETS).map((q) => (
                      <li key={q.id}>{q.text}</li>
                    ))}
                  </ul>
                )}
                <div class="row-actions">
                  <button
                    type="button"
                    id={`${section.id}-up`}
                    aria-label={t('sectionMoveUp', name)}
                    disabled={index === 0}
                    onClick={() => move(section.id, 'up')}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`${section.id}-down`}
                    aria-label={t('sectionMoveDown', name)}
                    disabled={index === sections.length - 1}
                    onClick={() => move(section.id, 'down')}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    class="quiet"
                    aria-label={t('sectionRemoveLabel', name)}
                    onClick={() => onRemove(section)}
                  >
                    {t('remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" onClick={() => void onAdd()}>
        {t('sectionAdd')}
      </button>
    </section>
  );
}
