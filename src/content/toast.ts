/**
 * The in-page confirmation after a capture: "Saved at 1:02 · Sam Rivera" with Undo; or why it
 * failed, with the text kept as a draft (Copy, and Retry when saving again can work). A
 * failure stays until the person closes it: the draft lives here until then.
 */
import { formatEpisodeClock } from '../core/time';
import type { CaptureFeedback, PageState } from '../messages/schemas';
import { BASE_CSS, keepFocusOnPage, mountShadowUi, type ShadowUi } from './shadow-ui';

export interface ToastActions {
  /** Deletes the quote just saved; resolves with an error text, or null when done. */
  undo(quoteId: string): Promise<string | null>;
  /** Opens a saved quote where the person edits it (the side panel), as a highlight's click does. */
  open(quoteId: string): void;
  /** Saves the draft again; the outcome comes back as a new toast. */
  retry(page: PageState): void;
  copy(text: string): Promise<boolean>;
  t(key: string, ...substitutions: string[]): string;
}

/** How long a confirmation stays; failures stay until closed. */
export const TOAST_MS = 8_000;

const CSS = `${BASE_CSS}
.toast { box-sizing: border-box; max-width: min(380px, calc(100vw - 32px)); padding: 10px 12px;
  border-radius: 10px; background: #fff; border: 1px solid #c4b5fd;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18); display: grid; gap: 8px; }
.toast.error { border-color: #dc2626; }
.message { margin: 0; }
.draft { margin: 0; max-height: 8em; overflow: auto; user-select: text; font-style: italic;
  color: #4b4560; white-space: pre-wrap; }
.actions { display: flex; gap: 6px; justify-content: flex-end; }
`;

let current: { ui: ShadowUi; timer: ReturnType<typeof setTimeout> | undefined } | null = null;

export function hideToast(): void {
  if (!current) return;
  clearTimeout(current.timer);
  current.ui.remove();
  current = null;
}

/** A toast on the page: its box, message line and buttons, and how to close it. */
function openToast(doc: Document, error: boolean) {
  hideToast();
  const ui = mountShadowUi(doc, 'earmark-toast', CSS);
  ui.host.style.setProperty('right', '16px', 'important');
  ui.host.style.setProperty('bottom', '16px', 'important');
  const box = doc.createElement('div');
  box.className = error ? 'toast error' : 'toast';
  // Announced without moving focus: the person keeps listening and reading.
  box.setAttribute('role', error ? 'alert' : 'status');
  const message = doc.createElement('p');
  message.className = 'message';
  const buttons = doc.createElement('div');
  buttons.className = 'actions';
  box.append(message);
  const entry = { ui, timer: undefined as ReturnType<typeof setTimeout> | undefined };
  current = entry;

  const button = (label: string, onClick: () => void, quiet = true) => {
    const element = doc.createElement('button');
    element.type = 'button';
    element.textContent = label;
    if (quiet) element.className = 'quiet';
    keepFocusOnPage(element);
    element.addEventListener('click', onClick);
    buttons.append(element);
    return element;
  };
  const close = () => {
    if (current === entry) hideToast();
  };
  const closeLater = (ms: number) => {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(close, ms);
  };
  /** Adds Close and shows the toast; call after the other buttons. */
  const show = (closeLabel: string) => {
    button(closeLabel, close);
    box.append(buttons);
    ui.root.append(box);
  };
  return { box, message, button, close, closeLater, show, entry };
}

export function showToast(doc: Document, feedback: CaptureFeedback, actions: ToastActions): void {
  // A passage saved before is no failure: said calmly, with the quote to open instead.
  const savedBefore = !feedback.ok ? feedback.savedQuoteId : undefined;
  const { box, message, button, close, closeLater, show, entry } = openToast(
    doc,
    !feedback.ok && !savedBefore,
  );
  if (savedBefore) {
    message.textContent = feedback.ok ? '' : feedback.error;
    button(
      actions.t('toastOpenSaved'),
      () => {
        close();
        actions.open(savedBefore);
      },
      false,
    );
    box.addEventListener('mouseenter', () => clearTimeout(entry.timer));
    box.addEventListener('mouseleave', () => closeLater(TOAST_MS));
    closeLater(TOAST_MS);
  } else if (feedback.ok) {
    message.textContent = savedText(feedback, actions.t);
    const undo = button(actions.t('toastUndo'), () => {
      undo.disabled = true;
      void actions.undo(feedback.quoteId).then((error) => {
        message.textContent = error ?? actions.t('toastUndone');
        undo.remove();
        closeLater(error ? TOAST_MS : 2_000);
      });
    });
    // Hovering keeps it open, for a person who is reaching for Undo.
    box.addEventListener('mouseenter', () => clearTimeout(entry.timer));
    box.addEventListener('mouseleave', () => closeLater(TOAST_MS));
    closeLater(TOAST_MS);
  } else {
    message.textContent = feedback.error;
    if (feedback.text) {
      const draft = doc.createElement('p');
      draft.className = 'draft';
      draft.textContent = feedback.text;
      box.append(draft);
      const retry = feedback.retry;
      if (retry) button(actions.t('toastRetry'), () => actions.retry(retry), false);
      const copy = button(actions.t('toastCopy'), () => {
        void actions.copy(feedback.text!).then((copied) => {
          copy.textContent = actions.t(copied ? 'toastCopied' : 'toastCopyFailed');
        });
      });
    }
  }
  show(actions.t('toastClose'));
}

/** A message with Close, for what a click on the page could not do itself. */
export function showNotice(
  doc: Document,
  text: string,
  options: { error: boolean; t: ToastActions['t'] },
): void {
  const { message, closeLater, show } = openToast(doc, options.error);
  message.textContent = text;
  if (!options.error) closeLater(TOAST_MS);
  show(options.t('toastClose'));
}

function savedText(feedback: Extract<CaptureFeedback, { ok: true }>, t: ToastActions['t']): string {
  const time =
    feedback.timeSec === null
      ? t('toastSavedNoTime')
      : t('toastSavedAt', formatEpisodeClock(feedback.timeSec, feedback.hours ?? false));
  return feedback.speaker ? `${time} · ${feedback.speaker}` : time;
}
