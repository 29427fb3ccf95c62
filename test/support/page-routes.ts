import type { BrowserContext } from 'playwright-core';

/**
 * Serves saved pages at their own addresses (address → HTML), from memory, with the pages' own
 * scripts off (content scripts are not subject to a page's CSP), so that a platform's adapter
 * claims them as it would on the real site. Any other request continues if `passes(url)`,
 * else is aborted: nothing leaves the machine.
 */
export async function servePagesByAddress(
  browser: { context: BrowserContext },
  pages: ReadonlyMap<string, string>,
  passes: (url: string) => boolean = () => false,
): Promise<void> {
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    const html = pages.get(url.split('#')[0]!);
    if (html === undefined) return passes(url) ? route.continue() : route.abort();
    return route.fulfill({
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': "script-src 'none'",
      },
      body: html,
    });
  });
}
