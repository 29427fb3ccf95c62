/**
 * Which quotes a tab may delete with the confirmation's Undo: those it captured in the last
 * few minutes. A page's content script is less trusted than the extension's own pages, so it
 * can't delete any quote whose id it learned; only what it just saved.
 */
export const UNDO_WINDOW_MS = 10 * 60_000;

export function createUndoLog(now: () => number = Date.now) {
  const captured = new Map<string, { tabId: number; at: number }>();
  return {
    remember(tabId: number, quoteId: string): void {
      const time = now();
      for (const [id, entry] of captured) {
        if (time - entry.at > UNDO_WINDOW_MS) captured.delete(id);
      }
      captured.set(quoteId, { tabId, at: time });
    },
    /** True once per capture: an Undo consumes its entry. */
    take(tabId: number, quoteId: string): boolean {
      const entry = captured.get(quoteId);
      if (!entry || entry.tabId !== tabId || now() - entry.at > UNDO_WINDOW_MS) return false;
      captured.delete(quoteId);
      return true;
    },
  };
}
