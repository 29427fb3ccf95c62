/**
 * The content script's only door to the extension APIs: sending and receiving messages, and
 * localised strings. Everything else in src/content/ is plain DOM code that unit tests run
 * with this module mocked.
 *
 * Why not webextension-polyfill here: it is ~10 kB (~3 kB gzipped) of wrappers, a third of
 * the content script's 10 kB start-up budget, and the four calls below need none of it.
 * Firefox has promise-based `browser`; Chrome's `chrome.runtime.sendMessage` returns a promise
 * in MV3; and both accept a listener that answers through `sendResponse` and returns `true`.
 * The background and UI keep the polyfill.
 */
import type { Browser, Runtime } from 'webextension-polyfill';

type Api = Pick<Browser, 'runtime' | 'i18n'>;

// Firefox's `browser` first; Chromium only has `chrome`. Read off globalThis on purpose:
// the project's lint keeps the bare `chrome` global out of extension code.
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
const api = (scope.browser ?? scope.chrome) as Api;

/** This extension's id and origin, for the router's sender checks. */
export function extensionSelf(): { id: string; origin: string } {
  return { id: api.runtime.id, origin: api.runtime.getURL('') };
}

/** Sends a message to the background; resolves with its reply, rejects if nobody answered. */
export function sendToBackground<T>(message: { type: string }): Promise<T> {
  return api.runtime.sendMessage(message) as Promise<T>;
}

/** Answers every message with what `answer` resolves to (a `{ ok }` reply, never a throw). */
export function onMessage(
  answer: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown>,
): void {
  const listener = (
    message: unknown,
    sender: Runtime.MessageSender,
    sendResponse: (reply: unknown) => void,
  ): true => {
    void answer(message, sender).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: String(error) }),
    );
    return true;
  };
  api.runtime.onMessage.addListener(listener);
}

/** A localised string from _locales; the key itself if it is missing (never an empty label). */
export function t(key: string, ...substitutions: string[]): string {
  return api.i18n.getMessage(key, substitutions) || key;
}
