/**
 * The person's selection in the page: small and free of detection, because the start-up
 * script holds it at the capture key's press, before the rest of the content script is in.
 */
import { readableDocuments } from '../core/frames';
import { normalizeWhitespace } from '../core/whitespace';

/** The selection with text in it, in the page or one of its same-origin frames. */
export function selectedRange(top: Document): { doc: Document; range: Range } | null {
  for (const doc of readableDocuments(top)) {
    const selection = doc.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) continue;
    if (normalizeWhitespace(selection.toString()) === '') continue;
    return { doc, range: selection.getRangeAt(0) };
  }
  return null;
}

/** A selection held past the moment it was made: its own copy of the range, and its text. */
export interface HeldSelection {
  doc: Document;
  range: Range;
  text: string;
}

/** The selection as it is now, kept so that a capture that fails can still offer its words. */
export function holdSelection(top: Document): HeldSelection | null {
  const found = selectedRange(top);
  if (!found) return null;
  const text = found.doc.getSelection()!.toString();
  return { doc: found.doc, range: found.range.cloneRange(), text };
}
