/**
 * A piece of Earmark's own UI on someone else's page: a host element with a closed shadow
 * root, so the page's CSS can't restyle it and the page's scripts can't reach into it. It is
 * attached to <html>, outside <body>, so it is never part of the text Earmark anchors to, and
 * it is added only when shown.
 */
export interface ShadowUi {
  host: HTMLElement;
  root: ShadowRoot;
  remove(): void;
}

/** A button that, when pressed, neither takes focus from the page nor drops its selection. */
export function keepFocusOnPage(element: HTMLElement): void {
  element.addEventListener('mousedown', (event) => event.preventDefault());
  element.addEventListener('pointerdown', (event) => event.preventDefault());
}

export function mountShadowUi(doc: Document, tag: string, css: string): ShadowUi {
  const host = doc.createElement(tag);
  // The host itself is in the page's light DOM: pin what the page's CSS could change.
  host.style.setProperty('all', 'initial', 'important');
  host.style.setProperty('position', 'fixed', 'important');
  host.style.setProperty('z-index', '2147483647', 'important');
  host.style.setProperty('display', 'block', 'important');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  doc.documentElement.append(host);
  return { host, root, remove: () => host.remove() };
}

/** Shared look: the extension's purple, readable on any page, light or dark. */
export const BASE_CSS = `
:host { font: 13px/1.4 system-ui, sans-serif; color: #1f1933; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #7c3aed;
  background: #7c3aed; color: #fff; padding: 3px 10px; }
button.quiet { background: #fff; color: #5b21b6; }
`;
