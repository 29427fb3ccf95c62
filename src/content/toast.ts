/**
 * The in-page confirmation after a capture: "Saved at 1:02 · Sam Rivera" with Undo; or why it
 * failed, with the text kept as a draft (Copy, and Retry when saving again can work). A
 * failure stays until the person closes it or its words are saved: the draft lives here until
 * then, and no later toast replaces it (they stack above it).
 */
import { formatEpisodeClock } from '../core/time';
import type { CaptureFeedback, PageState } from '../messages/schemas';
import { BASE_CSS, keepFocusOnPage, mountShadowUi, type ShadowUi } from './shadow-ui';

export interface ToastActions {
  /** Deletes the quote just saved; resolves with an error text, or null when done. */
  undo(quoteId: string): Promise<string | null>;
  /** Opens a saved quote where the person edits it (the side panel), as a highlight's click does. */
  open(quoteId: string): void;
  /** Saves the draft again; the outcome comes back as a new toast. Resolves whether it saved. */
  retry(page: PageState): Promise<boolean>;
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

/** One toast on the page; `keeps` is true while it holds words not yet saved (a draft). */
interface Entry {
  ui: ShadowUi;
  timer: ReturnType<typeof setTimeout> | undefined;
  keeps: boolean;
}

/** Oldest first. Only toasts holding a draft stay when another arrives; they stack. */
let entries: Entry[] = [];
const GAP_PX = 8;

/** What a caller can do with the toast it showed. */
export interface ToastHandle {
  /** Closes it, if still shown (its draft was saved another way). */
  close(): void;
}

/** Removes every toast, drafts too (the content script is going away, or a test ends). */
export function hideToast(): void {
  for (const entry of entries) {
    clearTimeout(entry.timer);
    entry.ui.remove();
  }
  entries = [];
}

function removeEntry(entry: Entry): void {
  if (!entries.includes(entry)) return;
  clearTimeout(entry.timer);
  entry.ui.remove();
  entries = entries.filter((e) => e !== entry);
  layout();
}

/** Stacks the toasts from the bottom right, oldest lowest. */
function layout(): void {
  let bottom = 16;
  for (const entry of entries) {
    entry.ui.setStyle('bottom', `${bottom}px`);
    bottom += (entry.ui.host.getBoundingClientRect().height || 0) + GAP_PX;
  }
}

/**
 * A toast on the page: its box, message line and buttons, and how to close it. The previous
 * confirmation goes, but never a failure that still holds the person's words (issue 18).
 */
function openToast(doc: Document, error: boolean, keeps: boolean) {
  for (const entry of [...entries]) if (!entry.keeps) removeEntry(entry);
  const ui = mountShadowUi(doc, 'earmark-toast', CSS);
  ui.setStyle('right', '16px');
  const box = doc.createElement('div');
  box.className = error ? 'toast error' : 'toast';
  // Announced without moving focus: the person keeps listening and reading.
  box.setAttribute('role', error ? 'alert' : 'status');
  const message = doc.createElement('p');
  message.className = 'message';
  const buttons = doc.createElement('div');
  buttons.className = 'actions';
  box.append(message);
  const entry: Entry = { ui, timer: undefined, keeps };
  entries.push(entry);

  const button = (label: string, onClick: () => void, quiet = true) => {
    const element = doc.createElement('button');
    element.type = 'button';
    element.textContent = label;
    if (quiet) element.className = 'quiet';
    keepFocusOnPage(element);
    element.addEventListener('click', (event) => {
      if (ui.acceptsClick(event)) onClick();
    });
    buttons.append(element);
    return element;
  };
  const close = () => removeEntry(entry);
  const closeLater = (ms: number) => {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(close, ms);
  };
  /** Adds Close and shows the toast; call after the other buttons. */
  const show = (closeLabel: string) => {
    button(closeLabel, close);
    box.append(buttons);
    ui.root.append(box);
    layout();
  };
  return { box, message, button, closeLater, show, entry, close };
}

export function showToast(
  doc: Document,
  feedback: CaptureFeedback,
  actions: ToastActions,
): ToastHandle {
  // A passage saved before is no failure: said calmly, with the quote to open instead.
  const savedBefore = !feedback.ok ? feedback.savedQuoteId : undefined;
  const keeps = !feedback.ok && !savedBefore && !!feedback.text;
  const { box, message, button, closeLater, show, entry, close } = openToast(
    doc,
    !feedback.ok && !savedBefore,
    keeps,
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
      if (retry) {
        const again = button(
          actions.t('toastRetry'),
          () => {
            again.disabled = true;
            // Saved: the words are in the library now, and the new confirmation says so.
            void actions.retry(retry).then((saved) => (saved ? close() : (again.disabled = false)));
          },
          false,
        );
      }
      const copy = button(actions.t('toastCopy'), () => {
        void actions.copy(feedback.text!).then((copied) => {
          copy.textContent = actions.t(copied ? 'toastCopied' : 'toastCopyFailed');
        });
      });
    }
  }
  show(actions.t('toastClose'));
  return { close };
}

/** A message with Close, for what a click on the page could not do itself. */
export function showNotice(
  doc: Document,
  text: string,
  options: { error: boolean; t: ToastActions['t'] },
): void {
  const { message, closeLater, show } = openToast(doc, options.error, false);
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
