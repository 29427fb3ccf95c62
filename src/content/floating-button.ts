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

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where the button goes: just above the selection's first line, at its start, so it covers
 * neither the selected words nor the line the person reads next (issue 19); below the last
 * line only when the selection starts at the top of the viewport. It keeps clear of `avoid`
 * (Earmark's own confirmation, bottom right) and inside the viewport.
 */
export function buttonPosition(
  first: { left: number; top: number },
  last: { right: number; bottom: number },
  viewport: { width: number; height: number },
  size: { width: number; height: number },
  avoid: Box | null = null,
): { left: number; top: number } {
  const clampLeft = (left: number) => Math.max(0, Math.min(left, viewport.width - size.width));
  const above = first.top - size.height - GAP_PX;
  let left = clampLeft(above >= 0 ? first.left : last.right - size.width);
  let top = above >= 0 ? above : last.bottom + GAP_PX;
  if (
    avoid &&
    overlaps({ left, top, right: left + size.width, bottom: top + size.height }, avoid)
  ) {
    top = avoid.top - size.height - GAP_PX;
    left = clampLeft(left);
  }
  return { left, top: Math.max(0, Math.min(top, viewport.height - size.height)) };
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** What the floating button offers, from the outside. */
export interface SaveButton {
  /**
   * The selection was just saved (by the button, the key, the menu or the popup): the button
   * goes and stays away until the selection changes, so the same words aren't offered again.
   */
  selectionSaved(): void;
}

export function watchSelectionForButton(
  doc: Document,
  options: {
    label: string;
    onSave: () => void;
    signal: AbortSignal;
    /**
     * When (performance.now()) a selection already on the page last changed, if the button
     * starts after it (it is added on first use): that selection gets its button once settled.
     */
    selectedAt?: number | null;
  },
): SaveButton {
  const view = doc.defaultView!;
  let ui: ShadowUi | null = null;
  let button: HTMLButtonElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The selection last saved, by its ends: no button for it until the selection moves. */
  let saved: readonly [Node, number, Node, number] | null = null;
  const ends = (range: Range) =>
    [range.startContainer, range.startOffset, range.endContainer, range.endOffset] as const;
  const isSaved = (range: Range) =>
    saved !== null && ends(range).every((end, i) => end === saved![i]);

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
    if (isSaved(range)) return hide();
    saved = null;
    if (inEditable(range.commonAncestorContainer)) return hide();
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    const first = rects[0] ?? last;
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
        markSaved();
        options.onSave();
      });
      ui.root.append(button);
    }
    const size = { width: button!.offsetWidth || 90, height: button!.offsetHeight || 26 };
    const toast = doc.querySelector('earmark-toast')?.getBoundingClientRect() ?? null;
    const { left, top } = buttonPosition(
      first,
      last,
      { width: view.innerWidth, height: view.innerHeight },
      size,
      toast,
    );
    ui.setStyle('left', `${left}px`);
    ui.setStyle('top', `${top}px`);
  };

  function markSaved(): void {
    const selection = doc.getSelection();
    saved = selection && selection.rangeCount > 0 ? ends(selection.getRangeAt(0)) : null;
    hide();
  }

  const schedule = (delay = SETTLE_MS) => {
    clearTimeout(timer);
    timer = setTimeout(place, delay);
  };

  doc.addEventListener('selectionchange', () => schedule(), { signal: options.signal });
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
  if (options.selectedAt != null) {
    schedule(Math.max(0, SETTLE_MS - (view.performance.now() - options.selectedAt)));
  }
  return { selectionSaved: markSaved };
}
