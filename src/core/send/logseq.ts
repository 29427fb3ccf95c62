/**
 * Send to Logseq through its quick-capture URI (issue 14): the outline goes into today's
 * journal. Long outlines go through the clipboard, as for Obsidian: the URI then carries a
 * line that says so, and the person pastes.
 * https://docs.logseq.com/#/page/x-callback-url (quickCapture)
 */
import { MAX_URI_LENGTH, type AppLink } from './obsidian';

export function logseqQuickCaptureUri(
  title: string,
  url: string,
  markdown: string,
  pasteHint: string,
  maxLength = MAX_URI_LENGTH,
): AppLink {
  const base = `logseq://x-callback-url/quickCapture?title=${encodeURIComponent(title)}&url=${encodeURIComponent(url)}`;
  const withContent = `${base}&content=${encodeURIComponent(markdown)}`;
  if (withContent.length <= maxLength) return { uri: withContent, viaClipboard: false };
  return { uri: `${base}&content=${encodeURIComponent(pasteHint)}`, viaClipboard: true };
}
