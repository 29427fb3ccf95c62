/**
 * What an episode page listens for until the person acts (issue 16), set up by the start-up
 * script: a selection, the capture key, and a message from the extension (the popup, the side
 * panel, the shortcut or menu via the background). Each adds the part it needs, by asking the
 * background, and hands over to it; the rest (`main.ts`) stops these listeners when it takes
 * over the page.
 */
import { senderKind } from '../messages/senders';
import { watchCaptureKeys } from './capture-keys';
import { contentParts, type MainPart, type WatchPart } from './parts';
import { currentTime } from './player';
import { holdSelection, selectedRange, type HeldSelection } from './selection';
import { extensionSelf, noAnswer, onMessage, sendToBackground as ask } from './runtime';

/** Tries to add a part this many times before giving up (a background restarting). */
const LOAD_ATTEMPTS = 3;
const LOAD_RETRY_MS = 300;

type PartName = 'watch' | 'all';
const loading: Partial<Record<PartName, Promise<unknown>>> = {};

function present(part: PartName): WatchPart | MainPart | undefined {
  const parts = contentParts();
  return part === 'all' ? parts.main : parts.watch;
}

/** Has the background add a part (`all`: the rest) and waits for it; null if it could not be. */
export function loadPart(part: 'all'): Promise<MainPart | null>;
export function loadPart(part: 'watch'): Promise<WatchPart | null>;
export function loadPart(part: PartName): Promise<unknown> {
  const ready = present(part);
  if (ready) return Promise.resolve(ready);
  loading[part] ??= (async () => {
    for (let attempt = 1; attempt <= LOAD_ATTEMPTS; attempt++) {
      await ask({ type: 'content/load', part });
      const added = present(part);
      if (added) return added;
      await new Promise((resolve) => setTimeout(resolve, LOAD_RETRY_MS * attempt));
    }
    delete loading[part];
    return null;
  })();
  return loading[part];
}

export function listenForFirstUse(): void {
  const parts = contentParts();
  if (parts.firstUse || parts.main) return;
  const keys = new AbortController();
  const stops: (() => void)[] = [() => keys.abort()];
  let selectedAt: number | null = null;
  let held: { held: HeldSelection; timeSec: number | null } | null = null;

  // Only the person's own key press (capture-keys checks isTrusted), with words selected.
  watchCaptureKeys(document, {
    signal: keys.signal,
    onCapture: () => {
      const selection = holdSelection(document);
      if (!selection) return;
      // The words and the player's time as they are at the press, not once the rest is in.
      held = { held: selection, timeSec: currentTime(document) };
      void loadPart('all').then((main) => {
        const waiting = held;
        held = null;
        if (main && waiting) main.capture(waiting.held, waiting.timeSec);
      });
    },
  });

  // A selection is the first step of every capture: add the rest while the person reaches
  // for the key or the button, which shows only once the selection settles (200 ms).
  const onSelection = () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.toString().trim() === '') return;
    selectedAt = performance.now();
    void loadPart('all');
  };
  document.addEventListener('selectionchange', onSelection, { signal: keys.signal });

  const self = extensionSelf();
  stops.push(
    onMessage(async (message, sender) => {
      // The popup's first question on opening, with nothing selected, needs only detection:
      // opening Earmark doesn't wait for the rest (a selection has added it already).
      if (
        isPageRead(message) &&
        senderKind(sender, self.id, self.origin) === 'extension-page' &&
        !selectedRange(document)
      ) {
        const watch = await loadPart('watch');
        if (watch) return { ok: true, page: watch.readPage() };
      }
      const main = await loadPart('all');
      if (!main) return noAnswer;
      return main.route(message, sender);
    }),
  );

  parts.firstUse = {
    handOver() {
      for (const stop of stops) stop();
      delete parts.firstUse;
      return { selectedAt };
    },
  };
}

/** `page/read`, which carries nothing but its type (its schema in messages/schemas.ts). */
function isPageRead(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'page/read'
  );
}
