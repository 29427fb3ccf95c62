import { openDB } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { upgradeSchema, type EarmarkDB } from '../../../src/store/schema';
import { createStore } from '../../../src/store/store';
import { showUpgradeBlocked } from '../../../src/ui/upgrade-blocked';

vi.mock('../../../src/browser/extension-api', () => import('./fake-browser'));

afterEach(() => document.body.replaceChildren());

describe('a schema upgrade that waits for another Earmark page', () => {
  it('tells the person to close the other pages, once, and loads when they do', async () => {
    const name = `blocked-ui-${Math.random()}`;
    // An old page holds the database open at version 1 and ignores upgrade requests.
    const old = await openDB<EarmarkDB>(name, 1, {
      upgrade: (db, old, _new, tx) => upgradeSchema(db, tx, old, 1),
    });
    const store = createStore({ name, onBlocked: showUpgradeBlocked });
    const loading = store.listEpisodes();
    await vi.waitFor(() => expect(document.querySelectorAll('[role="alert"]')).toHaveLength(1));
    showUpgradeBlocked();
    const alerts = document.querySelectorAll('[role="alert"]');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.textContent).toMatch(/Close Earmark's other popups, side panels and library/);
    old.close();
    expect(await loading).toEqual([]);
    await store.close();
  });
});
