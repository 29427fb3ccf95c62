/**
 * Only web addresses (http, https) become links, wherever Earmark shows or writes one: a
 * stored, imported or typed `javascript:`, `data:` or `file:` address stays text.
 */
export function webHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Parsed, the address is percent-encoded: no space, `<` or newline is left in it.
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function isWebUrl(value: string): boolean {
  return webHref(value) !== null;
}
