/**
 * Who may send what. Extension pages (popup, side panel, library) and the background have no
 * tab; content scripts run in a tab and frame. Nothing from other extensions or web pages is
 * accepted: the manifest declares no `externally_connectable`, and ids are checked here too.
 */

/** The parts of runtime.MessageSender we look at (a structural subset of both browsers'). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export type SenderKind = 'extension-page' | 'content-script';

export function senderKind(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId) return null;
  if (sender.tab === undefined) {
    return typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin)
      ? 'extension-page'
      : null;
  }
  if (typeof sender.tab.id === 'number' && typeof sender.frameId === 'number') {
    // An extension page opened in a tab is still an extension page, not a content script.
    if (typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin))
      return 'extension-page';
    return 'content-script';
  }
  return null;
}
