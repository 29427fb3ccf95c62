import type { Manifest, Scripting } from 'webextension-polyfill';
import { describe, expect, it, vi } from 'vitest';

// The polyfill throws outside an extension; every call here goes through the fake below.
vi.mock('../../../src/browser/extension-api', () => ({ default: {} }));

const { ALL_SITES_ORIGINS, ALL_SITES_SCRIPT_ID, syncAllSitesContentScript } =
  await import('../../../src/browser/all-sites');
type AllSitesApi = import('../../../src/browser/all-sites').AllSitesApi;

const KNOWN_HOSTS = ['https://open.spotify.com/*', 'http://127.0.0.1/*'];
const CSS_FILE = 'src/content/highlight.css';

/** An extension with a permission switch and a registry of dynamic content scripts. */
function fakeExtension(options: { granted: boolean; contentScript?: string }) {
  const state = {
    granted: options.granted,
    scripts: new Map<string, Scripting.RegisteredContentScript>(),
    file: options.contentScript ?? 'assets/content-abc123.js',
  };
  const api: AllSitesApi = {
    permissions: {
      contains: async ({ origins }) =>
        state.granted && origins.every((o) => ALL_SITES_ORIGINS.includes(o)),
    },
    scripting: {
      getRegisteredContentScripts: async (filter) =>
        [...state.scripts.values()].filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      registerContentScripts: async (scripts) => {
        for (const s of scripts) {
          if (state.scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          state.scripts.set(s.id, s);
        }
      },
      updateContentScripts: async (scripts) => {
        for (const s of scripts) {
          if (!state.scripts.has(s.id)) throw new Error(`Nonexistent script ID '${s.id}'`);
          state.scripts.set(s.id, { ...state.scripts.get(s.id)!, ...s });
        }
      },
      unregisterContentScripts: async (filter) => {
        for (const id of filter?.ids ?? [...state.scripts.keys()]) {
          if (!state.scripts.delete(id)) throw new Error(`Nonexistent script ID '${id}'`);
        }
      },
    },
    runtime: {
      getManifest: () =>
        ({
          manifest_version: 3,
          name: 'Earmark',
          version: '0.1.0',
          content_scripts: [
            {
              matches: KNOWN_HOSTS,
              js: [state.file],
              css: [CSS_FILE],
              run_at: 'document_idle',
            },
          ],
        }) as Manifest.WebExtensionManifest,
    },
  };
  return { api, state };
}

describe('the all-sites content script', () => {
  it('is registered for every http(s) site when the permission is held', async () => {
    const { api, state } = fakeExtension({ granted: true });
    expect(await syncAllSitesContentScript(api)).toBe('registered');
    expect(state.scripts.get(ALL_SITES_SCRIPT_ID)).toEqual({
      id: ALL_SITES_SCRIPT_ID,
      // From the extension's root: Firefox resolves a relative path against the calling page.
      js: ['/assets/content-abc123.js'],
      // The highlight colour, before the page is first styled (issue 16).
      css: ['/src/content/highlight.css'],
      matches: ['https://*/*', 'http://*/*'],
      excludeMatches: KNOWN_HOSTS,
      runAt: 'document_idle',
      allFrames: false,
      persistAcrossSessions: true,
    });
  });

  it('leaves out the hosts the manifest already covers, so no page runs it twice', async () => {
    const { api, state } = fakeExtension({ granted: true });
    await syncAllSitesContentScript(api);
    expect(state.scripts.get(ALL_SITES_SCRIPT_ID)!.excludeMatches).toEqual(KNOWN_HOSTS);
  });

  it('is not registered, and nothing changes, without the permission', async () => {
    const { api, state } = fakeExtension({ granted: false });
    expect(await syncAllSitesContentScript(api)).toBe('unchanged');
    expect(state.scripts.size).toBe(0);
  });

  it('is unregistered when the permission is removed', async () => {
    const { api, state } = fakeExtension({ granted: true });
    await syncAllSitesContentScript(api);
    state.granted = false;
    expect(await syncAllSitesContentScript(api)).toBe('unregistered');
    expect(state.scripts.size).toBe(0);
  });

  it('changes nothing when called again (startup after startup)', async () => {
    const { api, state } = fakeExtension({ granted: true });
    await syncAllSitesContentScript(api);
    expect(await syncAllSitesContentScript(api)).toBe('unchanged');
    expect(state.scripts.size).toBe(1);
  });

  it('is current when the browser hands its file back without the leading slash', async () => {
    const { api, state } = fakeExtension({ granted: true });
    await syncAllSitesContentScript(api);
    // What Chrome and Firefox answer: the path from the root, with no "/".
    const stored = state.scripts.get(ALL_SITES_SCRIPT_ID)!;
    state.scripts.set(ALL_SITES_SCRIPT_ID, { ...stored, js: ['assets/content-abc123.js'] });
    expect(await syncAllSitesContentScript(api)).toBe('unchanged');
  });

  it('follows the content script to its new file name after an update', async () => {
    const { api, state } = fakeExtension({ granted: true });
    await syncAllSitesContentScript(api);
    state.file = 'assets/content-def456.js';
    expect(await syncAllSitesContentScript(api)).toBe('updated');
    expect(state.scripts.get(ALL_SITES_SCRIPT_ID)!.js).toEqual(['/assets/content-def456.js']);
  });

  it('adds the highlight colour to a registration made before it had one', async () => {
    const { api, state } = fakeExtension({ granted: true });
    await syncAllSitesContentScript(api);
    const withoutCss = { ...state.scripts.get(ALL_SITES_SCRIPT_ID)! };
    delete withoutCss.css;
    state.scripts.set(ALL_SITES_SCRIPT_ID, withoutCss);
    expect(await syncAllSitesContentScript(api)).toBe('updated');
    expect(state.scripts.get(ALL_SITES_SCRIPT_ID)!.css).toEqual(['/src/content/highlight.css']);
  });

  it('settles to one registration when two calls overlap', async () => {
    const { api, state } = fakeExtension({ granted: true });
    const results = await Promise.all([
      syncAllSitesContentScript(api),
      syncAllSitesContentScript(api),
    ]);
    expect(results).toEqual(['registered', 'unchanged']);
    expect(state.scripts.size).toBe(1);
  });

  it('recovers when another page registered it between the check and the write', async () => {
    const { api, state } = fakeExtension({ granted: true });
    const register = api.scripting.registerContentScripts;
    // The background wins the race once: our register then meets a duplicate id.
    api.scripting.registerContentScripts = async (scripts) => {
      api.scripting.registerContentScripts = register;
      await register(scripts);
      await register(scripts);
    };
    expect(await syncAllSitesContentScript(api)).toBe('unchanged');
    expect(state.scripts.size).toBe(1);
  });

  it('reports a manifest without a content script instead of registering nothing', async () => {
    const { api } = fakeExtension({ granted: true });
    api.runtime.getManifest = () =>
      ({ manifest_version: 3, name: 'x', version: '1' }) as Manifest.WebExtensionManifest;
    await expect(syncAllSitesContentScript(api)).rejects.toThrow('no content script');
  });
});
