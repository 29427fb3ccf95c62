/**
 * The quote a click on a tab's highlight asked to show, kept until a view of that tab takes
 * it: the side panel as it opens (or at once, when it was open), or the popup opened next.
 * Asked again, the newest click wins; taken, it is gone, so a later popup opens as usual.
 */
export const FOCUS_WAIT_MS = 60_000;

export function createQuoteFocus(now: () => number = Date.now) {
  const byTab = new Map<number, { quoteId: string; at: number }>();
  return {
    ask(tabId: number, quoteId: string): void {
      byTab.set(tabId, { quoteId, at: now() });
    },
    take(tabId: number): string | null {
      const entry = byTab.get(tabId);
      byTab.delete(tabId);
      return entry && now() - entry.at <= FOCUS_WAIT_MS ? entry.quoteId : null;
    },
    forget(tabId: number): void {
      byTab.delete(tabId);
    },
  };
}
