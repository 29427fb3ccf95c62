import type { Page } from 'playwright-core';

/** Which parts of Earmark's content script run in the page's top frame (issue 16). */
export interface ContentParts {
  /** The start-up script's listeners for the first use. */
  firstUse: boolean;
  /** Detection and the badge's report. */
  watch: boolean;
  /** The rest: capture, confirmation, floating button, highlights. */
  main: boolean;
}

interface ContextDescription {
  id: number;
  origin: string;
  auxData?: { frameId?: string; isDefault?: boolean; type?: string };
}

/**
 * Looks into the content script's own world (an isolated world the page's scripts can't
 * reach) through the DevTools protocol, and reads which parts have met there
 * (src/content/parts.ts). A page with no content script says none.
 */
export async function contentParts(page: Page): Promise<ContentParts> {
  const session = await page.context().newCDPSession(page);
  try {
    const contexts: ContextDescription[] = [];
    session.on('Runtime.executionContextCreated', (event: { context: ContextDescription }) => {
      contexts.push(event.context);
    });
    // Enabling replays every existing context as an event before it resolves.
    await session.send('Runtime.enable');
    const { frameTree } = await session.send('Page.getFrameTree');
    const world = contexts.find(
      (c) =>
        c.origin.startsWith('chrome-extension://') &&
        c.auxData?.isDefault === false &&
        c.auxData?.frameId === frameTree.frame.id,
    );
    if (!world) return { firstUse: false, watch: false, main: false };
    const { result } = await session.send('Runtime.evaluate', {
      expression:
        '(() => { const p = globalThis.__earmarkParts || {}; return { firstUse: !!p.firstUse, watch: !!p.watch, main: !!p.main }; })()',
      contextId: world.id,
      returnByValue: true,
    });
    return result.value as ContentParts;
  } finally {
    await session.detach().catch(() => undefined);
  }
}
