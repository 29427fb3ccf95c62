import { useState } from 'preact/hooks';
import type { Reference } from '../../core/model';
import { isWebUrl } from '../../core/web-url';
import { SavedField } from '../components/SavedField';
import { reason, t } from '../i18n';
import type { EpisodeChange } from './episode-writer';

interface Props {
  references: Reference[];
  edit: (change: EpisodeChange) => Promise<unknown>;
  onRemove: (index: number) => void;
}

/** Only web links: a reference ends up as a link in exported Markdown that others click. */
const urlProblem = (text: string) => (isWebUrl(text.trim()) ? null : t('errorReferenceUrl'));

/**
 * Links for the overview's References list. References have no ids, so rows are keyed and
 * addressed by position (keying by URL would remount the row, and drop focus, as its URL is
 * typed). Only a removal shifts positions, and a field flushes on blur before that click.
 */
export function References({ references, edit, onRemove }: Props) {
  const update = (index: number, patch: Partial<Reference>) =>
    edit((current) => ({
      references: current.references.map((r, i) => (i === index ? { ...r, ...patch } : r)),
    }));
  const add = (reference: Reference) =>
    edit((current) => ({ references: [...current.references, reference] }));

  return (
    <section class="part" aria-labelledby="references-heading">
      <h2 id="references-heading">{t('referencesHeading')}</h2>
      {references.length === 0 && <p class="empty">{t('referencesEmpty')}</p>}
      {references.length > 0 && (
        <ul class="rows">
          {references.map((reference, index) => (
            // The title and the address each get a whole line: both are read, neither is cut.
            <li key={index} class="reference">
              <SavedField
                class="reference-title"
                label={t('referenceTitleLabel')}
                hideLabel
                initial={reference.title}
                onSave={(title) => update(index, { title })}
              />
              <SavedField
                class="reference-url"
                type="url"
                label={t('referenceUrlLabel')}
                hideLabel
                initial={reference.url}
                validate={urlProblem}
                onSave={(url) => update(index, { url: url.trim() })}
              />
              <button
                type="button"
                class="quiet reference-remove"
                aria-label={t('referenceRemoveLabel', reference.title || reference.url)}
                onClick={() => onRemove(index)}
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <AddReference onAdd={(reference) => add(reference).then(() => undefined)} />
    </section>
  );
}

function AddReference({ onAdd }: { onAdd: (reference: Reference) => Promise<void> }) {
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!isWebUrl(url.trim())) return setError(t('errorReferenceUrl'));
    setError('');
    try {
      await onAdd({ title: title.trim() || url.trim(), url: url.trim() });
      setTitle('');
      setUrl('');
    } catch (failure) {
      setError(t('errorSaveFailed', reason(failure)));
    }
  };
  // noValidate: our message says what to type; the browser's own bubble would not, nor in words
  // that can be translated with the rest.
  return (
    <form class="add" onSubmit={submit} aria-label={t('referenceAddForm')} noValidate>
      <div class="row">
        <div class="field grow">
          <label for="new-reference-title">{t('referenceTitleLabel')}</label>
          <input
            id="new-reference-title"
            value={title}
            onInput={(event) => setTitle((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
        <div class="field grow">
          <label for="new-reference-url">{t('referenceUrlLabel')}</label>
          <input
            id="new-reference-url"
            type="url"
            value={url}
            placeholder="https://"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby="new-reference-error"
            onInput={(event) => setUrl((event.currentTarget as HTMLInputElement).value)}
          />
        </div>
      </div>
      <p id="new-reference-error" class="status error" role="alert">
        {error}
      </p>
      <button type="submit">{t('referenceAdd')}</button>
    </form>
  );
}
