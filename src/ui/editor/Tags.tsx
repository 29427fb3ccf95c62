import { useState } from 'preact/hooks';
import { t } from '../i18n';
import type { EpisodeChange } from './episode-writer';

interface Props {
  tags: string[];
  edit: (change: EpisodeChange) => Promise<unknown>;
  onError: (error: unknown) => void;
}

/** "data science, #careers" → ["data science", "careers"]: note apps write tags with or without #. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim().replace(/^#+/, '').trim())
    .filter((tag) => tag !== '');
}

/** Adds tags not already there, ignoring case, keeping the first spelling. */
export function mergeTags(current: string[], added: string[]): string[] {
  const seen = new Set(current.map((tag) => tag.toLowerCase()));
  const result = [...current];
  for (const tag of added) {
    if (seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    result.push(tag);
  }
  return result;
}

export function Tags({ tags, edit, onError }: Props) {
  const [text, setText] = useState('');
  const submit = (event: Event) => {
    event.preventDefault();
    const added = parseTags(text);
    if (added.length === 0) return;
    edit((current) => ({ tags: mergeTags(current.tags, added) })).then(() => setText(''), onError);
  };
  const remove = (tag: string) => {
    edit((current) => ({ tags: current.tags.filter((x) => x !== tag) })).catch(onError);
    // The removed chip's button disappears: keep keyboard focus in the tag area.
    document.getElementById('new-tag')?.focus();
  };
  return (
    <section class="part" aria-labelledby="tags-heading">
      <h2 id="tags-heading">{t('tagsHeading')}</h2>
      {tags.length === 0 ? (
        <p class="empty">{t('tagsEmpty')}</p>
      ) : (
        <ul class="tags">
          {tags.map((tag) => (
            <li key={tag} class="chip">
              <span>{tag}</span>
              <button
                type="button"
                class="chip-remove"
                aria-label={t('tagRemoveLabel', tag)}
                onClick={() => remove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add row" onSubmit={submit} aria-label={t('tagAddForm')}>
        <label for="new-tag" class="sr-only">
          {t('tagNewLabel')}
        </label>
        <input
          id="new-tag"
          class="grow"
          value={text}
          placeholder={t('tagNewPlaceholder')}
          onInput={(event) => setText((event.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit">{t('tagAdd')}</button>
      </form>
    </section>
  );
}
