/**
 * The documents of a page that its content script can reach: the page itself and its frames
 * of the same origin, nested ones too (a transcript or a player in an iframe). Cross-origin
 * frames (most embedded players) are out of reach by design. Pure over the Document given.
 */

/** More documents than this is not a podcast page's transcript or player but an ad farm. */
const MAX_DOCUMENTS = 16;
/** Frames looked at in one document: an ad farm's thousands are not walked one by one. */
const MAX_FRAMES_PER_DOCUMENT = 64;

export function readableDocuments(top: Document): Document[] {
  const found: Document[] = [top];
  for (let i = 0; i < found.length && found.length < MAX_DOCUMENTS; i++) {
    let looked = 0;
    // By tag, not a selector list: the browser keeps a tag's list while the page is unchanged,
    // and a capture asks several times; `iframe, frame` walked a long transcript page each time.
    for (const tag of ['iframe', 'frame'] as const) {
      const frames = found[i]!.getElementsByTagName(tag) as HTMLCollectionOf<
        HTMLIFrameElement | HTMLFrameElement
      >;
      // Indexing, not `length`: the walk stops at the cap.
      for (let j = 0, frame = frames[0]; frame; frame = frames[++j]) {
        if (looked++ >= MAX_FRAMES_PER_DOCUMENT || found.length >= MAX_DOCUMENTS) break;
        const doc = sameOriginDocument(frame);
        if (doc?.body && !found.includes(doc)) found.push(doc);
      }
    }
  }
  return found;
}

function sameOriginDocument(frame: HTMLIFrameElement | HTMLFrameElement): Document | null {
  try {
    // Null for a cross-origin frame; some browsers throw instead.
    return frame.contentDocument;
  } catch {
    return null;
  }
}
