/**
 * Handing a note to another app (issue 14): rich text on the clipboard, and app links
 * (`obsidian://`, `logseq://`) opened from the click. The browser gives no answer when no
 * app takes a link, so the page waits briefly for the window to lose focus (the app coming
 * forward); if it doesn't, the person is told, and the Markdown is already on the clipboard.
 */

/** How long an app has to come forward before Earmark says it did not. */
export const APP_WAIT_MS = 1500;

/** Puts HTML and plain text on the clipboard together; false where the browser refuses. */
export async function copyRich(html: string, plain: string): Promise<boolean> {
  try {
    await navigator.clipboard.write([
      new ClipboardItem({
        'text/html': new Blob([html], { type: 'text/html' }),
        'text/plain': new Blob([plain], { type: 'text/plain' }),
      }),
    ]);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens an app link from the person's click; resolves true when the window lost focus or
 * was hidden within APP_WAIT_MS (an app took it), false otherwise.
 */
export function openAppLink(uri: string, wait = APP_WAIT_MS): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (opened: boolean) => {
      if (settled) return;
      settled = true;
      removeEventListener('blur', onLeave);
      document.removeEventListener('visibilitychange', onLeave);
      clearTimeout(timer);
      resolve(opened);
    };
    const onLeave = () => done(true);
    addEventListener('blur', onLeave);
    document.addEventListener('visibilitychange', onLeave);
    const timer = setTimeout(() => done(false), wait);
    // A link click, not location: the view stays where it is if nothing takes the link.
    const link = document.createElement('a');
    link.href = uri;
    link.rel = 'noopener';
    link.click();
  });
}
