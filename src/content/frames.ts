/**
 * The documents a person reads on this page: the page itself and the frames of the same
 * origin (a transcript in an iframe), which the top frame's content script can reach
 * directly. Cross-origin frames (embedded players) are out of reach by design.
 */

/** More frames than this is not a podcast page's transcript but an ad farm. */
const MAX_DOCUMENTS = 16;

export function readableDocuments(top: Document): Document[] {
  const found: Document[] = [top];
  for (let i = 0; i < found.length && found.length < MAX_DOCUMENTS; i++) {
    for (const frame of found[i]!.querySelectorAll('iframe, frame')) {
      const doc = sameOriginDocument(frame as HTMLIFrameElement);
      if (doc?.body && !found.includes(doc)) found.push(doc);
      if (found.length >= MAX_DOCUMENTS) break;
    }
  }
  return found;
}

function sameOriginDocument(frame: HTMLIFrameElement): Document | null {
  try {
    // Null for a cross-origin frame; some browsers throw instead.
    return frame.contentDocument;
  } catch {
    return null;
  }
}
