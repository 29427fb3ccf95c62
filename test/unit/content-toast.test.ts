/** The in-page confirmation, over happy-dom. Its real look and clicks: test/e2e/capture.e2e.ts. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TOAST_MS, hideToast, showToast, type ToastActions } from '../../src/content/toast';
import type { CaptureFeedback, PageState } from '../../src/messages/schemas';

let roots: ShadowRoot[];

beforeEach(() => {
  vi.useFakeTimers();
  roots = [];
  // The toast's shadow root is closed to the page; the test keeps a key to it.
  const attach = HTMLElement.prototype.attachShadow;
  vi.spyOn(HTMLElement.prototype, 'attachShadow').mockImplementation(function (
    this: HTMLElement,
    init: ShadowRootInit,
  ) {
    const root = attach.call(this, init);
    roots.push(root);
    return root;
  });
});

afterEach(() => {
  hideToast();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function actions(overrides: Partial<ToastActions> = {}): ToastActions {
  return {
    undo: vi.fn(async () => null),
    retry: vi.fn(async () => true),
    open: vi.fn(),
    copy: vi.fn(async () => true),
    t: (key, ...subs) => [key, ...subs].join(' '),
    ...overrides,
  };
}

const host = () => document.querySelector('earmark-toast');
const root = () => roots.at(-1)!;
const text = () => root().querySelector('.message')!.textContent;
const labels = () => [...root().querySelectorAll('button')].map((b) => b.textContent);
/** The person's click: trusted, as a script's made-up click is not (issue 18). */
const press = (label: string) => {
  const click = new MouseEvent('click', { bubbles: true });
  Object.defineProperty(click, 'isTrusted', { value: true });
  [...root().querySelectorAll('button')].find((b) => b.textContent === label)!.dispatchEvent(click);
};

const saved: CaptureFeedback = {
  ok: true,
  quoteId: 'q1',
  text: 'the words',
  timeSec: 62,
  speaker: 'Sam Rivera',
};

describe('the capture confirmation', () => {
  it('says calmly that a passage is already saved, and opens that quote instead', () => {
    const open = vi.fn();
    showToast(
      document,
      {
        ok: false,
        error: 'Already saved, at 1:02.',
        text: null,
        retry: null,
        savedQuoteId: 'q1',
      },
      actions({ open }),
    );
    expect(text()).toBe('Already saved, at 1:02.');
    expect(root().querySelector('.toast.error')).toBeNull();
    expect(root().querySelector('[role="status"]')).not.toBeNull();
    expect(labels()).toEqual(['toastOpenSaved', 'toastClose']);
    press('toastOpenSaved');
    expect(open).toHaveBeenCalledWith('q1');
    expect(host()).toBeNull();
  });

  it('writes the time with hours in an episode an hour or longer', () => {
    showToast(document, { ...saved, hours: true }, actions());
    expect(text()).toBe('toastSavedAt 0:01:02 · Sam Rivera');
  });

  it('says when the quote was saved and who spoke, in a closed shadow root', () => {
    showToast(document, saved, actions());
    expect(host()!.shadowRoot).toBeNull();
    expect(text()).toBe('toastSavedAt 1:02 · Sam Rivera');
    expect(labels()).toEqual(['toastUndo', 'toastClose']);
    expect(root().querySelector('[role="status"]')).not.toBeNull();
  });

  it('lives outside the page body, so it never becomes part of the anchored text', () => {
    showToast(document, saved, actions());
    expect(host()!.parentElement).toBe(document.documentElement);
  });

  it('says so when the page had no player time', () => {
    showToast(document, { ...saved, timeSec: null, speaker: null }, actions());
    expect(text()).toBe('toastSavedNoTime');
  });

  it('goes away by itself, but not while the pointer is on it', async () => {
    showToast(document, saved, actions());
    root().querySelector('.toast')!.dispatchEvent(new MouseEvent('mouseenter'));
    await vi.advanceTimersByTimeAsync(TOAST_MS * 2);
    expect(host()).not.toBeNull();
    root().querySelector('.toast')!.dispatchEvent(new MouseEvent('mouseleave'));
    await vi.advanceTimersByTimeAsync(TOAST_MS);
    expect(host()).toBeNull();
  });

  it('deletes the quote on Undo and says it is removed', async () => {
    const undo = vi.fn(async () => null);
    showToast(document, saved, actions({ undo }));
    press('toastUndo');
    await vi.advanceTimersByTimeAsync(0);
    expect(undo).toHaveBeenCalledWith('q1');
    expect(text()).toBe('toastUndone');
    expect(labels()).toEqual(['toastClose']);
  });

  it('shows why an Undo failed', async () => {
    showToast(document, saved, actions({ undo: async () => 'errorUndoExpired' }));
    press('toastUndo');
    await vi.advanceTimersByTimeAsync(0);
    expect(text()).toBe('errorUndoExpired');
  });

  it('replaces the previous confirmation rather than stacking them', () => {
    showToast(document, saved, actions());
    showToast(document, { ...saved, quoteId: 'q2' }, actions());
    expect(document.querySelectorAll('earmark-toast')).toHaveLength(1);
  });
});

describe('a failed capture', () => {
  it('is not replaced by a later confirmation while it holds the words', () => {
    showToast(
      document,
      { ok: false, error: 'The disk is full.', text: 'the words', retry: null },
      actions(),
    );
    showToast(document, saved, actions());
    showToast(document, { ...saved, quoteId: 'q2' }, actions());
    expect(document.querySelectorAll('earmark-toast')).toHaveLength(2);
    expect(roots[0]!.querySelector('.draft')!.textContent).toBe('the words');
  });

  it('goes once Retry saved its words', async () => {
    const page = { url: 'https://x.example/' } as PageState;
    showToast(
      document,
      { ok: false, error: 'The disk is full.', text: 'the words', retry: page },
      actions({ retry: async () => true }),
    );
    press('toastRetry');
    await vi.advanceTimersByTimeAsync(0);
    expect(document.querySelectorAll('earmark-toast')).toHaveLength(0);
  });

  const page = { url: 'https://x.example/' } as PageState;

  it('shows why, keeps the text, and offers Retry and Copy until closed', async () => {
    const retry = vi.fn(async () => false);
    const copy = vi.fn(async () => true);
    showToast(
      document,
      { ok: false, error: 'The disk is full.', text: 'the words', retry: page },
      actions({ retry, copy }),
    );
    expect(text()).toBe('The disk is full.');
    expect(root().querySelector('.draft')!.textContent).toBe('the words');
    expect(root().querySelector('[role="alert"]')).not.toBeNull();
    expect(labels()).toEqual(['toastRetry', 'toastCopy', 'toastClose']);

    await vi.advanceTimersByTimeAsync(TOAST_MS * 10);
    expect(host()).not.toBeNull();

    press('toastCopy');
    await vi.advanceTimersByTimeAsync(0);
    expect(copy).toHaveBeenCalledWith('the words');
    expect(labels()).toContain('toastCopied');
    press('toastRetry');
    expect(retry).toHaveBeenCalledWith(page);
    press('toastClose');
    expect(host()).toBeNull();
  });

  it('offers no Retry when saving again cannot help (a selection too long)', () => {
    showToast(
      document,
      { ok: false, error: 'Too long.', text: 'many words', retry: null },
      actions(),
    );
    expect(labels()).toEqual(['toastCopy', 'toastClose']);
  });

  it('tells the person to select the text when the clipboard refuses', async () => {
    showToast(
      document,
      { ok: false, error: 'Too long.', text: 'many words', retry: null },
      actions({ copy: async () => false }),
    );
    press('toastCopy');
    await vi.advanceTimersByTimeAsync(0);
    expect(labels()).toContain('toastCopyFailed');
  });

  it('shows only the reason when there was no text', () => {
    showToast(
      document,
      { ok: false, error: 'Nothing is selected.', text: null, retry: null },
      actions(),
    );
    expect(root().querySelector('.draft')).toBeNull();
    expect(labels()).toEqual(['toastClose']);
  });
});
