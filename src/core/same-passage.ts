/**
 * "Is this passage already saved?" (issue 19): after Alt+Shift+Q the selection and the floating
 * button stay, and a second press must not save the same words again.
 */
import { normalizeWhitespace } from './whitespace';
import type { Quote, QuoteAnchor } from './model';

/**
 * Context either side that must agree for the same words to be the same passage. Enough to
 * tell two "Yeah, exactly." apart in one transcript; short enough to survive a page that
 * changed a little further away.
 */
const CONTEXT_CHARS = 24;

const head = (text: string) => normalizeWhitespace(text).slice(0, CONTEXT_CHARS);
const tail = (text: string) => normalizeWhitespace(text).slice(-CONTEXT_CHARS);

/**
 * True when `saved` holds these words at this place on the page: the same words (spacing
 * aside) and, when both were anchored, the same words around them. Words with no anchor on
 * either side (a marked moment, a selection Earmark could not describe) are compared by their
 * text alone. A moment without words is never a duplicate.
 */
export function isSamePassage(
  saved: Pick<Quote, 'text' | 'anchor'>,
  text: string,
  anchor: QuoteAnchor | null,
): boolean {
  const words = normalizeWhitespace(text);
  if (words === '' || normalizeWhitespace(saved.text) !== words) return false;
  if (!saved.anchor || !anchor) return true;
  const before = saved.anchor.quote;
  const now = anchor.quote;
  return tail(before.prefix) === tail(now.prefix) && head(before.suffix) === head(now.suffix);
}
