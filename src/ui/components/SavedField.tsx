import { useEffect, useId, useRef } from 'preact/hooks';
import { useSavedReporter } from './SaveIndicator';
import { t } from '../i18n';
import { useSavedText, type SaveStatus, type SavedTextOptions } from '../hooks/useSavedText';

interface Props extends SavedTextOptions {
  label: string;
  initial: string;
  onSave: (text: string) => Promise<unknown>;
  /** A fixed id when other code or tests address the field; otherwise one is made. */
  id?: string;
  multiline?: boolean;
  rows?: number;
  type?: 'text' | 'url';
  placeholder?: string;
  /** The label is read by screen readers only, where a row's layout already says what it is. */
  hideLabel?: boolean;
  autoFocus?: boolean;
  class?: string;
  /** A key that focuses this field (ARIA `aria-keyshortcuts`), shown next to its label. */
  keyShortcut?: string;
}

/** A labelled text input or textarea that saves itself as the person types. */
export function SavedField(props: Props) {
  const madeId = useId();
  const id = props.id ?? `field${madeId}`;
  const statusId = `${id}-status`;
  const { value, status, onInput, flush } = useSavedText(props.initial, props.onSave, props);
  const control = useRef<HTMLInputElement & HTMLTextAreaElement>(null);

  useEffect(() => {
    if (props.autoFocus) control.current?.focus();
  }, []);
  const reportSaved = useSavedReporter();
  useEffect(() => {
    if (status.kind === 'saved') reportSaved?.();
  }, [status]);

  const problem = status.kind === 'invalid' || status.kind === 'failed';
  const shared = {
    id,
    ref: control,
    value,
    placeholder: props.placeholder,
    onInput,
    onBlur: flush,
    'aria-invalid': problem ? ('true' as const) : undefined,
    'aria-describedby': statusId,
    'aria-keyshortcuts': props.keyShortcut,
  };
  return (
    <div class={`field${props.class ? ` ${props.class}` : ''}`}>
      {props.keyShortcut && (
        // Read out through aria-keyshortcuts; shown for those who see it.
        <kbd class="shortcut" aria-hidden="true">
          {props.keyShortcut}
        </kbd>
      )}
      <label for={id} class={props.hideLabel ? 'sr-only' : undefined}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea rows={props.rows ?? 3} {...shared} />
      ) : // Two literal branches: Preact's input types are a union keyed by `type`.
      props.type === 'url' ? (
        <input {...shared} type="url" />
      ) : (
        <input {...shared} type="text" />
      )}
      {/* "Saved" is for screen readers here; the view shows it once, calmly (SaveIndicator). */}
      <p
        id={statusId}
        class={`status${problem ? ' error' : ''}${status.kind === 'saved' ? ' sr-only' : ''}`}
        role="status"
      >
        {statusText(status)}
      </p>
    </div>
  );
}

function statusText(status: SaveStatus): string {
  switch (status.kind) {
    case 'saved':
      return t('popupSavedDraft');
    case 'invalid':
      return status.message;
    case 'failed':
      return t('errorSaveFailed', status.message);
    default:
      return '';
  }
}
