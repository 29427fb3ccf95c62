/**
 * What an episode page runs until the person acts (issue 16): detection and the report that
 * lights the badge, following a single-page app, and three listeners that notice the first
 * use: a selection, the capture key, and a message from the extension (the popup, the side
 * panel, the shortcut or menu via the background). The rest of the content script (`main.ts`:
 * capture, confirmation, floating button, highlights) is added then, by the background, and
 * takes the page over. It is added at once when the page's episode already has saved quotes.
 */
import type { Detection } from '../core/detect';
import { watchCaptureKeys } from './capture-keys';
import { followNavigation } from './navigation';
import { senderKind } from '../messages/senders';
import {
  detectPage,
  holdSelection,
  readPageWithoutSelection,
  selectedRange,
  type HeldSelection,
} from './page-state';
import { contentParts, type MainPart, type PageReport } from './parts';
import { currentTime } from './player';
import { extensionSelf, noAnswer, onMessage, sendToBackground as ask } from './runtime';

/** Tries to add the rest this many times before giving up (a background restarting). */
const LOAD_ATTEMPTS = 3;
const LOAD_RETRY_MS = 300;

const parts = contentParts();
if (!parts.watch && !parts.main) watch();

function watch(): void {
  const stops: (() => void)[] = [];
  let report: PageReport | null = null;
  let lastKey = '';
  let selectedAt: number | null = null;
  let held: { held: HeldSelection; timeSec: number | null } | null = null;
  let loading: Promise<MainPart | null> | null = null;

  /** The rest of the content script, added by the background; null if it could not be. */
  const loadRest = (): Promise<MainPart | null> => {
    const ready = contentParts().main;
    if (ready) return Promise.resolve(ready);
    loading ??= (async () => {
      for (let attempt = 1; attempt <= LOAD_ATTEMPTS; attempt++) {
        await ask({ type: 'content/load', part: 'all' });
        const main = contentParts().main;
        if (main) return main;
        await new Promise((resolve) => setTimeout(resolve, LOAD_RETRY_MS * attempt));
      }
      loading = null;
      return null;
    })();
    return loading;
  };

  const reportPage = (): void => {
    const url = location.href;
    const detection: Detection = detectPage(document, url);
    const key = `${url}|${detection.kind}|${detection.episode?.title ?? ''}`;
    if (key === lastKey) return;
    lastKey = key;
    void ask({ type: 'page/detected', url, detection }).then((reply) => {
      if (!reply.ok || key !== lastKey) return;
      const answer: PageReport['reply'] = 'quoteCount' in reply ? reply : {};
      report = { key, url, title: document.title, detection, reply: answer };
      // Saved quotes are drawn without waiting for a use (a frame hears no count: it looks).
      if ((answer.quoteCount ?? 1) > 0) void loadRest();
    });
  };

  const keys = new AbortController();
  stops.push(() => keys.abort());
  // Only the person's own key press (capture-keys checks isTrusted), with words selected.
  watchCaptureKeys(document, {
    signal: keys.signal,
    onCapture: () => {
      const selection = holdSelection(document);
      if (!selection) return;
      // The words and the player's time as they are at the press, not once the rest is in.
      held = { held: selection, timeSec: currentTime(document) };
      void loadRest().then((main) => {
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
    void loadRest();
  };
  document.addEventListener('selectionchange', onSelection, { signal: keys.signal });

  const self = extensionSelf();
  stops.push(
    onMessage(async (message, sender) => {
      // The popup's first question on opening, with nothing selected, is answered here:
      // opening Earmark doesn't wait for the rest (a selection has added it already).
      if (
        isPageRead(message) &&
        senderKind(sender, self.id, self.origin) === 'extension-page' &&
        !selectedRange(document)
      ) {
        return { ok: true, page: readPageWithoutSelection(document, location.href) };
      }
      const main = await loadRest();
      if (!main) return noAnswer;
      return main.route(message, sender);
    }),
  );

  stops.push(followNavigation(reportPage));

  parts.watch = {
    handOver() {
      for (const stop of stops) stop();
      delete parts.watch;
      return { report, selectedAt };
    },
  };
  reportPage();
}

/** `page/read`, which carries nothing but its type (its schema in messages/schemas.ts). */
function isPageRead(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === 'page/read'
  );
}
