import type { Page } from 'playwright-core';

/**
 * Selects the exact words on the page with the Range API, as a person's drag would. Runs in the
 * page: Playwright's and puppeteer's `page.evaluate` both take it.
 */
export function selectWordsInPage(wanted: string): void {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(wanted);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + wanted.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return;
  }
  throw new Error(`text not on page: ${wanted}`);
}

/** Plays the page's audio briefly, then seeks to `at` seconds and pauses there (in the page). */
export async function playAndSeekInPage(at: number): Promise<void> {
  const audio = document.querySelector('audio')!;
  await audio.play();
  await new Promise((resolve) => setTimeout(resolve, 300));
  audio.pause();
  audio.currentTime = at;
  await new Promise((resolve) => audio.addEventListener('seeked', resolve, { once: true }));
}

/** Selects the exact words on the page with the Range API, as a person's drag would. */
export async function selectText(page: Page, text: string): Promise<void> {
  await page.evaluate(selectWordsInPage, text);
}

/** Plays the page's audio briefly, then seeks to `seconds` and pauses there. */
export async function playAndSeek(page: Page, seconds: number): Promise<void> {
  await page.evaluate(playAndSeekInPage, seconds);
}
