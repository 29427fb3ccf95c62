import { t } from '../i18n';

/** An episode's tags as chips; nothing when it has none. */
export function TagChips({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul class="tags" aria-label={t('libraryTagsLabel')}>
      {tags.map((tag) => (
        <li key={tag} class="chip">
          {tag}
        </li>
      ))}
    </ul>
  );
}
