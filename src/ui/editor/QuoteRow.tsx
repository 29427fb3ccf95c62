import { useId, useState } from 'preact/hooks';
import type { Participant, Quote, Section } from '../../core/model';
import { formatEpisodeClock } from '../../core/time';
import type { QuoteEdit } from '../../store/store';
import { SavedField } from '../components/SavedField';
import { t } from '../i18n';
import { participantName, roleLabel, sectionName } from '../components/roles';

/** The popup's short row: time, words and speaker; the rest shown when opened. */
export interface CompactRow {
  expanded: boolean;
  onToggle: () => void;
  /** The key that focuses this row's note (the newest quote's), shown by the note. */
  noteShortcut?: string;
}

interface Props {
  quote: Quote;
  /** The episode is an hour or longer: times read `h:mm:ss` (core/time's one rule). */
  hours: boolean;
  /** In the popup: a short row that opens; in the side panel (undefined): always whole. */
  compact?: CompactRow;
  participants: Participant[];
  sections: Section[];
  onSeek: (timeSec: number) => void;
  /** Why the time can't play the page (it isn't open): the button stays, disabled, and says so. */
  seekUnavailable: string | null;
  /** The page was searched for the quote and it isn't there (issue 4's orphan). */
  orphan: boolean;
  onEdit: (id: string, edit: QuoteEdit) => Promise<unknown>;
  onDelete: (quote: Quote) => void;
  onError: (error: unknown) => void;
}

/** The id of a quote's note field: the note shortcut focuses it. */
export const noteFieldId = (quoteId: string) => `note-${quoteId}`;

const textRequired = (text: string) => (text.trim() === '' ? t('errorQuoteEmpty') : null);

/** One quote: its moment (click to play from there), who said it, where it goes, a note. */
export function QuoteRow({
  quote,
  hours,
  compact,
  participants,
  sections,
  onSeek,
  seekUnavailable,
  orphan,
  onEdit,
  onDelete,
  onError,
}: Props) {
  // A marked moment has no words yet: its text field is open, waiting for them.
  const [editing, setEditing] = useState(quote.text === '');
  const id = useId();
  const { timeSec } = quote;
  // Names a quote in labels and on its seek button: its time ("1:02"), or its first words when
  // it has no time.
  const which =
    timeSec === null
      ? `“${quote.text.slice(0, 40)}${quote.text.length > 40 ? '…' : ''}”`
      : formatEpisodeClock(timeSec, hours);
  // A speaker or section removed in another view still shows, as unattributed or unfiled.
  const speakerId = participants.some((p) => p.id === quote.speakerId) ? quote.speakerId : null;
  const sectionId = sections.some((s) => s.id === quote.sectionId) ? quote.sectionId : null;

  const open = !compact || compact.expanded;
  const speaker = participants.find((p) => p.id === speakerId);

  const pick = (field: 'speakerId' | 'sectionId') => (event: Event) => {
    const value = (event.currentTarget as HTMLSelectElement).value;
    onEdit(quote.id, { [field]: value === '' ? null : value }).catch(onError);
  };

  return (
    <>
      <div class="quote-head">
        {timeSec === null ? (
          <span class="time muted">{t('popupNoTime')}</span>
        ) : (
          <button
            type="button"
            class="time"
            aria-label={t('popupSeekTitle', which)}
            title={seekUnavailable ?? t('popupSeekTitle', which)}
            disabled={seekUnavailable !== null}
            onClick={() => onSeek(timeSec)}
          >
            {which}
          </button>
        )}
        {editing ? (
          <SavedField
            class="grow"
            label={t('quoteTextLabel')}
            draftKey={`quote:${quote.id}:text`}
            multiline
            rows={4}
            initial={quote.text}
            placeholder={t('quoteTextPlaceholder')}
            validate={textRequired}
            onSave={(text) => onEdit(quote.id, { text })}
            autoFocus
          />
        ) : compact ? (
          <div class="grow quote-words">
            {/* A click on the words opens the row too; the button is the way for keys. */}
            <blockquote class={open ? undefined : 'clamped'} onClick={compact.onToggle}>
              {quote.text}
            </blockquote>
            {speaker && <span class="quote-speaker muted">{participantName(speaker)}</span>}
          </div>
        ) : (
          <blockquote>{quote.text}</blockquote>
        )}
        {compact && (
          <button
            type="button"
            class="disclosure"
            aria-expanded={compact.expanded}
            aria-label={t('quoteDetailsLabel', which)}
            title={t('quoteDetailsLabel', which)}
            onClick={compact.onToggle}
          >
            <span aria-hidden="true">{compact.expanded ? '▴' : '▾'}</span>
          </button>
        )}
      </div>
      {orphan && (
        // Visible words for everyone; the why in a tooltip and, for screen readers, in words
        // they read with the badge (a title on a span is not reliably announced).
        <p class="orphan" title={t('quoteOrphanExplained')}>
          <span class="badge">{t('quoteOrphan')}</span>
          <span class="sr-only"> {t('quoteOrphanExplained')}</span>
        </p>
      )}
      {open && (
        <>
          <div class="row pickers">
            <div class="picker">
              <label for={`speaker${id}`}>{t('quoteSpeakerLabel')}</label>
              <select id={`speaker${id}`} value={speakerId ?? ''} onChange={pick('speakerId')}>
                <option value="">{t('quoteNoSpeaker')}</option>
                {participants.map((p) => (
                  <option key={p.id} value={p.id}>
                    {`${participantName(p)} (${roleLabel(p.role)})`}
                  </option>
                ))}
              </select>
            </div>
            <div class="picker">
              <label for={`section${id}`}>{t('quoteSectionLabel')}</label>
              <select id={`section${id}`} value={sectionId ?? ''} onChange={pick('sectionId')}>
                <option value="">{t('quoteNoSection')}</option>
                {sections.map((s, index) => (
                  <option key={s.id} value={s.id}>
                    {sectionName(s, index)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <SavedField
            id={noteFieldId(quote.id)}
            class="note"
            keyShortcut={compact?.noteShortcut}
            label={t('quoteNoteLabel')}
            draftKey={`quote:${quote.id}:note`}
            multiline
            rows={1}
            initial={quote.note}
            placeholder={t('quoteNotePlaceholder')}
            onSave={(note) => onEdit(quote.id, { note })}
          />
          <div class="row-actions">
            <button
              type="button"
              aria-expanded={editing}
              aria-label={t(editing ? 'quoteDoneEditingLabel' : 'quoteEditLabel', which)}
              onClick={() => setEditing(!editing)}
            >
              {t(editing ? 'quoteDoneEditing' : 'quoteEdit')}
            </button>
            <button
              type="button"
              class="quiet"
              aria-label={t('quoteDeleteLabel', which)}
              onClick={() => onDelete(quote)}
            >
              {t('quoteDelete')}
            </button>
          </div>
        </>
      )}
    </>
  );
}
