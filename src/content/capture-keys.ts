/**
 * The page's own capture key, Alt+Shift+Q: the same keys as the browser shortcut. When the
 * shortcut is registered the browser takes the key before the page sees it; when it is not
 * (another extension holds it, or a test presses keys in the page) this path saves instead,
 * through the same background capture.
 */
import { selectedRange } from './selection';

/** By physical key, so that Alt's dead keys on macOS and other layouts still match. */
export function isCaptureKey(event: KeyboardEvent): boolean {
  return (
    event.code === 'KeyQ' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey
  );
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    (target.closest('input, textarea, select') !== null ||
      (target as HTMLElement).isContentEditable === true)
  );
}

/**
 * Listens on the window in the capture phase, so a page that stops key events still lets this
 * one through; it is taken from the page (preventDefault) only when there is text to save.
 */
export function watchCaptureKeys(
  doc: Document,
  options: { onCapture: () => void; signal: AbortSignal },
): void {
  doc.defaultView!.addEventListener(
    'keydown',
    (event) => {
      // A page script can dispatch the same keys: only the person's own press saves.
      if (!event.isTrusted || !isCaptureKey(event) || event.repeat) return;
      if (isEditable(event.target)) return;
      if (!selectedRange(doc)) return;
      event.preventDefault();
      options.onCapture();
    },
    { capture: true, signal: options.signal },
  );
}
