import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCaptureKey, watchCaptureKeys } from '../../src/content/capture-keys';

const key = (init: KeyboardEventInit) =>
  new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });

describe('isCaptureKey', () => {
  it.each([
    ['Alt+Shift+Q', { code: 'KeyQ', altKey: true, shiftKey: true }, true],
    [
      'Alt+Shift+Q on a layout where Alt makes "Œ"',
      { code: 'KeyQ', key: 'Œ', altKey: true, shiftKey: true },
      true,
    ],
    ['Alt+Q', { code: 'KeyQ', altKey: true }, false],
    ['Shift+Q', { code: 'KeyQ', shiftKey: true }, false],
    ['Ctrl+Alt+Shift+Q', { code: 'KeyQ', altKey: true, shiftKey: true, ctrlKey: true }, false],
    ['Alt+Shift+W', { code: 'KeyW', altKey: true, shiftKey: true }, false],
  ])('%s → %s', (_name, init, expected) => {
    expect(isCaptureKey(key(init))).toBe(expected);
  });
});

describe('watchCaptureKeys', () => {
  let controller: AbortController;
  let onCapture: ReturnType<typeof vi.fn<() => void>>;

  function select(node: Node): void {
    const range = document.createRange();
    range.selectNodeContents(node);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  }

  beforeEach(() => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.textContent = 'A reading room has its own weather.';
    const input = document.createElement('input');
    document.body.append(p, input);
    controller = new AbortController();
    onCapture = vi.fn();
    watchCaptureKeys(document, { onCapture, signal: controller.signal });
  });

  afterEach(() => {
    controller.abort();
    getSelection()!.removeAllRanges();
  });

  const press = (target: Element, init: KeyboardEventInit = {}) => {
    const event = key({ code: 'KeyQ', altKey: true, shiftKey: true, ...init });
    // The person's press: trusted, as a script's made-up one is not (issue 18).
    Object.defineProperty(event, 'isTrusted', { value: true });
    target.dispatchEvent(event);
    return event;
  };

  it('captures the selection, taking the key from the page only then', () => {
    select(document.querySelector('p')!);
    const event = press(document.body);
    expect(onCapture).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('ignores the same keys when a page script dispatches them', () => {
    select(document.querySelector('p')!);
    const event = key({ code: 'KeyQ', altKey: true, shiftKey: true });
    document.body.dispatchEvent(event);
    expect(onCapture).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it('leaves the key to the page when nothing is selected', () => {
    getSelection()!.removeAllRanges();
    const event = press(document.body);
    expect(onCapture).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it('leaves the key to a field the person is typing in', () => {
    select(document.querySelector('p')!);
    const event = press(document.querySelector('input')!);
    expect(onCapture).not.toHaveBeenCalled();
    expect(event.defaultPrevented).toBe(false);
  });

  it('saves once while the key is held down', () => {
    select(document.querySelector('p')!);
    press(document.body);
    press(document.body, { repeat: true });
    press(document.body, { repeat: true });
    expect(onCapture).toHaveBeenCalledTimes(1);
  });

  it('stops listening when torn down', () => {
    select(document.querySelector('p')!);
    controller.abort();
    press(document.body);
    expect(onCapture).not.toHaveBeenCalled();
  });
});
