import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buttonPosition,
  watchSelectionForButton,
  type SaveButton,
} from '../../src/content/floating-button';

describe('buttonPosition', () => {
  const viewport = { width: 1000, height: 800 };
  const size = { width: 90, height: 26 };
  // A selection over two lines: from x=200 on the first to x=500 on the second.
  const first = { left: 200, top: 300 };
  const last = { right: 500, bottom: 340 };

  it('puts the button just above the first line, where the selection starts', () => {
    expect(buttonPosition(first, last, viewport, size)).toEqual({ left: 200, top: 268 });
  });

  it('never covers the line under the selection while there is room above', () => {
    const { top } = buttonPosition(first, last, viewport, size);
    expect(top + size.height).toBeLessThanOrEqual(first.top);
  });

  it('keeps it inside the viewport at the right and left edges', () => {
    expect(buttonPosition({ left: 980, top: 300 }, last, viewport, size).left).toBe(910);
    expect(buttonPosition({ left: -20, top: 300 }, last, viewport, size).left).toBe(0);
  });

  it('goes below the last line only when the selection starts at the top of the view', () => {
    expect(buttonPosition({ left: 200, top: 10 }, last, viewport, size)).toEqual({
      left: 410,
      top: 346,
    });
  });

  it('keeps clear of Earmark’s own confirmation', () => {
    const toast = { left: 600, top: 700, right: 984, bottom: 784 };
    const { left, top } = buttonPosition(
      { left: 650, top: 740 },
      { right: 900, bottom: 760 },
      viewport,
      size,
      toast,
    );
    expect(top + size.height).toBeLessThanOrEqual(toast.top);
    expect(left).toBe(650);
  });
});

describe('watchSelectionForButton', () => {
  let roots: ShadowRoot[];
  let controller: AbortController;
  let onSave: ReturnType<typeof vi.fn<() => void>>;
  let saveButton: SaveButton;

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
    saveButton = watchSelectionForButton(document, {
      label: 'Save quote',
      onSave,
      signal: controller.signal,
    });
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
    expect(host()!.style.getPropertyValue('top')).toBe('168px');
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

  it('stays away after a save until the selection changes', async () => {
    const p = document.querySelector('p')!;
    await select(p);
    const click = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(click, 'isTrusted', { value: true });
    button().dispatchEvent(click);
    expect(host()).toBeNull();
    // The same selection, still there: a selectionchange (a scroll, a click) offers nothing.
    document.dispatchEvent(new Event('selectionchange'));
    await vi.advanceTimersByTimeAsync(500);
    expect(host()).toBeNull();
    // Other words: offered again.
    const range = document.createRange();
    range.setStart(p.firstChild!, 4);
    range.setEnd(p.firstChild!, 11);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    await vi.advanceTimersByTimeAsync(500);
    expect(host()).not.toBeNull();
  });

  it('goes away when the selection was saved another way (the key, the menu)', async () => {
    await select(document.querySelector('p')!);
    saveButton.selectionSaved();
    expect(host()).toBeNull();
    document.dispatchEvent(new Event('selectionchange'));
    await vi.advanceTimersByTimeAsync(500);
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

  it('added after a selection was made, shows its button once that selection has settled', async () => {
    controller.abort();
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    // The watch part saw the selection 150 ms before this part was added.
    const selectedAt = performance.now();
    await vi.advanceTimersByTimeAsync(150);
    controller = new AbortController();
    watchSelectionForButton(document, {
      label: 'Save quote',
      onSave,
      signal: controller.signal,
      selectedAt,
    });
    await vi.advanceTimersByTimeAsync(40);
    expect(host()).toBeNull();
    // 200 ms after the selection changed, as if this part had been there all along.
    await vi.advanceTimersByTimeAsync(20);
    expect(host()).not.toBeNull();
  });
});
