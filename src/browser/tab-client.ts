/**
 * The tab client: how the background and the extension pages talk to a tab's content script
 * (read the page, seek its player, add the full script). Typed by the protocol; a page's
 * answers are checked, since the page is untrusted.
 */
import browser from './extension-api';
// The content script's later parts, each built as one self-contained file that is never
// declared in the manifest: the start-up script (content/boot.ts) asks for the watch part
// (detection) on a page that may be an episode, or for the popup's first question; the rest
// comes on first use (the start-up script asks), at once where the episode has saved quotes,
// and with the popup's click.
import fullContentScript from '../content/main.ts?script&iife';
import watchContentScript from '../content/watch.ts?script&iife';
import { fromExtensionRoot } from '../core/extension-path';
import { askOver, type AskContent, type ContentReplies } from '../messages/protocol';
import {
  PageStateSchema,
  parseWith,
  type ContentMessage,
  type PageState,
} from '../messages/schemas';

/** Sends messages to the content script in one frame of a tab, typed by the protocol. */
export function askFrame(tabId: number, frameId = 0): AskContent {
  return askOver((message) => browser.tabs.sendMessage(tabId, message, { frameId }));
}

type Answer<T extends ContentMessage> = Extract<ContentReplies[T['type']], { ok: true }>;

/**
 * Sends a message to the content script of a tab, adding the script first if the frame has
 * none, and unwraps its `{ ok }` reply (a refusal becomes an error).
 */
export async function askTab<T extends ContentMessage>(
  tabId: number,
  message: T,
  frameId: number,
): Promise<Answer<T>> {
  const ask = askFrame(tabId, frameId);
  let reply: ContentReplies[T['type']] | undefined;
  try {
    reply = await ask(message);
  } catch {
    await injectContentScript(tabId);
    reply = await ask(message);
  }
  // Typed by the protocol, but a page's answer is untrusted: look before unwrapping.
  const answer = reply as { ok?: unknown; error?: unknown } | undefined;
  if (answer?.ok !== true) {
    throw new Error(typeof answer?.error === 'string' ? answer.error : 'The page did not answer.');
  }
  return reply as Answer<T>;
}

/** Which part of the content script to add: the watch part, or all of it. */
export type ContentPart = 'watch' | 'all';

/**
 * Adds the content script (all of it, or the watch part) to a frame of a tab; each part
 * ignores a second injection, and the watch part stays out where all of it runs. Allowed on
 * the known podcast hosts, after the person's click, shortcut or menu choice (activeTab),
 * and on sites they granted.
 */
export async function injectContentScript(
  tabId: number,
  frameId?: number,
  part: ContentPart = 'all',
): Promise<void> {
  const file = part === 'watch' ? watchContentScript : fullContentScript;
  try {
    await browser.scripting.executeScript({
      target: frameId === undefined ? { tabId } : { tabId, frameIds: [frameId] },
      // From the root: Firefox resolves a relative path against the calling page (popup, sidebar).
      files: [fromExtensionRoot(file)],
    });
  } catch {
    throw new Error(browser.i18n.getMessage('errorCannotReadPage'));
  }
}

/** What the page in a tab is and what is selected on it. Checked: page data is untrusted. */
export async function readTab(tabId: number, frameId = 0): Promise<PageState> {
  const answer = await askTab(tabId, { type: 'page/read' }, frameId);
  const parsed = parseWith(PageStateSchema, answer.page);
  if (!parsed.ok) throw new Error(`The page sent something unexpected (${parsed.error}).`);
  return parsed.value;
}

export async function seekTab(tabId: number, timeSec: number): Promise<void> {
  await askTab(tabId, { type: 'player/seek', timeSec }, 0);
}
