/**
 * The content script's only door to the extension APIs: sending and receiving messages, and
 * localised strings. Everything else in src/content/ is plain DOM code that unit tests run
 * with this module mocked.
 *
 * Why not webextension-polyfill here: it is ~10 kB (~3 kB gzipped) of wrappers, a third of
 * the content script's 10 kB start-up budget, and the four calls below need none of it.
 * Firefox has promise-based `browser`; Chrome's `chrome.runtime.sendMessage` returns a promise
 * in MV3; and both accept a listener that answers through `sendResponse` and returns `true`.
 * The background keeps the polyfill; extension pages use src/browser/extension-api.ts.
 */
import type { Browser, Runtime } from 'webextension-polyfill';
import { askOver, type AskBackground } from '../messages/protocol';

type Api = Pick<Browser, 'runtime' | 'i18n'>;

// Firefox's `browser` first; Chromium only has `chrome`. Read off globalThis on purpose:
// the project's lint keeps the bare `chrome` global out of extension code.
const scope = globalThis as unknown as { browser?: Api; chrome?: Api };
const api = (scope.browser ?? scope.chrome) as Api;

/** This extension's id and origin, for the router's sender checks. */
export function extensionSelf(): { id: string; origin: string } {
  return { id: api.runtime.id, origin: api.runtime.getURL('') };
}

/** The reply when the background gave none. */
export const noAnswer = {
  ok: false as const,
  error: 'Earmark is restarting; try again in a moment.',
};

/**
 * Sends a message to the background; resolves with the reply its type declares. A background
 * that is restarting (no answer, or nobody listening yet) answers as a failure, never a throw.
 */
export const sendToBackground: AskBackground = askOver(async (message) => {
  try {
    return (await api.runtime.sendMessage(message)) ?? noAnswer;
  } catch {
    return noAnswer;
  }
});

/**
 * Answers every message with what `answer` resolves to (a `{ ok }` reply, never a throw).
 * Returns a function that stops listening.
 */
export function onMessage(
  answer: (message: unknown, sender: Runtime.MessageSender) => Promise<unknown>,
): () => void {
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
  return () => api.runtime.onMessage.removeListener(listener);
}

/** A localised string from _locales; the key itself if it is missing (never an empty label). */
export function t(key: string, ...substitutions: string[]): string {
  return api.i18n.getMessage(key, substitutions) || key;
}
