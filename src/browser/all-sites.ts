/**
 * "Detect on all sites" (issue 7): when the person has granted the optional all-sites host
 * permission, the content script is registered for every http(s) page, so a show's own site
 * lights up the icon without a click; when the permission is gone, the registration goes too.
 *
 * Called from the background's startup and its permissions.onAdded/onRemoved listeners, and
 * by the library page right after the person switches the setting (so it applies at once even
 * before the background wakes). Idempotent, and safe when two of those calls overlap.
 */
import type { Manifest, Scripting } from 'webextension-polyfill';
import browser from './extension-api';
import { fromExtensionRoot, sameExtensionFile } from '../core/extension-path';

/** The optional host permission, exactly as manifest.json's `optional_host_permissions`. */
export const ALL_SITES_ORIGINS = ['https://*/*', 'http://*/*'];
export const ALL_SITES_SCRIPT_ID = 'earmark-all-sites';

/** The parts of the extension API used here: tests pass a fake of just these. */
export interface AllSitesApi {
  permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
  scripting: Pick<
    typeof browser.scripting,
    | 'getRegisteredContentScripts'
    | 'registerContentScripts'
    | 'updateContentScripts'
    | 'unregisterContentScripts'
  >;
  runtime: { getManifest(): Manifest.WebExtensionManifest };
}

export type AllSitesState = 'registered' | 'updated' | 'unregistered' | 'unchanged';

/**
 * The registration wanted: the manifest's own content script file (its built, hashed name is
 * only known at run time) on every site except the podcast hosts the manifest already covers,
 * so no page ever gets two copies.
 */
export function allSitesScript(
  manifest: Manifest.WebExtensionManifest,
): Scripting.RegisteredContentScript {
  const declared = manifest.content_scripts?.[0];
  const js = declared?.js ?? [];
  if (js.length === 0) throw new Error('The manifest declares no content script to register.');
  const css = declared?.css ?? [];
  return {
    id: ALL_SITES_SCRIPT_ID,
    // From the root: the library page registers it too, and Firefox would resolve a relative
    // path against that page's folder.
    js: js.map(fromExtensionRoot),
    // The highlight colour, in the page before it is first styled, as on the manifest's hosts.
    ...(css.length > 0 ? { css: css.map(fromExtensionRoot) } : {}),
    matches: ALL_SITES_ORIGINS,
    excludeMatches: declared?.matches ?? [],
    runAt: 'document_idle',
    allFrames: false,
    persistAcrossSessions: true,
  };
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = [...(a ?? [])].sort();
  const y = [...(b ?? [])].sort();
  return x.length === y.length && x.every((value, i) => value === y[i]);
}

/** Browsers hand registered files back without the leading `/` they were registered with. */
function sameFiles(a: readonly string[] = [], b: readonly string[] = []): boolean {
  return a.length === b.length && a.every((file, i) => sameExtensionFile(file, b[i]!));
}

function isCurrent(
  registered: Scripting.RegisteredContentScript,
  wanted: Scripting.RegisteredContentScript,
): boolean {
  return (
    sameFiles(registered.js, wanted.js) &&
    sameFiles(registered.css, wanted.css) &&
    sameList(registered.matches, wanted.matches) &&
    sameList(registered.excludeMatches, wanted.excludeMatches) &&
    (registered.runAt ?? 'document_idle') === wanted.runAt
  );
}

async function apply(api: AllSitesApi): Promise<AllSitesState> {
  const held = await api.permissions.contains({ origins: ALL_SITES_ORIGINS });
  const [registered] = await api.scripting.getRegisteredContentScripts({
    ids: [ALL_SITES_SCRIPT_ID],
  });
  if (!held) {
    if (!registered) return 'unchanged';
    await api.scripting.unregisterContentScripts({ ids: [ALL_SITES_SCRIPT_ID] });
    return 'unregistered';
  }
  const wanted = allSitesScript(api.runtime.getManifest());
  if (!registered) {
    await api.scripting.registerContentScripts([wanted]);
    return 'registered';
  }
  // An update of the extension renames the built content script: follow it.
  if (isCurrent(registered, wanted)) return 'unchanged';
  await api.scripting.updateContentScripts([wanted]);
  return 'updated';
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Makes the all-sites registration match the permission held right now.
 *
 * Calls in one context run one after another; a call racing one from another context (the
 * library page and the background) can fail with a duplicate id or a missing id, so a failed
 * attempt is retried once against the state it failed on.
 */
export function syncAllSitesContentScript(api: AllSitesApi = browser): Promise<AllSitesState> {
  const run = queue.then(() => apply(api).catch(() => apply(api)));
  queue = run.catch(() => undefined);
  return run;
}
