import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { t } from '../i18n';

/**
 * Fields tell their view when they have saved, so the view shows one calm "Saved" instead of a
 * line under every field (issue 19). Each field's own status is still read by screen readers.
 */
export const SavedReporter = createContext<(() => void) | null>(null);

export const useSavedReporter = () => useContext(SavedReporter);

/** The view's one save indicator: shown once something has been saved. */
export function SaveIndicator({ shown }: { shown: boolean }) {
  // Hidden from screen readers: each field's status already says "Saved" where it happened.
  return (
    <span class="save-indicator muted" aria-hidden="true">
      {shown ? t('savedIndicator') : ''}
    </span>
  );
}
