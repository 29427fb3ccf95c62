/**
 * A small "Save quote" button by the selection, on podcast episode pages. It lives in a closed
 * shadow root, never takes focus (pressing it keeps the page's focus and selection), listens
 * to no keys, and is added to the page only while there is a selection to save.
 */
import { normalizeWhitespace } from '../core/whitespace';
import { BASE_CSS, keepFocusOnPage, mountShadowUi, type ShadowUi } from './shadow-ui';

const CSS = `${BASE_CSS}
button { box-shadow: 0 2px 10px rgb(0 0 0 / 0.25); padding: 4px 10px; }
`;

/** Waits for the selection to settle (a drag fires many selectionchange events). */
const SETTLE_MS = 200;
const GAP_PX = 6;

/** True when the selection is inside something the person types in: they are editing. */
function inEditable(node: Node | null): boolean {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return !!element?.closest('input, textarea, [contenteditable=""], [contenteditable="true"]');
}

/** Where the button goes: just below the end of the selection, kept inside the viewport. */
export function buttonPosition(
  rect: { right: number; bottom: number },
  viewport: { width: number; height: number },
  size: { width: number; height: number },
): { left: number; top: number } {
  const left = Math.min(Math.max(0, rect.right - size.width), viewport.width - size.width);
  const below = rect.bottom + GAP_PX;
  const top =
    below + size.height > viewport.height ? rect.bottom - size.height - GAP_PX * 4 : below;
  return { left: Math.max(0, left), top: Math.max(0, top) };
}

export function watchSelectionForButton(
  doc: Document,
  options: { label: string; onSave: () => void; signal: AbortSignal },
): void {
  const view = doc.defaultView!;
  let ui: ShadowUi | null = null;
  let button: HTMLButtonElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const hide = () => {
    ui?.remove();
    ui = null;
    button = null;
  };

  const place = () => {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return hide();
    if (normalizeWhitespace(selection.toString()) === '') return hide();
    const range = selection.getRangeAt(0);
    if (inEditable(range.commonAncestorContainer)) return hide();
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    if (!last || (last.width === 0 && last.height === 0)) return hide();
    if (!ui) {
      ui = mountShadowUi(doc, 'earmark-save-button', CSS);
      button = doc.createElement('button');
      button.type = 'button';
      button.textContent = options.label;
      // Not in the page's tab order: a button that comes and goes must not trap Tab.
      button.tabIndex = -1;
      keepFocusOnPage(button);
      const shown = ui;
      button.addEventListener('click', (event) => {
        // Only the person's own click on a button they can see (finding 1 and 3 of issue 18).
        if (!shown.acceptsClick(event)) return;
        hide();
        options.onSave();
      });
      ui.root.append(button);
    }
    const size = { width: button!.offsetWidth || 90, height: button!.offsetHeight || 26 };
    const { left, top } = buttonPosition(
      last,
      { width: view.innerWidth, height: view.innerHeight },
      size,
    );
    ui.setStyle('left', `${left}px`);
    ui.setStyle('top', `${top}px`);
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(place, SETTLE_MS);
  };

  doc.addEventListener('selectionchange', schedule, { signal: options.signal });
  // The button is fixed to the viewport; the selection scrolls with the page.
  view.addEventListener('scroll', () => ui && schedule(), {
    passive: true,
    capture: true,
    signal: options.signal,
  });
  options.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    hide();
  });
}
