/**
 * Settings the library page controls, read by the background for the pages that need them
 * (the content script must not open IndexedDB: docs/decisions/0003-settings-in-indexeddb.md).
 * Each is one `meta` record; a missing record means the default.
 */

/** `meta` key: `false` hides the floating "Save quote" button by selections. Default: shown. */
export const FLOATING_BUTTON_KEY = 'floatingButton';

export async function floatingButtonEnabled(store: {
  getMeta<T>(key: string): Promise<T | undefined>;
}): Promise<boolean> {
  try {
    return (await store.getMeta<unknown>(FLOATING_BUTTON_KEY)) !== false;
  } catch {
    // A database that can't be read must not take the capture button away.
    return true;
  }
}
