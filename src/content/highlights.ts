/**
 * Saved quotes drawn on the page again with the CSS Custom Highlight API: the page's DOM is
 * not modified (the ranges live in `CSS.highlights`, the colour in an adopted style sheet).
 *
 * The background finds the quotes in the page's text (see background/highlights.ts); this
 * turns its offsets back into Ranges over the same text (core/page-text.ts: read natively,
 * not walked node by node, so a 3-hour transcript's highlights come back quickly: issue 16).
 * A pass runs when the page starts or navigates, after a capture or Undo, and, throttled, when
 * the page's text changes: transcripts often load after the page. None of this runs on a page with no saved quotes.
 */
import { readPageText, type PageText } from '../core/page-text';
import { placeVerbatim } from '../core/verbatim';
import type { HighlightsReply, SavedQuotesReply } from '../messages/schemas';
import { readableDocuments } from '../core/frames';

export const HIGHLIGHT_NAME = 'earmark';
/** At most one pass per this many milliseconds while the page's DOM keeps changing. */
export const RETRY_MS = 1_500;

/** The colour, as a browser reports it computed: how the manifest's sheet is recognised. */
const HIGHLIGHT_COLOUR = 'rgba(250, 204, 21, 0.45)';
/** The rule, here and in `highlight.css` (the manifest's copy; a unit test keeps them equal). */
export const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}) { background-color: ${HIGHLIGHT_COLOUR}; }`;

export interface HighlighterDeps {
  /**
   * Asks the background for the episode's quotes (words, context, position); null when it
   * can't say. Those all still where they were are drawn without `place` (issue 16).
   * Without it, every pass asks `place`.
   */
  saved?(): Promise<SavedQuotesReply | null>;
  /** Asks the background where this page's quotes are in `texts`; null when it can't say. */
  place(texts: string[]): Promise<HighlightsReply | null>;
  /** Moves the page's player to a time (Alt+click on a highlight). */
  seek(timeSec: number): void;
  /** Shows the quote in Earmark's side panel or popup (a plain click on a highlight). */
  open(quoteId: string): void;
}

interface Drawn {
  range: Range;
  quoteId: string;
  timeSec: number | null;
}

export interface Highlighter {
  /** Starts (or stops, with 0) drawing: the page's episode has this many quotes. */
  update(quoteCount: number): void;
  /** The quotes changed (a capture, an Undo): look again now. */
  refresh(): void;
  /**
   * Looks in this very task, not after it: at start-up the page's text is read and sent to
   * the background first, so the background places the quotes while the rest of the content
   * script starts. Resolves when that look is over (drawn, or nothing to draw); at once when
   * a look was already on its way (it is then looked at again after it).
   */
  lookNow(): Promise<void>;
  stop(): void;
  /** What is drawn now, for tests and the click handler. */
  drawn(): readonly Drawn[];
}

export function createHighlighter(top: Document, deps: HighlighterDeps): Highlighter {
  let controller: AbortController | null = null;
  let observer: MutationObserver | null = null;
  let lastTexts: string[] | null = null;
  let drawn: Drawn[] = [];
  let drawnIn = new Set<Document>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let pending: 'changed' | 'forced' | null = null;
  /** Bumped by stop(): a reply that arrives after it is dropped. */
  let generation = 0;
  /** Bumped on every DOM change the observer sees. */
  let changes = 0;

  function start(): void {
    if (controller) return;
    controller = new AbortController();
    top.addEventListener('click', onClick, { capture: true, signal: controller.signal });
    observer = new MutationObserver(() => {
      changes++;
      schedule('changed');
    });
  }

  function schedule(kind: 'changed' | 'forced'): void {
    if (!controller) return;
    pending = pending === 'forced' ? 'forced' : kind;
    if (timer !== undefined || running) return;
    timer = setTimeout(
      () => {
        timer = undefined;
        void run();
      },
      kind === 'forced' ? 0 : RETRY_MS,
    );
  }

  async function run(): Promise<void> {
    const kind = pending;
    pending = null;
    if (!kind || !controller) return;
    running = true;
    try {
      await pass(kind === 'forced');
    } finally {
      running = false;
      // Changes seen during the pass wait for the throttle, not for the next change.
      if (pending) schedule(pending);
    }
  }

  async function pass(force: boolean): Promise<void> {
    // Asked before the text is read, so the background reads the store meanwhile. A pass for
    // a change of the DOM asks only once it knows the text changed.
    const early = force ? deps.saved?.() : undefined;
    const docs = readableDocuments(top).filter((doc) => doc.body);
    const pages = docs.map((doc) => readPageText(doc.body));
    const texts = pages.map((page) => page.text);
    if (!force && lastTexts && sameTexts(texts, lastTexts)) return;
    lastTexts = texts;
    for (const doc of docs) {
      observer?.observe(doc.body, { childList: true, subtree: true, characterData: true });
    }
    const ask = generation;
    const seen = changes;
    const saved = deps.saved ? await (early ?? deps.saved()) : null;
    if (ask !== generation || !controller) return;
    // Every quote where it was saved: drawn from the page's own text. Any other: the
    // background's matcher places them all in the texts sent.
    const placed = saved && placeVerbatim(saved.quotes, texts[0] ?? '');
    const reply = placed
      ? { episodeId: saved.episodeId, placed, orphans: [] }
      : await deps.place(texts);
    if (!reply || ask !== generation || !controller) return;
    // Changes not yet delivered to the observer count too.
    if (observer && observer.takeRecords().length > 0) {
      changes++;
      schedule('changed');
    }
    // The page changed while the background searched: the offsets may no longer fit it. On a
    // page that did not change, no second read of its text.
    if (changes !== seen) {
      const now = docs.map((doc) => (doc.body ? readPageText(doc.body).text : ''));
      if (!sameTexts(now, texts)) {
        lastTexts = null;
        schedule('changed');
        return;
      }
    }
    draw(docs, pages, reply);
  }

  function draw(docs: Document[], pages: PageText[], reply: HighlightsReply): void {
    const next: Drawn[] = [];
    const byDoc = new Map<Document, Range[]>();
    for (const place of reply.placed) {
      const doc = docs[place.root];
      const range = doc && pages[place.root]!.range(place.start, place.end);
      if (!doc || !range) continue;
      next.push({ range, quoteId: place.quoteId, timeSec: place.timeSec });
      byDoc.set(doc, [...(byDoc.get(doc) ?? []), range]);
    }
    for (const doc of drawnIn) if (!byDoc.has(doc)) registry(doc)?.delete(HIGHLIGHT_NAME);
    for (const [doc, ranges] of byDoc) {
      const view = doc.defaultView;
      const highlights = registry(doc);
      if (!view || !highlights || typeof view.Highlight !== 'function') continue;
      ensureStyle(doc);
      highlights.set(HIGHLIGHT_NAME, new view.Highlight(...ranges));
      if (doc !== top) {
        // A frame's clicks don't reach the top document.
        doc.addEventListener('click', onClick, { capture: true, signal: controller!.signal });
      }
    }
    drawnIn = new Set(byDoc.keys());
    drawn = next;
  }

  /**
   * A click on a highlight opens its quote in Earmark; Alt+click plays the episode from the
   * quote's time. Clicks the page or browser give a meaning are left alone: on links, buttons
   * and fields, with other modifiers (new tab, extend the selection), the end of a drag that
   * selected text, and clicks a script made up.
   */
  function onClick(event: MouseEvent): void {
    if (drawn.length === 0 || !event.isTrusted || event.button !== 0) return;
    if (event.ctrlKey || event.metaKey || event.shiftKey) return;
    // The document this listener is on: the top one or a same-origin frame's.
    const doc = event.currentTarget as Document;
    const point = caretAt(doc, event.clientX, event.clientY);
    if (!point) return;
    const hit = drawn.find(
      (d) =>
        d.range.startContainer.ownerDocument === doc &&
        d.range.isPointInRange(point.node, point.offset),
    );
    if (!hit) return;
    if (event.altKey) {
      if (hit.timeSec === null) return;
      event.preventDefault();
      deps.seek(hit.timeSec);
      return;
    }
    if (isInteractive(event.target) || !(doc.getSelection()?.isCollapsed ?? true)) return;
    deps.open(hit.quoteId);
  }

  function clear(): void {
    for (const doc of drawnIn) registry(doc)?.delete(HIGHLIGHT_NAME);
    drawnIn = new Set();
    drawn = [];
  }

  function stop(): void {
    generation++;
    controller?.abort();
    controller = null;
    observer?.disconnect();
    observer = null;
    clearTimeout(timer);
    timer = undefined;
    pending = null;
    lastTexts = null;
    clear();
  }

  return {
    update(quoteCount) {
      if (quoteCount <= 0) return stop();
      start();
      schedule('forced');
    },
    refresh() {
      start();
      schedule('forced');
    },
    lookNow() {
      start();
      if (running || timer !== undefined) {
        schedule('forced');
        return Promise.resolve();
      }
      pending = 'forced';
      return run();
    },
    stop,
    drawn: () => drawn,
  };
}

function sameTexts(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((text, i) => text === b[i]);
}

function registry(doc: Document): HighlightRegistry | null {
  return doc.defaultView?.CSS?.highlights ?? null;
}

/** Our own style sheets, told apart from the page's. */
const ourSheets = new WeakSet<CSSStyleSheet>();
/** Documents given the fallback <style>, once each. */
const styled = new WeakSet<Document>();

/**
 * The highlight colour. On a page the start-up script runs on, the manifest's `highlight.css`
 * (declared beside it, so in the page before its first styling) already gives it: a sheet
 * added now would make the browser restyle every element of the page (~200–400 ms on a
 * 3-hour transcript, issue 16). Elsewhere (a same-origin frame, a page Earmark was added to
 * by a click), it is an adopted style sheet: no element is added to the page. Checked on
 * every draw, because a page may replace its adopted sheets.
 */
function ensureStyle(doc: Document): void {
  const view = doc.defaultView;
  try {
    const sheets = doc.adoptedStyleSheets;
    if (sheets.some((sheet) => ourSheets.has(sheet)) || hasHighlightColour(doc)) return;
    const sheet = new view!.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    ourSheets.add(sheet);
    doc.adoptedStyleSheets = [...sheets, sheet];
  } catch {
    // No constructable style sheets here: one <style>, once, outside <body>.
    if (styled.has(doc)) return;
    styled.add(doc);
    const style = doc.createElement('style');
    style.textContent = HIGHLIGHT_CSS;
    doc.documentElement.append(style);
  }
}

/** Whether some style sheet already colours our highlight in `doc` (the manifest's, or ours). */
function hasHighlightColour(doc: Document): boolean {
  if (!doc.body || !doc.defaultView) return false;
  // The exact colour: a browser that can't compute a highlight's style may answer with the
  // element's own, and then the sheet is added, as before.
  const style = doc.defaultView.getComputedStyle(doc.body, `::highlight(${HIGHLIGHT_NAME})`);
  return style.backgroundColor === HIGHLIGHT_COLOUR;
}

/** Elements whose clicks belong to the page: following a link, pressing, typing. */
const INTERACTIVE = 'a[href], button, input, select, textarea, label, summary, [contenteditable]';

/** Node types, not `instanceof`: a frame's nodes come from another window's constructors. */
function isInteractive(target: EventTarget | null): boolean {
  const node = target as Node | null;
  const element = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
  return element?.closest(INTERACTIVE) != null;
}

function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const position = doc.caretPositionFromPoint?.(x, y);
  if (position) return { node: position.offsetNode, offset: position.offset };
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
