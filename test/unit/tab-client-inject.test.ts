import { describe, expect, it, vi } from 'vitest';

// The polyfill throws outside an extension: give the module just the calls it makes here.
const executeScript = vi.fn(async () => []);
vi.mock('../../src/browser/extension-api', () => ({
  default: { scripting: { executeScript }, i18n: { getMessage: (key: string) => key } },
}));

const { injectContentScript } = await import('../../src/browser/tab-client');

describe('injecting the full content script', () => {
  it('names the file from the extension root, so a sidebar or popup finds it in Firefox', async () => {
    await injectContentScript(7);

    expect(executeScript).toHaveBeenCalledTimes(1);
    const [details] = executeScript.mock.calls[0] as unknown as [{ files: string[] }];
    const [file] = details.files;
    // Firefox resolves the path against the page that asks: the sidebar's, here.
    const sidebar = 'moz-extension://uuid/src/ui/sidepanel/index.html';
    expect(new URL(file!, sidebar).pathname).toBe('/src/content/main.js');
  });

  it('adds only the watch part when asked for it', async () => {
    executeScript.mockClear();
    await injectContentScript(7, 0, 'watch');

    const [details] = executeScript.mock.calls[0] as unknown as [
      { files: string[]; target: unknown },
    ];
    expect(details.target).toEqual({ tabId: 7, frameIds: [0] });
    expect(new URL(details.files[0]!, 'chrome-extension://id/x').pathname).toBe(
      '/src/content/watch.js',
    );
  });
});
