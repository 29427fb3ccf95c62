/**
 * Saves a file the way a link with `download` does: no `downloads` permission needed, and the
 * browser asks where to save it if the person set it to. Used by the popup, the side panel
 * and the library.
 */
export function downloadFile(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started by then; the URL only holds the file in memory.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
