import { useEffect, useRef, useState } from 'preact/hooks';
import type { PopupApi } from '../api';

/**
 * When to read the page's highlight status again after asking it to redraw: the content
 * script starts its pass at once, but it answers only after the background searched the
 * page's text, and a page whose text is still changing waits for its throttle (about 1.5 s).
 */
export const RECHECK_AFTER_MS = [300, 2_000] as const;

const NONE: ReadonlySet<string> = new Set();

export interface PageHighlights {
  /** Quotes of the episode the page could not find (issue 4's orphans): kept, only marked. */
  orphans: ReadonlySet<string>;
  /** The quotes changed in the store: tell the page to redraw, then read what it found. */
  redraw(): void;
  /** Reads what the page's last highlight pass found. */
  check(): Promise<void>;
}

/**
 * The highlights on the episode's page, as seen from the editor: which quotes it could not
 * find, and a way to make it redraw after a quote is deleted, restored or reworded. Without
 * a tab (an episode opened from the library) there is no page: nothing is an orphan.
 */
export function usePageHighlights(
  api: PopupApi,
  tabId: number | null,
  episodeId: string | null,
): PageHighlights {
  const [orphans, setOrphans] = useState<ReadonlySet<string>>(NONE);
  // Timers and replies that arrive late act on the tab and episode shown then, or not at all.
  const target = useRef({ tabId, episodeId });
  target.current = { tabId, episodeId };
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  const closed = useRef(false);

  async function check(): Promise<void> {
    const asked = target.current;
    if (closed.current) return;
    if (asked.tabId === null || asked.episodeId === null) return setOrphans(NONE);
    // A page that is gone or never reported has nothing to say about orphans.
    const status = await api.highlightStatus(asked.tabId).catch(() => null);
    const now = target.current;
    if (closed.current || now.tabId !== asked.tabId || now.episodeId !== asked.episodeId) return;
    // The tab may have moved on to another episode since its last pass.
    setOrphans(status?.episodeId === asked.episodeId ? new Set(status.orphans) : NONE);
  }

  function redraw(): void {
    const { tabId: tab } = target.current;
    if (tab === null || closed.current) return;
    // The page may have been closed or reloaded meanwhile: the store is already right, and
    // the page draws from the store when it is opened again.
    api.refreshHighlights(tab).then(
      () => {
        if (closed.current) return;
        for (const delay of RECHECK_AFTER_MS) {
          timers.current.push(setTimeout(() => void check(), delay));
        }
      },
      () => undefined,
    );
  }

  useEffect(() => {
    void check();
  }, [tabId, episodeId]);

  useEffect(
    () => () => {
      // Replies and timers after the view closed must not set state.
      closed.current = true;
      timers.current.forEach(clearTimeout);
    },
    [],
  );

  return { orphans, redraw, check };
}
