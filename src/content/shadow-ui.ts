/**
 * A piece of Earmark's own UI on someone else's page: a host element with a closed shadow
 * root, so the page's CSS can't restyle it and the page's scripts can't reach into it. It is
 * attached to <html>, outside <body>, so it is never part of the text Earmark anchors to, and
 * it is added only when shown.
 *
 * The host itself is in the page's light DOM, where a page script can touch it: its inline
 * style, its attributes, its place. While it is shown, what the page changes is put back at
 * once, and a click counts only when the person made it and the UI was visibly on top where
 * they clicked (docs/decisions/0008-in-page-ui-the-page-cannot-hide.md).
 */
export interface ShadowUi {
  host: HTMLElement;
  root: ShadowRoot;
  /** Sets one of the host's own style properties (position, say); kept against the page. */
  setStyle(property: string, value: string): void;
  /** True when this click came from the person and the UI was visibly on top where it landed. */
  acceptsClick(event: MouseEvent): boolean;
  remove(): void;
}

/** A button that, when pressed, neither takes focus from the page nor drops its selection. */
export function keepFocusOnPage(element: HTMLElement): void {
  element.addEventListener('mousedown', (event) => event.preventDefault());
  element.addEventListener('pointerdown', (event) => event.preventDefault());
}

/** What the host must look like; the page's CSS can't reach past `all: initial !important`. */
const PINNED: readonly [string, string][] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['visibility', 'visible'],
  ['opacity', '1'],
];

/** How long the browser must have seen the UI unobscured before a click on it counts. */
const VISIBLE_DELAY_MS = 100;

export function mountShadowUi(doc: Document, tag: string, css: string): ShadowUi {
  const view = doc.defaultView!;
  const host = doc.createElement(tag);
  const own = new Map<string, string>(PINNED);
  let expected = '';
  const applyStyle = () => {
    host.removeAttribute('style');
    for (const [property, value] of own) host.style.setProperty(property, value, 'important');
    expected = host.getAttribute('style') ?? '';
  };
  applyStyle();
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  doc.documentElement.append(host);

  // The page may restyle, hide (`hidden`, `popover`, `inert`) or move the host: put it back.
  const guard = new view.MutationObserver(() => {
    if ((host.getAttribute('style') ?? '') !== expected) applyStyle();
    for (const name of host.getAttributeNames()) if (name !== 'style') host.removeAttribute(name);
    if (host.parentNode !== doc.documentElement) doc.documentElement.append(host);
  });
  guard.observe(host, { attributes: true });
  guard.observe(doc.documentElement, { childList: true });

  // Chromium's IntersectionObserver v2 says whether the browser painted the host unobscured,
  // unfaded and untransformed, which no style check can: a page's overlay with
  // `pointer-events: none` lets clicks through while hiding what is under it.
  let visible: boolean | null = null;
  let observer: IntersectionObserver | null = null;
  try {
    observer = new view.IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1) as
          (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
        if (entry && typeof entry.isVisible === 'boolean') visible = entry.isVisible;
      },
      {
        threshold: [1],
        trackVisibility: true,
        delay: VISIBLE_DELAY_MS,
      } as IntersectionObserverInit,
    );
    observer.observe(host);
  } catch {
    observer = null;
  }

  return {
    host,
    root,
    setStyle(property, value) {
      own.set(property, value);
      applyStyle();
    },
    acceptsClick(event) {
      if (!event.isTrusted) return false;
      // Where the browser tracks visibility, its word; elsewhere (Firefox), styles and hit test.
      if (visible !== null) return visible;
      return looksOnTop(doc, host, event);
    },
    remove() {
      guard.disconnect();
      observer?.disconnect();
      host.remove();
    },
  };
}

/**
 * Without visibility tracking: the host and everything above it are opaque and unfiltered,
 * and it is what the page hit-tests at the click (a keyboard click has no place: skipped).
 */
function looksOnTop(doc: Document, host: HTMLElement, event: MouseEvent): boolean {
  const view = doc.defaultView!;
  for (let element: Element | null = host; element; element = element.parentElement) {
    const style = view.getComputedStyle(element);
    if (Number(style.opacity || '1') < 1 || (style.visibility || 'visible') !== 'visible') {
      return false;
    }
    const filtered = (style.filter || 'none') !== 'none';
    if (filtered || ((style.transform || 'none') !== 'none' && element !== host)) return false;
  }
  if (event.detail === 0 && event.clientX === 0 && event.clientY === 0) return true;
  return doc.elementFromPoint(event.clientX, event.clientY) === host;
}

/** Shared look: the extension's purple, readable on any page, light or dark. */
export const BASE_CSS = `
:host { font: 13px/1.4 system-ui, sans-serif; color: #1f1933; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #7c3aed;
  background: #7c3aed; color: #fff; padding: 3px 10px; }
button.quiet { background: #fff; color: #5b21b6; }
`;
