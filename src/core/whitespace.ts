/**
 * Whitespace, as a person reads it: page text breaks lines and indents where the words do not
 * change. The content script and the capture path normalise quotes with it; quote matching
 * searches a collapsed copy of the page text and maps offsets back.
 */
import { firstIndexWhere } from './bisect';

/** Collapses runs of whitespace, as a person reads the text. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface CollapsedText {
  text: string;
  /** Raw offset of each collapsed character, plus one past the end. */
  toRaw: Int32Array;
}

/** What JavaScript's `\s` matches, by code unit: a regex per character would be slower. */
export function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

export function collapseWhitespace(raw: string): CollapsedText {
  // The native replace builds the text fast; one pass over char codes maps it back.
  const text = raw.replace(/\s+/g, ' ');
  const toRaw = new Int32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    toRaw[n++] = i;
    if (isSpace(raw.charCodeAt(i))) {
      while (i + 1 < raw.length && isSpace(raw.charCodeAt(i + 1))) i++;
    }
  }
  toRaw[n] = raw.length;
  return { text, toRaw };
}

/** The collapsed offset of a raw offset: the first collapsed character at or after it. */
export function toCollapsed(collapsed: CollapsedText, rawOffset: number): number {
  const { toRaw, text } = collapsed;
  return firstIndexWhere(text.length, (k) => toRaw[k]! >= rawOffset);
}
