/**
 * The library page's browser side, faked; the store is real (fake-indexeddb). Records what
 * the page asked of the browser, so tests can check downloads and permission requests.
 */
import { vi } from 'vitest';
import type { LibraryData } from '../../../src/core/model';
import { createStore, type Store } from '../../../src/store/store';
import type { LibraryApi, StorageHealth } from '../../../src/ui/library/api';
import { restoreBackup } from '../../../src/ui/library/restore-backup';

let dbCount = 0;

export function freshStore(): Store {
  dbCount += 1;
  return createStore({ name: `library-test-${Date.now()}-${dbCount}` });
}

export interface FakeBrowser {
  api: LibraryApi;
  store: Store;
  downloads: { name: string; blob: Blob }[];
  /** The optional all-sites permission and whether the (fake) person grants it when asked. */
  permission: { held: boolean; grant: boolean; listeners: Set<() => void> };
  /** Set while a click is being dispatched: a request outside it would get no prompt. */
  gesture: { active: boolean; requestsOutside: number };
  persisted: { value: boolean; grant: boolean };
  shortcutSettingsOpened: ReturnType<typeof vi.fn>;
  applied: ReturnType<typeof vi.fn>;
  clock: { now: Date };
}

export function fakeBrowser(options: { store?: Store; now?: Date } = {}): FakeBrowser {
  const store = options.store ?? freshStore();
  const downloads: FakeBrowser['downloads'] = [];
  const permission = { held: false, grant: true, listeners: new Set<() => void>() };
  const gesture = { active: false, requestsOutside: 0 };
  const persisted = { value: false, grant: true };
  const clock = { now: options.now ?? new Date('2026-06-01T12:00:00Z') };
  const shortcutSettingsOpened = vi.fn(async () => undefined);
  const applied = vi.fn(async () => 'unchanged');
  const notify = () => permission.listeners.forEach((listener) => listener());
  const health = (): StorageHealth => ({
    usage: 2_400_000,
    quota: 120_000_000_000,
    persisted: persisted.value,
  });
  const api: LibraryApi = {
    store,
    // The worker's own function, run here on the test's thread.
    restore: (file, onProgress) => restoreBackup(store, file, onProgress),
    now: () => clock.now,
    download: (name, blob) => downloads.push({ name, blob }),
    async shortcuts() {
      return [
        { name: 'save-quote', description: 'Save the selected text', shortcut: 'Alt+Shift+Q' },
      ];
    },
    shortcutSettings: { label: 'chrome://extensions/shortcuts', open: shortcutSettingsOpened },
    allSites: {
      held: async () => permission.held,
      request() {
        // Synchronous here, as a browser decides on the spot whether a gesture is running.
        if (!gesture.active) gesture.requestsOutside++;
        const granted = gesture.active && permission.grant;
        if (granted && !permission.held) {
          permission.held = true;
          notify();
        }
        return Promise.resolve(granted);
      },
      async remove() {
        const was = permission.held;
        permission.held = false;
        if (was) notify();
        return was;
      },
      apply: applied,
      onChange(listener) {
        permission.listeners.add(listener);
        return () => permission.listeners.delete(listener);
      },
    },
    storage: {
      health: async () => health(),
      async persist() {
        if (persisted.grant) persisted.value = true;
        return persisted.grant;
      },
    },
  };
  return {
    api,
    store,
    downloads,
    permission,
    gesture,
    persisted,
    shortcutSettingsOpened,
    applied,
    clock,
  };
}

/** Everything stored, ordered by id, to compare libraries. */
export async function snapshot(store: Store): Promise<LibraryData> {
  const data = await store.exportLibrary();
  const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
  return { episodes: [...data.episodes].sort(byId), quotes: [...data.quotes].sort(byId) };
}
