/**
 * Settings the library page controls, read here for the pages that need them: the content
 * script must not open IndexedDB (docs/decisions/0003-settings-in-indexeddb.md).
 *
 * The library page writes them as one `meta` record, `settings` (src/ui/library/settings.ts);
 * a missing or damaged field means its default.
 */
export const SETTINGS_KEY = 'settings';

/** The floating "Save quote" button by selections: `settings.floatingButton`, default on. */
export async function floatingButtonEnabled(store: {
  getMeta<T>(key: string): Promise<T | undefined>;
}): Promise<boolean> {
  try {
    const settings = await store.getMeta<unknown>(SETTINGS_KEY);
    const value =
      typeof settings === 'object' && settings !== null
        ? (settings as { floatingButton?: unknown }).floatingButton
        : undefined;
    return value !== false;
  } catch {
    // A database that can't be read must not take the capture button away.
    return true;
  }
}
