/**
 * The words of a capture that failed, kept in the popup or side panel to retry or copy
 * (issue 18): a failure there used to show only its reason, and the selection was lost with
 * it. Loaded only when a capture fails, so the popup's first render stays small.
 */
import type { VNode } from 'preact';
import { useState } from 'preact/hooks';
import type { CaptureFailure } from '../../messages/protocol';
import type { PageState } from '../../messages/schemas';
import type { PopupApi } from '../api';
import { t } from '../i18n';

/**
 * The words a failed capture leaves to keep: its draft, else the page's selection now (the
 * background may have stopped before reading it), else as it was when the view opened.
 */
export async function keptWords(
  api: PopupApi,
  tabId: number,
  failure: CaptureFailure,
  opened: PageState | null,
  onRetry: () => void,
): Promise<VNode | null> {
  const now = failure.draft ? null : await api.readPage(tabId).catch(() => null);
  const text = failure.draft?.text ?? now?.selection?.text ?? opened?.selection?.text;
  return text ? <KeptWords text={text} onRetry={onRetry} copy={api.copy} /> : null;
}

interface Props {
  text: string;
  onRetry: () => void;
  copy: PopupApi['copy'];
}

export function KeptWords({ text, onRetry, copy }: Props) {
  const [copied, setCopied] = useState<boolean | null>(null);
  return (
    <div class="kept-words" role="group" aria-label={t('popupKeptWords')}>
      <textarea readOnly rows={3} value={text} aria-label={t('popupKeptWords')} />
      <div class="actions">
        <button type="button" class="primary" onClick={onRetry}>
          {t('toastRetry')}
        </button>
        <button type="button" onClick={() => void copy(text).then(setCopied)}>
          {t('toastCopy')}
        </button>
        {copied !== null && (
          <span class="muted" role="status">
            {t(copied ? 'toastCopied' : 'toastCopyFailed')}
          </span>
        )}
      </div>
    </div>
  );
}
