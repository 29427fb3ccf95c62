/**
 * Earmark's in-page UI in Firefox: closed shadow roots, which page scripts (and puppeteer's
 * selectors) can't enter. WebDriver BiDi can: a node serialised with `includeShadowTree: 'all'`
 * carries its closed shadow root, and a button found there is pressed with the real mouse at
 * its place on screen. The same reading as test/support/closed-shadow.ts does over CDP.
 */
import type { Page } from 'puppeteer-core';
import type { ClosedUi } from './closed-shadow';
import { bidiOf } from './firefox';

interface NodeValue {
  nodeType: number;
  localName?: string;
  nodeValue?: string;
  children?: SerialisedNode[];
  shadowRoot?: SerialisedNode | null;
}
interface SerialisedNode {
  type: string;
  sharedId?: string;
  value?: NodeValue;
}

const contextOf = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;

function childrenOf(node: SerialisedNode): SerialisedNode[] {
  const value = node.value;
  return [...(value?.shadowRoot ? [value.shadowRoot] : []), ...(value?.children ?? [])];
}

function textOf(node: SerialisedNode): string {
  if (node.value?.nodeType === 3) return node.value.nodeValue ?? '';
  if (node.value?.localName === 'style') return '';
  return childrenOf(node).map(textOf).join(' ');
}

function buttonsIn(node: SerialisedNode, out: SerialisedNode[] = []): SerialisedNode[] {
  if (node.value?.localName === 'button') out.push(node);
  for (const child of childrenOf(node)) buttonsIn(child, out);
  return out;
}

async function callInPage(page: Page, declaration: string, args: object[] = []) {
  const reply = await bidiOf(page.browser()).send('script.callFunction', {
    functionDeclaration: declaration,
    arguments: args,
    target: { context: contextOf(page) },
    awaitPromise: true,
    serializationOptions: { maxDomDepth: 30, includeShadowTree: 'all' },
  });
  const result = reply.result as { type: string; result?: SerialisedNode };
  if (result.type !== 'success') throw new Error(`In-page call failed: ${JSON.stringify(result)}`);
  return result.result!;
}

/** The text and buttons inside the element `tag` (a shadow host), or null if it is absent. */
export async function readClosedUi(page: Page, tag: string): Promise<ClosedUi | null> {
  const host = await callInPage(page, `() => document.querySelector(${JSON.stringify(tag)})`);
  if (host.type !== 'node') return null;
  const buttons = [];
  for (const button of buttonsIn(host)) {
    const box = await callInPage(
      page,
      '(button) => { const r = button.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }',
      [{ sharedId: button.sharedId }],
    );
    const [x, y] = (box as unknown as { value: { value: number }[] }).value.map((n) => n.value);
    buttons.push({ label: textOf(button).trim(), x: x!, y: y! });
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
