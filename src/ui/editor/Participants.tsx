import { useState } from 'preact/hooks';
import type { Participant, Role } from '../../core/model';
import { samePerson } from '../../core/people';
import { SavedField } from '../components/SavedField';
import { t } from '../i18n';
import type { EpisodeChange } from './episode-writer';
import { isRole, participantName, roleOptions } from '../components/roles';

interface Props {
  participants: Participant[];
  /** Names the page mentions (detection, transcript speakers) that aren't participants yet. */
  suggestions: { name: string; role: Role }[];
  edit: (change: EpisodeChange) => Promise<unknown>;
  onAdd: (name: string, role: Role) => Promise<void>;
  onRemove: (participant: Participant) => void;
  /** The participant whose name field takes focus when it appears (just added). */
  focusId: string | null;
}

const nameRequired = (name: string) => (name.trim() === '' ? t('errorNameEmpty') : null);

/** Who took part, and in what role. Removing someone leaves their quotes, unattributed. */
export function Participants({ participants, suggestions, edit, onAdd, onRemove, focusId }: Props) {
  const rename = (id: string) => (name: string) =>
    edit((current) => ({
      participants: current.participants.map((p) => (p.id === id ? { ...p, name } : p)),
    }));
  const changeRole = (id: string, role: Role) =>
    edit((current) => ({
      participants: current.participants.map((p) => (p.id === id ? { ...p, role } : p)),
    }));

  return (
    <section class="part" aria-labelledby="participants-heading">
      <h2 id="participants-heading">{t('participantsHeading')}</h2>
      {participants.length === 0 && <p class="empty">{t('participantsEmpty')}</p>}
      {participants.length > 0 && (
        <ul class="rows">
          {participants.map((p) => (
            <li key={p.id} class="row participant">
              <SavedField
                class="grow"
                label={t('participantNameLabel')}
                draftKey={`participant:${p.id}:name`}
                hideLabel
                initial={p.name}
                validate={nameRequired}
                onSave={rename(p.id)}
                autoFocus={p.id === focusId}
              />
              <RoleSelect
                label={t('participantRoleOf', participantName(p))}
                value={p.role}
                onChange={(role) => void changeRole(p.id, role)}
              />
              <button
                type="button"
                class="quiet"
                aria-label={t('participantRemoveLabel', participantName(p))}
                onClick={() => onRemove(p)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {suggestions.length > 0 && (
        <p class="suggestions">
          <span class="muted">{t('participantsSuggested')}</span>{' '}
          {suggestions.map((s) => (
            <button
              key={s.name}
              type="button"
              class="chip"
              onClick={() => void onAdd(s.name, s.role)}
            >
              {t('participantAddSuggested', s.name)}
            </button>
          ))}
        </p>
      )}
      <AddParticipant onAdd={onAdd} participants={participants} />
    </section>
  );
}

function RoleSelect(props: { label: string; value: Role; onChange: (role: Role) => void }) {
  return (
    <select
      aria-label={props.label}
      value={props.value}
      onChange={(event) => {
        const value = (event.currentTarget as HTMLSelectElement).value;
        if (isRole(value)) props.onChange(value);
      }}
    >
      {roleOptions().map(({ role, label }) => (
        <option key={role} value={role}>
          {label}
        </option>
      ))}
    </select>
  );
}

function AddParticipant({ onAdd, participants }: Pick<Props, 'onAdd' | 'participants'>) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('guest');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (name.trim() === '') return setError(t('errorNameEmpty'));
    const existing = participants.find((p) => samePerson(p.name, name));
    if (existing) return setError(t('errorNameTaken', participantName(existing)));
    setError('');
    await onAdd(name.trim(), role);
    setName('');
  };
  return (
    <form class="add row" onSubmit={submit} aria-label={t('participantAddForm')}>
      <div class="field grow">
        <label for="new-participant-name" class="sr-only">
          {t('participantNewName')}
        </label>
        <input
          id="new-participant-name"
          value={name}
          placeholder={t('participantNewName')}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby="new-participant-error"
          onInput={(event) => setName((event.currentTarget as HTMLInputElement).value)}
        />
        <p id="new-participant-error" class="status error" role="alert">
          {error}
        </p>
      </div>
      <RoleSelect label={t('participantNewRole')} value={role} onChange={setRole} />
      <button type="submit">{t('participantAdd')}</button>
    </form>
  );
}
