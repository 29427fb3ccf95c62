import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

export interface Notice {
  text: string;
  error?: boolean;
  /** Offered as an Undo button next to the text (a deletion the person may regret). */
  undo?: () => Promise<void>;
  /**
   * Move keyboard focus to Undo: the button that was pressed has just disappeared with its row,
   * and focus left on nothing would throw a keyboard user back to the top of the page.
   */
  focusUndo?: boolean;
  /** Another thing to do instead (show the quote that was saved before). */
  action?: { label: string; run: () => void };
}

interface Props {
  notice: Notice | null;
  onError: (error: unknown) => void;
}

/** The view's one live message: what just happened, or what went wrong and what to do. */
export function NoticeBar({ notice, onError }: Props) {
  const undoButton = useRef<HTMLButtonElement>(null);
  // An Undo runs once: a double click must not restore a participant twice.
  const [undoing, setUndoing] = useState(false);
  useEffect(() => {
    setUndoing(false);
    if (notice?.undo && notice.focusUndo) undoButton.current?.focus();
  }, [notice]);
  return (
    <p class={`notice${notice?.error ? ' error' : ''}`} role="status" aria-live="polite">
      {notice?.text ?? ''}
      {notice?.undo && (
        <>
          {' '}
          <button
            type="button"
            ref={undoButton}
            class="undo"
            disabled={undoing}
            onClick={() => {
              setUndoing(true);
              notice.undo!().catch(onError);
            }}
          >
            {t('undo')}
          </button>
        </>
      )}
      {notice?.action && (
        <>
          {' '}
          <button type="button" class="undo" onClick={notice.action.run}>
            {notice.action.label}
          </button>
        </>
      )}
    </p>
  );
}
