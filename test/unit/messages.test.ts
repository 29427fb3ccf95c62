import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../src/messages/router';
import { BackgroundMessageSchema, ContentMessageSchema } from '../../src/messages/schemas';
import { senderKind, type SenderInfo } from '../../src/messages/senders';

const SELF = { id: 'earmark-id', origin: 'chrome-extension://earmark-id/' };
const POPUP: SenderInfo = { id: SELF.id, url: `${SELF.origin}src/ui/popup/index.html` };
const CONTENT: SenderInfo = { id: SELF.id, url: 'https://overcast.fm/+abc', tab: { id: 4 }, frameId: 0 };

const detection = { kind: 'episode', platform: 'generic', score: 0.9, evidence: ['json-ld'] };

describe('senderKind', () => {
  it.each([
    ['the popup', POPUP, 'extension-page'],
    ['a content script in a tab', CONTENT, 'content-script'],
    ['a content script in a sub-frame', { ...CONTENT, frameId: 3 }, 'content-script'],
    ['an extension page opened in a tab', { ...POPUP, tab: { id: 9 }, frameId: 0 }, 'extension-page'],
    ['another extension', { ...POPUP, id: 'other' }, null],
    ['a sender without an id', { url: POPUP.url }, null],
    ['a tab-less sender with a web URL', { id: SELF.id, url: 'https://evil.example/' }, null],
    ['a tab without a frame id', { id: SELF.id, tab: { id: 1 } }, null],
  ] as const)('classifies %s', (_name, sender, kind) => {
    expect(senderKind(sender, SELF.id, SELF.origin)).toBe(kind);
  });
});

describe('router', () => {
  function backgroundRouter() {
    const detected = vi.fn(async () => ({ ok: true as const }));
    const capture = vi.fn(async () => ({ ok: true as const }));
    const route = createRouter(
      BackgroundMessageSchema,
      {
        'page/detected': { from: 'content-script', handle: detected },
        'capture/save': { from: 'extension-page', handle: capture },
      },
      SELF,
    );
    return { route, detected, capture };
  }

  it('runs the handler for a valid message from the right sender', async () => {
    const { route, capture } = backgroundRouter();
    expect(await route({ type: 'capture/save', tabId: 3 }, POPUP)).toEqual({ ok: true });
    expect(capture).toHaveBeenCalledWith({ type: 'capture/save', tabId: 3 }, POPUP);
  });

  it('refuses a valid message from the wrong kind of sender', async () => {
    const { route, capture, detected } = backgroundRouter();
    expect(await route({ type: 'capture/save', tabId: 3 }, CONTENT)).toMatchObject({ ok: false });
    expect(
      await route({ type: 'page/detected', url: 'https://x.example', detection }, POPUP),
    ).toMatchObject({ ok: false });
    expect(capture).not.toHaveBeenCalled();
    expect(detected).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'store/wipe' }],
    ['no type', { tabId: 1 }],
    ['a string', 'capture/save'],
    ['null', null],
    ['a negative tab id', { type: 'capture/save', tabId: -1 }],
    ['a bad detection kind', { type: 'page/detected', url: 'x', detection: { ...detection, kind: 'evil' } }],
    ['an oversized URL', { type: 'page/detected', url: 'x'.repeat(10_000), detection }],
  ])('refuses %s with an error answer, running no handler', async (_name, message) => {
    const { route, capture, detected } = backgroundRouter();
    const reply = await route(message, CONTENT);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
    expect(capture).not.toHaveBeenCalled();
    expect(detected).not.toHaveBeenCalled();
  });

  it('turns a failing handler into an error answer', async () => {
    const route = createRouter(
      ContentMessageSchema,
      {
        'page/read': {
          from: 'extension-page',
          handle: async () => {
            throw new Error('no body');
          },
        },
        'player/seek': { from: 'extension-page', handle: async () => ({ ok: true }) },
      },
      SELF,
    );
    expect(await route({ type: 'page/read' }, POPUP)).toEqual({ ok: false, error: 'no body' });
  });
});
