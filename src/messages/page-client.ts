import browser from 'webextension-polyfill';
import { PageStateSchema, parseWith, type ContentMessage, type PageState } from './schemas';

/** Sends a message to the content script of a tab and unwraps its `{ ok }` reply. */
async function askTab(tabId: number, message: ContentMessage, frameId: number): Promise<unknown> {
  const send = () => browser.tabs.sendMessage(tabId, message, { frameId });
  let reply: unknown;
  try {
    reply = await send();
  } catch {
    await injectContentScript(tabId);
    reply = await send();
  }
  const answer = reply as { ok?: unknown; error?: unknown } | undefined;
  if (answer?.ok !== true) {
    throw new Error(typeof answer?.error === 'string' ? answer.error : 'The page did not answer.');
  }
  return answer;
}

/**
 * When the tab has no content script yet (a site outside the known podcast hosts), inject it:
 * allowed after the person's click, shortcut or menu choice (activeTab), or where granted.
 */
async function injectContentScript(tabId: number): Promise<void> {
  const file = browser.runtime.getManifest().content_scripts?.[0]?.js?.[0];
  if (!file) throw new Error('Earmark is installed incompletely: reinstall it.');
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [file] });
  } catch {
    throw new Error(browser.i18n.getMessage('errorCannotReadPage'));
  }
}

/** What the page in a tab is and what is selected on it. Checked: page data is untrusted. */
export async function readTab(tabId: number, frameId = 0): Promise<PageState> {
  const answer = (await askTab(tabId, { type: 'page/read' }, frameId)) as { page?: unknown };
  const parsed = parseWith(PageStateSchema, answer.page);
  if (!parsed.ok) throw new Error(`The page sent something unexpected (${parsed.error}).`);
  return parsed.value;
}

export async function seekTab(tabId: number, timeSec: number): Promise<void> {
  await askTab(tabId, { type: 'player/seek', timeSec }, 0);
}
