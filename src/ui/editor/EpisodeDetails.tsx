import { useState } from 'preact/hooks';
import type { Participant, Role, Section } from '../../core/model';
import { SavedField } from '../components/SavedField';
import { t } from '../i18n';
import { insertAt } from '../../core/list';
import type { Removal } from '../../store/store';
import type { Editing } from './editing';
import { Participants } from './Participants';
import { References } from './References';
import { participantName, sectionName } from '../components/roles';
import { Sections } from './Sections';
import { Tags } from './Tags';

// Loaded with the details (after the first render): the header's facts, the popup's Overview tab.
export { EpisodeFacts } from './EpisodeFacts';

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
  const { store, episode, quotes, edit, notify, onError, reloadQuotes } = editing;

  /**
   * Takes a participant or section off the episode and off its quotes in one store
   * transaction; Undo puts both back in one more.
   */
  const remove = async (
    kind: Removal['kind'],
    id: string,
    removedText: (removal: Removal) => string,
  ) => {
    const done = await store.removeFromEpisode(episode.id, kind, id);
    if (!done) return;
    editing.onEpisode(done.episode);
    await reloadQuotes();
    notify({
      text: removedText(done.removal),
      focusUndo: true,
      undo: async () => {
        editing.onEpisode(await store.restoreRemoved(episode.id, done.removal));
        await reloadQuotes();
        notify({ text: t('restored') });
      },
    });
  };
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
  const removeParticipant = (participant: Participant) =>
    remove('participant', participant.id, (removal) =>
      t('participantRemoved', participantName(participant), String(removal.quoteIds.length)),
    ).catch(onError);

  const addSection = async () => {
    const section: Section = { id: crypto.randomUUID(), heading: '', notes: '' };
    setFocusId(section.id);
    await edit((current) => ({ sections: [...current.sections, section] })).catch(onError);
  };

  // Removing a section keeps its quotes (unfiled); Undo files them again, notes and all.
  const removeSection = (section: Section) =>
    // Named as the list showed it ("Section 2" when it has no heading yet).
    remove('section', section.id, (removal) =>
      t('sectionRemoved', sectionName(section, removal.index)),
    ).catch(onError);

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
