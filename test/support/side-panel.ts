/**
 * Chromium's side panel, for browser tests. Playwright lists no side panel among a context's
 * pages, so it is reached through the DevTools protocol: found among the browser's targets,
 * and evaluated in through a session attached to it.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

export const PANEL_PATH = 'src/ui/sidepanel/index.html';

export interface SidePanel {
  url: string;
  /** Evaluates an expression in the panel's page; its value must be JSON. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

async function browserSession(context: BrowserContext): Promise<CDPSession> {
  const browser = context.browser();
  if (!browser) throw new Error('This context has no browser to ask for its targets.');
  return browser.newBrowserCDPSession();
}

/** The URLs of the extension's open side panels. */
export async function sidePanelUrls(context: BrowserContext, extensionId: string) {
  const session = await browserSession(context);
  try {
    const { targetInfos } = await session.send('Target.getTargets');
    const prefix = `chrome-extension://${extensionId}/${PANEL_PATH}`;
    return targetInfos.filter((t) => t.url.startsWith(prefix)).map((t) => t.url);
  } finally {
    await session.detach();
  }
}

/** Waits for the extension's side panel to be open, and attaches to it. */
export async function waitForSidePanel(
  context: BrowserContext,
  extensionId: string,
  timeoutMs = 10_000,
): Promise<SidePanel> {
  const session = await browserSession(context);
  const prefix = `chrome-extension://${extensionId}/${PANEL_PATH}`;
  const deadline = Date.now() + timeoutMs;
  let target: { targetId: string; url: string } | undefined;
  while (!target) {
    const { targetInfos } = await session.send('Target.getTargets');
    target = targetInfos.find((t) => t.type === 'page' && t.url.startsWith(prefix));
    if (target) break;
    if (Date.now() > deadline) {
      await session.detach();
      throw new Error('No side panel opened.');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A session of the old, unflattened kind: Playwright's CDPSession sends to the browser only,
  // and relays the panel's answers as events.
  const { sessionId } = await session.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  const waiting = new Map<number, (reply: { result?: unknown; error?: unknown }) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  let nextId = 1;
  return {
    url: target.url,
    async evaluate<T>(expression: string): Promise<T> {
      const id = nextId++;
      const replied = new Promise<{ result?: unknown; error?: unknown }>((resolve) =>
        waiting.set(id, resolve),
      );
      const params = { expression, returnByValue: true, awaitPromise: true };
      await session.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method: 'Runtime.evaluate', params }),
      });
      const reply = await replied;
      waiting.delete(id);
      const result = reply.result as
        { result: { value?: T }; exceptionDetails?: { text: string } } | undefined;
      if (!result || result.exceptionDetails) {
        throw new Error(`Side panel evaluation failed: ${JSON.stringify(reply)}`);
      }
      return result.result.value as T;
    },
    async detach() {
      await session.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await session.detach().catch(() => undefined);
    },
  };
}
