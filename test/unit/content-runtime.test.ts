// @vitest-environment node
/** The content script's small door to the extension APIs, over a fake `chrome` / `browser`. */
import { afterEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: unknown, respond: (reply: unknown) => void) => unknown;

function fakeApi(name: string) {
  const listeners: Listener[] = [];
  return {
    name,
    listeners,
    runtime: {
      id: `${name}-id`,
      getURL: (path: string) => `${name}-extension://id/${path}`,
      sendMessage: vi.fn(async (): Promise<unknown> => ({ ok: true, from: name })),
      onMessage: { addListener: (listener: Listener) => listeners.push(listener) },
    },
    i18n: { getMessage: (key: string) => (key === 'known' ? 'Known text' : '') },
  };
}

async function loadWith(globals: { chrome?: unknown; browser?: unknown }) {
  vi.resetModules();
  vi.stubGlobal('chrome', globals.chrome);
  vi.stubGlobal('browser', globals.browser);
  return import('../../src/content/runtime');
}

afterEach(() => vi.unstubAllGlobals());

describe('content runtime', () => {
  it("uses Chromium's chrome.* when there is no browser.*", async () => {
    const chrome = fakeApi('chrome');
    const runtime = await loadWith({ chrome });
    expect(runtime.extensionSelf()).toEqual({ id: 'chrome-id', origin: 'chrome-extension://id/' });
    expect(await runtime.sendToBackground({ type: 'content/load' })).toEqual({
      ok: true,
      from: 'chrome',
    });
  });

  it('answers a failure when the background is restarting, rather than throwing', async () => {
    const chrome = fakeApi('chrome');
    chrome.runtime.sendMessage.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    chrome.runtime.sendMessage.mockResolvedValueOnce(undefined);
    const runtime = await loadWith({ chrome });
    const restarting = { ok: false, error: 'Earmark is restarting; try again in a moment.' };
    expect(await runtime.sendToBackground({ type: 'content/load' })).toEqual(restarting);
    expect(await runtime.sendToBackground({ type: 'content/load' })).toEqual(restarting);
  });

  it("prefers Firefox's browser.* when it exists", async () => {
    const runtime = await loadWith({ chrome: fakeApi('chrome'), browser: fakeApi('browser') });
    expect(runtime.extensionSelf().id).toBe('browser-id');
  });

  it('answers each message through sendResponse, keeping the channel open', async () => {
    const chrome = fakeApi('chrome');
    const runtime = await loadWith({ chrome });
    runtime.onMessage(async (message) => ({ ok: true, echo: message }));
    const respond = vi.fn();
    expect(chrome.listeners[0]!({ type: 'page/read' }, {}, respond)).toBe(true);
    await vi.waitFor(() =>
      expect(respond).toHaveBeenCalledWith({ ok: true, echo: { type: 'page/read' } }),
    );
  });

  it('answers a failure rather than leaving the sender waiting', async () => {
    const chrome = fakeApi('chrome');
    const runtime = await loadWith({ chrome });
    runtime.onMessage(async () => {
      throw new Error('boom');
    });
    const respond = vi.fn();
    chrome.listeners[0]!({}, {}, respond);
    await vi.waitFor(() =>
      expect(respond).toHaveBeenCalledWith({ ok: false, error: 'Error: boom' }),
    );
  });

  it('shows the key rather than an empty label when a string is missing', async () => {
    const runtime = await loadWith({ chrome: fakeApi('chrome') });
    expect(runtime.t('known')).toBe('Known text');
    expect(runtime.t('missingKey')).toBe('missingKey');
  });
});
