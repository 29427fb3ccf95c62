import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  initial: string;
  onSave: (text: string) => Promise<void>;
}

/** How long typing pauses before a save: every keystroke is kept without a write per key. */
export const SAVE_DELAY_MS = 400;

/**
 * "My 2 cents": saved as the person types, and flushed when the popup hides (popups unload
 * the moment they lose focus, so waiting for a Save button would lose words).
 */
export function TwoCents({ initial, onSave }: Props) {
  const [text, setText] = useState(initial);
  const [status, setStatus] = useState<'idle' | 'saved' | { error: string }>('idle');
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = () => {
    clearTimeout(timer.current);
    const value = pending.current;
    if (value === null) return;
    pending.current = null;
    onSave(value).then(
      () => setStatus('saved'),
      (error: unknown) => {
        // Keep the words and try again on the next keystroke or flush.
        pending.current ??= value;
        setStatus({ error: error instanceof Error ? error.message : String(error) });
      },
    );
  };

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onHide);
    addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const onInput = (event: Event) => {
    const value = (event.currentTarget as HTMLTextAreaElement).value;
    setText(value);
    pending.current = value;
    clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  };

  return (
    <div class="field">
      <label for="two-cents">{t('popupTwoCentsLabel')}</label>
      <textarea
        id="two-cents"
        rows={4}
        value={text}
        placeholder={t('popupTwoCentsPlaceholder')}
        onInput={onInput}
        onBlur={flush}
      />
      <p class={`status${typeof status === 'object' ? ' error' : ''}`} role="status">
        {status === 'saved'
          ? t('popupSavedDraft')
          : typeof status === 'object'
            ? t('errorSaveFailed', status.error)
            : ''}
      </p>
    </div>
  );
}
