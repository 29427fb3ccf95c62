/**
 * Copies text; says whether it worked (a page that is not focused, or a browser that refuses,
 * is no error: the caller offers another way). Plain DOM, no extension API: the content
 * script uses it too, without the polyfill.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
