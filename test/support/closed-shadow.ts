import type { CDPSession, Page } from 'playwright-core';

/**
 * Earmark's in-page UI lives in closed shadow roots, which page scripts (and Playwright's
 * locators) can't enter. The DevTools protocol can: it reads the shadow tree as the browser
 * sees it, and buttons are pressed with the real mouse at their place on screen.
 */
export interface ClosedUi {
  text: string;
  buttons: { label: string; x: number; y: number }[];
}

interface DomNode {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

const sessions = new WeakMap<Page, CDPSession>();

async function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

function find(node: DomNode, tag: string): DomNode | null {
  if (node.localName === tag) return node;
  for (const child of [
    ...(node.children ?? []),
    ...(node.shadowRoots ?? []),
    ...(node.contentDocument ? [node.contentDocument] : []),
  ]) {
    const found = find(child, tag);
    if (found) return found;
  }
  return null;
}

function textOf(node: DomNode): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.localName === 'style') return '';
  return [...(node.shadowRoots ?? []), ...(node.children ?? [])].map(textOf).join(' ');
}

function buttonsIn(node: DomNode, out: DomNode[] = []): DomNode[] {
  if (node.localName === 'button') out.push(node);
  for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])])
    buttonsIn(child, out);
  return out;
}

/** The text and buttons inside the element `tag` (a shadow host), or null if it is absent. */
export async function readClosedUi(page: Page, tag: string): Promise<ClosedUi | null> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const host = find(root, tag);
  if (!host) return null;
  const buttons = [];
  for (const button of buttonsIn(host)) {
    const { model } = (await cdp.send('DOM.getBoxModel', {
      backendNodeId: button.backendNodeId,
    })) as { model: { content: number[] } };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    buttons.push({ label: textOf(button).trim(), x: (x1 + x3) / 2, y: (y1 + y3) / 2 });
  }
  return { text: textOf(host).replace(/\s+/g, ' ').trim(), buttons };
}

/** Presses the button labelled `label` inside the shadow host `tag`, with the real mouse. */
export async function clickClosedUiButton(page: Page, tag: string, label: string): Promise<void> {
  const ui = await readClosedUi(page, tag);
  const button = ui?.buttons.find((b) => b.label === label);
  if (!button) throw new Error(`No "${label}" button in <${tag}>: ${JSON.stringify(ui)}`);
  await page.mouse.click(button.x, button.y);
}

/** Every element `tag` on the page (one per toast, say), in document order. */
export async function readAllClosedUi(page: Page, tag: string): Promise<ClosedUi[]> {
  const cdp = await session(page);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const hosts: DomNode[] = [];
  const collect = (node: DomNode) => {
    if (node.localName === tag) hosts.push(node);
    for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) collect(child);
  };
  collect(root);
  return hosts.map((host) => ({
    text: textOf(host).replace(/\s+/g, ' ').trim(),
    buttons: [],
  }));
}
