/**
 * The extension's own IndexedDB, for browser tests that check what was stored or seed data the
 * UI could not make (a quote saved from an earlier version of a page, a thousand quotes). Run
 * in one of the extension's pages or its service worker: the database is theirs.
 *
 * A database the extension has not created yet is left uncreated: opening it from here would
 * make an empty version 1 that the extension then upgrades from.
 */
import type { Page, Worker } from 'playwright-core';

export type DbRequest =
  | { op: 'getAll'; store: string }
  | { op: 'getAllKeys'; store: string }
  | { op: 'count'; store: string }
  | { op: 'get'; store: string; key: string }
  | { op: 'put'; store: string; records: unknown[] }
  | { op: 'clear'; store: string };

/** Runs one request in one transaction; answers `null` when there is no database yet. */
export function extensionDb<T>(target: Page | Worker, request: DbRequest): Promise<T | null> {
  // `evaluate` is typed differently on Page and Worker; the function is the same.
  const run = (target as Page).evaluate.bind(target) as Page['evaluate'];
  return run(async (asked: DbRequest) => {
    const opening = indexedDB.open('earmark');
    const db = await new Promise<IDBDatabase | null>((resolve, reject) => {
      opening.onupgradeneeded = () => opening.transaction!.abort();
      opening.onsuccess = () => resolve(opening.result);
      opening.onerror = () =>
        opening.error?.name === 'AbortError' ? resolve(null) : reject(opening.error);
    });
    if (!db) return null;
    const writes = asked.op === 'put' || asked.op === 'clear';
    const tx = db.transaction(asked.store, writes ? 'readwrite' : 'readonly');
    const store = tx.objectStore(asked.store);
    let request: IDBRequest | null = null;
    if (asked.op === 'getAll') request = store.getAll();
    else if (asked.op === 'getAllKeys') request = store.getAllKeys();
    else if (asked.op === 'count') request = store.count();
    else if (asked.op === 'get') request = store.get(asked.key);
    else if (asked.op === 'clear') request = store.clear();
    else for (const record of asked.records) store.put(record);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    db.close();
    return (request?.result ?? null) as T | null;
  }, request) as Promise<T | null>;
}
