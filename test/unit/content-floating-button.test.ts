import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buttonPosition, watchSelectionForButton } from '../../src/content/floating-button';

describe('buttonPosition', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 90, height: 26 };

  it('puts the button just below the end of the selection', () => {
    expect(buttonPosition({ right: 500, bottom: 300 }, viewport, size)).toEqual({
      left: 410,
      top: 306,
    });
  });

  it('keeps it inside the viewport at the right and left edges', () => {
    expect(buttonPosition({ right: 1200, bottom: 300 }, viewport, size).left).toBe(910);
    expect(buttonPosition({ right: 20, bottom: 300 }, viewport, size).left).toBe(0);
  });

  it('puts it above the selection when there is no room below', () => {
    const { top } = buttonPosition({ right: 500, bottom: 790 }, viewport, size);
    expect(top + size.height).toBeLessThanOrEqual(790);
  });
});

describe('watchSelectionForButton', () => {
  let roots: ShadowRoot[];
  let controller: AbortController;
  let onSave: ReturnType<typeof vi.fn<() => void>>;

  beforeEach(() => {
    vi.useFakeTimers();
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.textContent = 'The silence before anyone notices me.';
    const textarea = document.createElement('textarea');
    textarea.textContent = 'my own notes';
    document.body.append(p, textarea);
    roots = [];
    const attach = HTMLElement.prototype.attachShadow;
    vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
      this: HTMLElement,
      init: ShadowRootInit,
    ) {
      const root = attach.call(this, init);
      roots.push(root);
      return root;
    });
    // happy-dom lays nothing out: give selections a place on screen.
    vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
      new DOMRect(100, 200, 300, 20),
    ] as unknown as DOMRectList);
    controller = new AbortController();
    onSave = vi.fn();
    watchSelectionForButton(document, { label: 'Save quote', onSave, signal: controller.signal });
  });

  afterEach(() => {
    controller.abort();
    getSelection()!.removeAllRanges();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  async function select(node: Node): Promise<void> {
    const range = document.createRange();
    range.selectNodeContents(node);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    await vi.advanceTimersByTimeAsync(500);
  }

  const host = () => document.querySelector('earmark-save-button') as HTMLElement | null;
  const button = () => roots.at(-1)!.querySelector('button')!;

  it('adds nothing to the page until text is selected', async () => {
    await vi.advanceTimersByTimeAsync(1_000);
    expect(host()).toBeNull();
  });

  it('shows a button by the selection, in a closed shadow root outside the body', async () => {
    await select(document.querySelector('p')!);
    expect(host()).not.toBeNull();
    expect(host()!.shadowRoot).toBeNull();
    expect(host()!.parentElement).toBe(document.documentElement);
    expect(button().textContent).toBe('Save quote');
    expect(host()!.style.getPropertyValue('top')).toBe('226px');
  });

  it('keeps the page’s focus and selection when pressed, then saves and goes', async () => {
    await select(document.querySelector('p')!);
    expect(button().tabIndex).toBe(-1);
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    button().dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);

    // A script's made-up click saves nothing; the person's (trusted) click does.
    button().click();
    expect(onSave).not.toHaveBeenCalled();
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    button().dispatchEvent(click);
    expect(onSave).toHaveBeenCalledTimes(1);
    expect(host()).toBeNull();
  });

  it('goes away when the selection is gone', async () => {
    await select(document.querySelector('p')!);
    getSelection()!.removeAllRanges();
    document.dispatchEvent(new Event('selectionchange'));
    await vi.advanceTimersByTimeAsync(500);
    expect(host()).toBeNull();
  });

  it('stays out of a field the person is typing in', async () => {
    await select(document.querySelector('textarea')!);
    expect(host()).toBeNull();
  });

  it('is removed, and stops watching, when switched off', async () => {
    await select(document.querySelector('p')!);
    controller.abort();
    expect(host()).toBeNull();
    await select(document.querySelector('p')!);
    expect(host()).toBeNull();
  });
});
