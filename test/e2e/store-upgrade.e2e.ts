/**
 * An update of Earmark in real Chromium: the extension's IndexedDB as an earlier version left
 * it (the oldest schema, and the one just before the current), then the built extension's
 * library page opens it. The upgrade runs in the browser's own IndexedDB, and everything the
 * person wrote is there afterwards, shown and stored. The unit tests run every migration on
 * fake-indexeddb; this one is the real thing. Run `npm run build` first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME } from '../../src/store/schema';
import {
  launchWithExtension,
  makeProfileDir,
  removeDir,
  type ExtensionBrowser,
} from '../support/browser';
import {
  KEPT,
  LAYOUTS,
  asRead,
  oldRecords,
  readDatabase,
  upgradedFrom,
  writeOldDatabase,
} from '../support/old-databases';

const LIBRARY_PATH = 'src/ui/library/index.html';

let browser: ExtensionBrowser | null = null;
let profile: string | null = null;

afterEach(async () => {
  await browser?.close();
  browser = null;
  if (profile) removeDir(profile);
  profile = null;
});

describe('an update of Earmark in real Chromium', () => {
  it.each([1, 6])(
    'opens data written by schema version %i, upgraded, with nothing lost',
    async (version) => {
      profile = makeProfileDir();
      browser = await launchWithExtension(profile);
      const { data, records } = oldRecords(version);
      await browser.worker.evaluate(writeOldDatabase, {
        name: DB_NAME,
        version,
        layout: LAYOUTS[version]!,
        records,
      });

      // The person opens the library after the update: the store upgrades as it opens.
      const page = await browser.context.newPage();
      await page.goto(`chrome-extension://${browser.extensionId}/${LIBRARY_PATH}#episodes`);
      await page.getByRole('heading', { name: 'Earmark library', exact: true }).waitFor();
      const shownTitles = page.locator('a.episode-title');
      await expect.poll(() => shownTitles.count(), { timeout: 10_000 }).toBe(data.episodes.length);
      expect((await shownTitles.allTextContents()).sort()).toEqual(
        data.episodes.map((episode) => episode.title).sort(),
      );

      // Stored as written, in the current layout, with each episode's count filled in.
      expect(asRead(await page.evaluate(readDatabase, KEPT))).toEqual(upgradedFrom(data));

      // An episode opens with its quotes, as the person wrote them.
      const withQuotes = data.episodes.find((e) => data.quotes.some((q) => q.episodeId === e.id))!;
      const first = data.quotes.find((q) => q.episodeId === withQuotes.id)!;
      await page.getByRole('link', { name: withQuotes.title, exact: true }).click();
      await expect
        .poll(() => page.getByText(first.text, { exact: false }).count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      await page.close();
    },
  );
});
