/**
 * An update of Earmark in Debian's firefox-esr: the add-on's IndexedDB as an earlier version
 * left it (the oldest schema, and the one just before the current), written from the sidebar's
 * window; then the sidebar opens again, and its store upgrades the database as it opens it.
 * Everything the person wrote is stored afterwards, in the current layout. The Chromium test of
 * the same update also reads it back in the library page (test/e2e/store-upgrade.e2e.ts).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../../src/store/schema';
import { REPO_ROOT } from '../support/browser';
import { launchFirefox, type FirefoxWithExtension } from '../support/firefox';
import {
  KEPT,
  LAYOUTS,
  asRead,
  oldRecords,
  readDatabase,
  upgradedFrom,
  writeOldDatabase,
  type DatabaseNow,
} from '../support/old-databases';
import { servePages, type PageServer } from '../support/server';

let firefox: FirefoxWithExtension | null = null;
let server: PageServer | null = null;

afterEach(async () => {
  await firefox?.close();
  await server?.close();
  firefox = null;
  server = null;
});

/** Runs one of the self-contained functions of old-databases.ts with the add-on's IndexedDB. */
const inAddon = <T>(fn: (arg: never, factory?: IDBFactory) => Promise<T>, arg: unknown) =>
  firefox!.inSidebar<T>(`
    if (!sidebar) throw new Error('The sidebar is closed.');
    return await (${fn.toString()})(${JSON.stringify(arg)}, sidebar.defaultView.indexedDB);`);

describe('an update of Earmark in Firefox', () => {
  it.each([1, 6])(
    'opens data written by schema version %i, upgraded, with nothing lost',
    async (version) => {
      server = await servePages(join(REPO_ROOT, 'test/fixtures/pages-e2e'));
      firefox = await launchFirefox();
      await firefox.openPage(`${server.origin}/article.html`);
      await firefox.reopenSidebar();
      const { data, records } = oldRecords(version);
      // The sidebar's own connection steps aside for the deletion (the store's `blocking`).
      await inAddon(writeOldDatabase, {
        name: DB_NAME,
        version,
        layout: LAYOUTS[version]!,
        records,
      });

      // The person opens the sidebar after the update: the store upgrades as it opens.
      await firefox.reopenSidebar();
      await expect
        .poll(() => inAddon(readDatabase, { name: DB_NAME, stores: ['quotes'] }))
        .toMatchObject({ version: DB_VERSION });
      // Stored as written, in the current layout, with each episode's count filled in.
      expect(asRead(await inAddon<DatabaseNow>(readDatabase, KEPT))).toEqual(upgradedFrom(data));
      // The sidebar works on: it reads the page and offers to start notes.
      expect(await firefox.sidebarText()).toContain('Notes on quiet rooms');
    },
  );
});
