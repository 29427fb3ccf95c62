/**
 * The opaque tokens that stand for values while a template's Markdown is parsed (render.ts,
 * step 1): two private-use characters around the value's number, which compileTemplate
 * refuses in a template, so its own text can't forge one (values never enter the source).
 */
export const TOKEN_OPEN = '\uE000';
export const TOKEN_CLOSE = '\uE001';
export const ONE_TOKEN = /^\uE000(\d+)\uE001$/;

/**
 * `text` with each token replaced by `fill(its number)`, by a scan, not a replace with a
 * pattern. An export of 500 episodes fills about 75,000 tokens, and a replace that calls a
 * function per match cost about a tenth of the template's render (measured in Node).
 * Only expanded sources and the nodes parsed from them reach here: every TOKEN_OPEN in them
 * starts a whole token.
 */
export function fillTokens(text: string, fill: (index: number) => string): string {
  let open = text.indexOf(TOKEN_OPEN);
  if (open === -1) return text;
  let out = '';
  let from = 0;
  while (open !== -1) {
    const close = text.indexOf(TOKEN_CLOSE, open + 1);
    if (close === -1) break;
    out += text.slice(from, open) + fill(Number(text.slice(open + 1, close)));
    from = close + 1;
    open = text.indexOf(TOKEN_OPEN, from);
  }
  return out + text.slice(from);
}
