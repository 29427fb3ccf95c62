/**
 * A file of the extension, written so every browser finds it from the extension's root.
 *
 * `scripting.executeScript({ files })` and `registerContentScripts({ js })` take paths that
 * Chrome reads from the extension's root, but Firefox resolves them as URLs against the page
 * that calls: `src/content/main.js` asked for by the side panel at `src/ui/sidepanel/index.html`
 * becomes `src/ui/sidepanel/src/content/main.js`, which does not exist. A leading `/` means the
 * root in both (Chrome drops it; Firefox resolves it against the extension's origin).
 */
export function fromExtensionRoot(path: string): string {
  return `/${path.replace(/^\/+/, '')}`;
}

/** The same file however it is written: browsers hand registered paths back without the `/`. */
export function sameExtensionFile(a: string, b: string): boolean {
  return fromExtensionRoot(a) === fromExtensionRoot(b);
}
