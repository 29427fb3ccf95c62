import browser from './extension-api';

/**
 * Chrome's `sidePanel` and Firefox's `sidebarAction` are each missing from the other browser
 * (and `sidePanel` from the polyfill's types). Both open only during a user gesture: call the
 * opener straight from the click (or from the handler of the message a click sent), before
 * any `await`.
 */
interface PanelApis {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void>; isOpen(details: object): Promise<boolean> };
}

/** Opens the side panel beside a tab; null where the browser has none. */
export function sidePanelOpener(): ((tabId: number) => Promise<void>) | null {
  const api = browser as unknown as PanelApis;
  if (api.sidePanel) {
    const sidePanel = api.sidePanel;
    return (tabId) => sidePanel.open({ tabId });
  }
  if (api.sidebarAction) {
    const sidebar = api.sidebarAction;
    return () => sidebar.open();
  }
  return null;
}

/**
 * Opens the side panel for a click on the page, and says whether it is open. Firefox counts
 * no message from a page as a user action, so there the sidebar opens only if it already was.
 */
export function openPanelFromPage(tabId: number): Promise<boolean> {
  const open = sidePanelOpener();
  if (!open) return Promise.resolve(false);
  const sidebar = (browser as unknown as PanelApis).sidebarAction;
  return open(tabId).then(
    () => true,
    () => (sidebar ? sidebar.isOpen({}).catch(() => false) : false),
  );
}
