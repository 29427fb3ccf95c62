/**
 * The library page's window on the browser: one small interface, so the views are plain
 * Preact components that tests render with a fake of it and a real store.
 */
import browser from '../../browser/extension-api';
import { ALL_SITES_ORIGINS, syncAllSitesContentScript } from '../../browser/all-sites';
import { downloadFile } from '../../browser/download';
import { createStore, type Store } from '../../store/store';
import { showUpgradeBlocked } from '../upgrade-blocked';
import type { RestoreOutcome, RestoreProgress } from './restore-backup';
import { restoreInWorker } from './restore-in-worker';

export interface Shortcut {
  name: string;
  description: string;
  /** Empty when the person removed it or another extension took the keys. */
  shortcut: string;
}

export interface StorageHealth {
  usage: number | null;
  quota: number | null;
  /** Whether the browser promised not to evict the data under storage pressure; null if unknown. */
  persisted: boolean | null;
}

export interface LibraryApi {
  store: Store;
  /**
   * Restores a backup file into the store, telling how far it got; the browser's runs in a
   * worker so the page stays responsive (issue 18). Never rejects.
   */
  restore(file: Blob, onProgress: (progress: RestoreProgress) => void): Promise<RestoreOutcome>;
  now(): Date;
  /** Hands a file to the browser's downloads. */
  download(name: string, blob: Blob): void;
  shortcuts(): Promise<Shortcut[]>;
  /** The browser's page for changing extension shortcuts, and how to name it to the person. */
  shortcutSettings: { label: string; open(): Promise<void> };
  allSites: {
    held(): Promise<boolean>;
    /** Must be called in the click handler itself: browsers only ask during a user gesture. */
    request(): Promise<boolean>;
    remove(): Promise<boolean>;
    /** Registers or removes the all-sites content script to match the permission. */
    apply(): Promise<unknown>;
    /** Calls back when the permission is granted or removed anywhere (another page, the browser). */
    onChange(listener: () => void): () => void;
  };
  storage: {
    health(): Promise<StorageHealth>;
    /** Asks the browser to keep the data under storage pressure; whether it agreed. */
    persist(): Promise<boolean | null>;
  };
}

const CHROME_SHORTCUTS = 'chrome://extensions/shortcuts';

export function browserLibraryApi(): LibraryApi {
  // Firefox opens its own shortcut editor (137+); Chrome's page can only be opened by tabs.create.
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  return {
    store: createStore({ onBlocked: showUpgradeBlocked }),
    restore: restoreInWorker,
    now: () => new Date(),
    download: downloadFile,
    async shortcuts() {
      const all = await browser.commands.getAll();
      return all.map((c) => ({
        name: c.name ?? '',
        description: c.description ?? '',
        shortcut: c.shortcut ?? '',
      }));
    },
    shortcutSettings: commands.openShortcutSettings
      ? { label: 'about:addons', open: () => commands.openShortcutSettings!() }
      : {
          label: CHROME_SHORTCUTS,
          open: async () => {
            await browser.tabs.create({ url: CHROME_SHORTCUTS });
          },
        },
    allSites: {
      held: () => browser.permissions.contains({ origins: ALL_SITES_ORIGINS }),
      request: () => browser.permissions.request({ origins: ALL_SITES_ORIGINS }),
      remove: () => browser.permissions.remove({ origins: ALL_SITES_ORIGINS }),
      apply: () => syncAllSitesContentScript(),
      onChange(listener) {
        browser.permissions.onAdded.addListener(listener);
        browser.permissions.onRemoved.addListener(listener);
        return () => {
          browser.permissions.onAdded.removeListener(listener);
          browser.permissions.onRemoved.removeListener(listener);
        };
      },
    },
    storage: {
      async health() {
        const [estimate, persisted] = await Promise.all([
          navigator.storage?.estimate?.().catch(() => null) ?? null,
          navigator.storage?.persisted?.().catch(() => null) ?? null,
        ]);
        return {
          usage: estimate?.usage ?? null,
          quota: estimate?.quota ?? null,
          persisted,
        };
      },
      persist: async () => (await navigator.storage?.persist?.().catch(() => null)) ?? null,
    },
  };
}
