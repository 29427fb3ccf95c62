/**
 * Send to Obsidian through its `obsidian://new` URI (issue 14). The same episode always gets
 * the same file (its overview file name), and `overwrite` replaces the note, so a second send
 * updates it instead of making "… 1.md". A note too long for a URI goes through the
 * clipboard: Obsidian's `clipboard` parameter takes the content from there.
 * https://help.obsidian.md/Extending+Obsidian/Obsidian+URI
 */

/**
 * Longer URIs are cut or refused by some systems' handlers of app links (Windows passes
 * about 2,000 characters safely); past this the note goes through the clipboard.
 */
export const MAX_URI_LENGTH = 2000;

export interface ObsidianTarget {
  /** The vault's name as Obsidian shows it; empty: the vault open last. */
  vault: string;
  /** A folder inside the vault, `/`-separated; empty: the vault's root. */
  folder: string;
}

export interface AppLink {
  uri: string;
  /** The note goes on the clipboard first: the URI does not carry it. */
  viaClipboard: boolean;
}

/** `a/b` from `/a//b/`: no empty parts, no `.` or `..` (a folder can't climb out of a vault). */
export function vaultPath(folder: string, fileName: string): string {
  const parts = folder
    .split(/[/\\]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '.' && part !== '..');
  return [...parts, fileName.replace(/\.md$/i, '')].join('/');
}

/** Percent-encoding as Obsidian reads it: `%20` for a space, never `+`. */
const encode = (value: string): string => encodeURIComponent(value);

export function obsidianNewUri(
  target: ObsidianTarget,
  fileName: string,
  markdown: string,
  maxLength = MAX_URI_LENGTH,
): AppLink {
  let base = 'obsidian://new?';
  if (target.vault.trim() !== '') base += `vault=${encode(target.vault.trim())}&`;
  base += `file=${encode(vaultPath(target.folder, fileName))}&overwrite=true`;
  const withContent = `${base}&content=${encode(markdown)}`;
  if (withContent.length <= maxLength) return { uri: withContent, viaClipboard: false };
  return { uri: `${base}&clipboard=true`, viaClipboard: true };
}
