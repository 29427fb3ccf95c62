import { useState } from 'preact/hooks';
import type { Participant, Role, Section } from '../../core/model';
import { SavedField } from '../components/SavedField';
import { t } from '../i18n';
import { insertAt, reassignQuotes, type Editing } from './editing';
import { Participants } from './Participants';
import { References } from './References';
import { participantName, sectionName } from './roles';
import { Sections } from './Sections';
import { Tags } from './Tags';

interface Props {
  editing: Editing;
  /** People the page names who aren't participants yet. */
  suggestedParticipants: { name: string; role: Role }[];
}

/**
 * Everything below the quotes: participants, sections, summary, my 2 cents, references, tags.
 * A module of its own, loaded just after the first render: the popup's first frame shows what
 * a person needs while listening (capture and quotes) and its JavaScript stays small.
 */
export function EpisodeDetails({ editing, suggestedParticipants }: Props) {
  const { episode, quotes, edit, notify, onError, reloadQuotes } = editing;
  // The row just added, whose first field takes focus when it appears.
  const [focusId, setFocusId] = useState<string | null>(null);

  const addParticipant = async (name: string, role: Role) => {
    const participant: Participant = { id: crypto.randomUUID(), name, role };
    setFocusId(participant.id);
    await edit((current) => ({ participants: [...current.participants, participant] })).catch(
      onError,
    );
  };

  // Removing a person never deletes their quotes: they become unattributed (Undo re-attributes).
  const removeParticipant = async (participant: Participant) => {
    try {
      let index = 0;
      await edit((current) => {
        index = current.participants.findIndex((p) => p.id === participant.id);
        return { participants: current.participants.filter((p) => p.id !== participant.id) };
      });
      const changed = await reassignQuotes(editing, 'speakerId', participant.id, null);
      await reloadQuotes();
      notify({
        text: t('participantRemoved', participantName(participant), String(changed.length)),
        focusUndo: true,
        undo: async () => {
          await edit((current) => ({
            participants: insertAt(current.participants, index, participant),
          }));
          await reassignQuotes(editing, 'speakerId', null, participant.id, new Set(changed));
          await reloadQuotes();
          notify({ text: t('restored') });
        },
      });
    } catch (error) {
      onError(error);
    }
  };

  const addSection = async () => {
    const section: Section = { id: crypto.randomUUID(), heading: '', notes: '' };
    setFocusId(section.id);
    await edit((current) => ({ sections: [...current.sections, section] })).catch(onError);
  };

  // Removing a section keeps its quotes (unfiled); Undo files them again, notes and all.
  const removeSection = async (section: Section) => {
    try {
      let index = 0;
      await edit((current) => {
        index = current.sections.findIndex((s) => s.id === section.id);
        return { sections: current.sections.filter((s) => s.id !== section.id) };
      });
      const changed = await reassignQuotes(editing, 'sectionId', section.id, null);
      await reloadQuotes();
      notify({
        text: t('sectionRemoved', sectionName(section, index)),
        focusUndo: true,
        undo: async () => {
          await edit((current) => ({ sections: insertAt(current.sections, index, section) }));
          await reassignQuotes(editing, 'sectionId', null, section.id, new Set(changed));
          await reloadQuotes();
          notify({ text: t('restored') });
        },
      });
    } catch (error) {
      onError(error);
    }
  };

  const removeReference = async (index: number) => {
    try {
      const removed = episode.references[index];
      if (!removed) return;
      await edit((current) => ({ references: current.references.filter((_, i) => i !== index) }));
      notify({
        text: t('referenceRemoved', removed.title || removed.url),
        focusUndo: true,
        undo: async () => {
          await edit((current) => ({ references: insertAt(current.references, index, removed) }));
          notify({ text: t('restored') });
        },
      });
    } catch (error) {
      onError(error);
    }
  };

  return (
    <>
      <Participants
        participants={episode.participants}
        suggestions={suggestedParticipants}
        edit={edit}
        onAdd={addParticipant}
        onRemove={(p) => void removeParticipant(p)}
        focusId={focusId}
      />
      <Sections
        sections={episode.sections}
        quotes={quotes}
        edit={edit}
        onAdd={addSection}
        onRemove={(s) => void removeSection(s)}
        onError={onError}
        focusId={focusId}
      />
      <section class="part" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('notesHeading')}</h2>
        <SavedField
          id="summary"
          draftKey={`${episode.id}:summary`}
          label={t('summaryLabel')}
          multiline
          rows={3}
          initial={episode.summary}
          placeholder={t('summaryPlaceholder')}
          onSave={(summary) => edit(() => ({ summary }))}
        />
        <SavedField
          id="two-cents"
          draftKey={`${episode.id}:twoCents`}
          label={t('popupTwoCentsLabel')}
          multiline
          rows={4}
          initial={episode.twoCents}
          placeholder={t('popupTwoCentsPlaceholder')}
          onSave={(twoCents) => edit(() => ({ twoCents }))}
        />
      </section>
      <References
        references={episode.references}
        edit={edit}
        onRemove={(index) => void removeReference(index)}
      />
      <Tags tags={episode.tags} edit={edit} onError={onError} />
    </>
  );
}
