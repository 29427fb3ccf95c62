import { afterEach, describe, expect, it, vi } from 'vitest';
import { openAppLink } from '../../../src/ui/editor/send-to-app';

afterEach(() => vi.restoreAllMocks());

/** The links the page clicked, caught before the DOM would follow them. */
function catchLinkClicks(): string[] {
  const clicked: string[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    clicked.push(this.href);
  });
  return clicked;
}

describe('opening an app link', () => {
  it('says the app opened when the window loses focus to it in time', async () => {
    const clicked = catchLinkClicks();
    const opening = openAppLink('obsidian://new?file=A%20note', 1_000);
    expect(clicked).toEqual(['obsidian://new?file=A%20note']);
    window.dispatchEvent(new Event('blur'));
    await expect(opening).resolves.toBe(true);
  });

  it('says it did not open when nothing takes the focus before the wait is over', async () => {
    vi.useFakeTimers();
    try {
      catchLinkClicks();
      const opening = openAppLink('logseq://x-callback-url/quickCapture?content=x', 1_500);
      vi.advanceTimersByTime(1_499);
      window.dispatchEvent(new Event('focus'));
      vi.advanceTimersByTime(1);
      await expect(opening).resolves.toBe(false);
      // A blur after the answer changes nothing, and leaves no listener behind.
      window.dispatchEvent(new Event('blur'));
    } finally {
      vi.useRealTimers();
    }
  });
});
