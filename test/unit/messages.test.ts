// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../src/messages/router';
import {
  BackgroundMessageSchema,
  ContentMessageSchema,
  MAX_QUOTE_CHARS,
  type BackgroundMessage,
  type ContentMessage,
  type PageState,
} from '../../src/messages/schemas';
import { senderKind, type SenderInfo, type SenderKind } from '../../src/messages/senders';

const SELF = { id: 'earmark-id', origin: 'chrome-extension://earmark-id/' };
const POPUP: SenderInfo = { id: SELF.id, url: `${SELF.origin}src/ui/popup/index.html` };
const BACKGROUND: SenderInfo = { id: SELF.id, url: `${SELF.origin}service-worker-loader.js` };
const CONTENT: SenderInfo = {
  id: SELF.id,
  url: 'https://overcast.fm/+abc',
  tab: { id: 4 },
  frameId: 0,
};
/** Senders that are not Earmark at all. */
const FORGED: [string, SenderInfo][] = [
  ['another extension', { ...POPUP, id: 'other' }],
  ['another extension in a tab', { ...CONTENT, id: 'other' }],
  ['a web page claiming our id without a tab', { id: SELF.id, url: 'https://evil.example/' }],
  ['a sender with no id', { url: POPUP.url }],
];

const detection = { kind: 'episode', platform: 'generic', score: 0.9, evidence: ['json-ld'] };
const page: PageState = {
  url: 'https://overcast.fm/+abc',
  title: 'Episode 12',
  detection: { kind: 'episode', platform: 'overcast', score: 0.9, evidence: [] },
  selection: {
    text: 'the words',
    anchor: {
      quote: { type: 'TextQuoteSelector', exact: 'the words', prefix: 'a ', suffix: ' b' },
      position: { type: 'TextPositionSelector', start: 2, end: 11 },
      timeSec: 62,
    },
    speaker: 'Sam Rivera',
  },
  timeSec: 62,
  hasMedia: true,
};

describe('senderKind', () => {
  it.each([
    ['the popup', POPUP, 'extension-page'],
    ['the background service worker', BACKGROUND, 'extension-page'],
    ['a content script in a tab', CONTENT, 'content-script'],
    ['a content script in a sub-frame', { ...CONTENT, frameId: 3 }, 'content-script'],
    [
      'an extension page opened in a tab',
      { ...POPUP, tab: { id: 9 }, frameId: 0 },
      'extension-page',
    ],
    ['another extension', { ...POPUP, id: 'other' }, null],
    ['a sender without an id', { url: POPUP.url }, null],
    ['a tab-less sender with a web URL', { id: SELF.id, url: 'https://evil.example/' }, null],
    ['a tab without a frame id', { id: SELF.id, tab: { id: 1 } }, null],
  ] as const)('classifies %s', (_name, sender, kind) => {
    expect(senderKind(sender, SELF.id, SELF.origin)).toBe(kind);
  });
});

/** Who may send each message to the background: the protocol's table. */
const BACKGROUND_SENDERS: Record<BackgroundMessage['type'], SenderKind> = {
  'content/load': 'content-script',
  'page/detected': 'content-script',
  'capture/save': 'extension-page',
  'capture/moment': 'extension-page',
  'capture/transcript': 'extension-page',
  'capture/from-page': 'content-script',
  'capture/retry': 'content-script',
  'quote/undo': 'content-script',
  'highlights/anchor': 'content-script',
  'highlights/quotes': 'content-script',
  'highlights/status': 'extension-page',
  'highlights/open': 'content-script',
  'quote/take-focus': 'extension-page',
};

/** One valid example of every message to the background. */
const VALID_BACKGROUND: BackgroundMessage[] = [
  { type: 'content/load' },
  { type: 'page/detected', url: 'https://x.example', detection } as BackgroundMessage,
  { type: 'capture/save', tabId: 3 },
  { type: 'capture/moment', tabId: 3 },
  { type: 'capture/moment', tabId: 3, text: 'words I typed' },
  { type: 'capture/transcript', tabId: 3, text: 'words heard', timeSec: 61.5, speaker: 'Ann' },
  { type: 'capture/transcript', tabId: 3, text: 'nobody named', timeSec: 0, speaker: null },
  { type: 'capture/from-page' },
  { type: 'capture/retry', page },
  // Words that can't be found again (selected in a shadow root) come without an anchor.
  { type: 'capture/retry', page: { ...page, selection: { ...page.selection!, anchor: null } } },
  { type: 'quote/undo', quoteId: 'q-1' },
  { type: 'highlights/anchor', url: 'https://x.example/', texts: ['the page text', 'a frame'] },
  { type: 'highlights/quotes', url: 'https://x.example/' },
  { type: 'highlights/status', tabId: 3 },
  { type: 'highlights/open', quoteId: 'q-1', url: 'https://x.example/' },
  { type: 'quote/take-focus', tabId: 3 },
];

const CONTENT_SENDERS: Record<ContentMessage['type'], SenderKind> = {
  'page/read': 'extension-page',
  'player/seek': 'extension-page',
  'player/time': 'extension-page',
  'page/feeds': 'extension-page',
  'capture/feedback': 'extension-page',
  'capture/start': 'extension-page',
  'highlights/refresh': 'extension-page',
};

const VALID_CONTENT: ContentMessage[] = [
  { type: 'page/read' },
  { type: 'player/seek', timeSec: 62.5 },
  { type: 'player/time' },
  { type: 'player/time', after: 12 },
  { type: 'page/feeds' },
  {
    type: 'capture/feedback',
    result: { ok: true, quoteId: 'q-1', text: 'the words', timeSec: 62, speaker: 'Sam' },
  },
  {
    type: 'capture/feedback',
    result: { ok: false, error: 'The disk is full.', text: 'the words', retry: page },
  },
  {
    type: 'capture/feedback',
    result: { ok: false, error: 'Nothing selected', text: null, retry: null },
  },
  { type: 'capture/start' },
  { type: 'highlights/refresh' },
];

type Spies<M extends { type: string }> = Record<M['type'], ReturnType<typeof vi.fn>>;

function routerFor<M extends { type: string }>(
  schema: typeof BackgroundMessageSchema | typeof ContentMessageSchema,
  senders: Record<M['type'], SenderKind>,
) {
  const handlers = {} as Spies<M>;
  const routes = {} as Record<string, { from: SenderKind; handle: ReturnType<typeof vi.fn> }>;
  for (const [type, from] of Object.entries(senders) as [M['type'], SenderKind][]) {
    handlers[type] = vi.fn(async () => ({ ok: true as const }));
    routes[type] = { from, handle: handlers[type] };
  }
  // The table above is checked against the message types; the spies stand in for handlers.
  const route = createRouter(schema, routes as never, SELF);
  const noneRan = () =>
    Object.values<ReturnType<typeof vi.fn>>(handlers).every((h) => h.mock.calls.length === 0);
  return { route, handlers, noneRan };
}

const backgroundRouter = () =>
  routerFor<BackgroundMessage>(BackgroundMessageSchema, BACKGROUND_SENDERS);
const contentRouter = () => routerFor<ContentMessage>(ContentMessageSchema, CONTENT_SENDERS);

const senderOfKind = (kind: SenderKind) => (kind === 'extension-page' ? POPUP : CONTENT);
const otherKind = (kind: SenderKind) => (kind === 'extension-page' ? CONTENT : POPUP);

describe('background router', () => {
  it.each(VALID_BACKGROUND.map((m) => [m.type, m] as const))(
    'runs the %s handler for a valid message from its sender',
    async (type, message) => {
      const { route, handlers } = backgroundRouter();
      const sender = senderOfKind(BACKGROUND_SENDERS[type]);
      expect(await route(message, sender)).toEqual({ ok: true });
      expect(handlers[type]).toHaveBeenCalledWith(message, sender);
    },
  );

  it.each(VALID_BACKGROUND.map((m) => [m.type, m] as const))(
    'refuses %s from the other kind of sender, running no handler',
    async (type, message) => {
      const { route, noneRan } = backgroundRouter();
      const reply = await route(message, otherKind(BACKGROUND_SENDERS[type]));
      expect(reply).toMatchObject({ ok: false, error: `Refused ${type} from this sender` });
      expect(noneRan()).toBe(true);
    },
  );

  it.each(FORGED)('refuses every message from %s', async (_name, sender) => {
    const { route, noneRan } = backgroundRouter();
    for (const message of VALID_BACKGROUND) {
      expect(await route(message, sender)).toMatchObject({ ok: false });
    }
    expect(noneRan()).toBe(true);
  });

  it.each([
    ['an unknown type', { type: 'store/wipe' }],
    ['a delete a page could use on any quote', { type: 'quote/delete', quoteId: 'q-1' }],
    ['no type', { tabId: 1 }],
    ['a string', 'capture/save'],
    ['null', null],
    ['a negative tab id', { type: 'capture/save', tabId: -1 }],
    ['a fractional tab id', { type: 'highlights/status', tabId: 1.5 }],
    [
      'a bad detection kind',
      { type: 'page/detected', url: 'x', detection: { ...detection, kind: 'evil' } },
    ],
    // Longer than any address Chromium allows (2 MB); long real ones are accepted (issue 18).
    [
      'an oversized URL',
      { type: 'page/detected', url: 'x'.repeat(2 * 1024 * 1024 + 1), detection },
    ],
    [
      'an oversized image URL',
      {
        type: 'page/detected',
        url: 'https://x.example/',
        detection: {
          ...detection,
          episode: {
            title: 't',
            show: 's',
            url: 'https://x.example/',
            imageUrl: 'x'.repeat(5_000),
          },
        },
      },
    ],
    [
      'a typed moment far over the quote limit',
      { type: 'capture/moment', tabId: 1, text: 'x'.repeat(MAX_QUOTE_CHARS * 4 + 1) },
    ],
    [
      'transcript words with a negative time',
      { type: 'capture/transcript', tabId: 1, text: 'x', timeSec: -1, speaker: null },
    ],
    [
      'transcript words with no time',
      { type: 'capture/transcript', tabId: 1, text: 'x', speaker: null },
    ],
    [
      'transcript words far over the quote limit',
      {
        type: 'capture/transcript',
        tabId: 1,
        text: 'x'.repeat(MAX_QUOTE_CHARS * 4 + 1),
        timeSec: 1,
        speaker: null,
      },
    ],
    ['a retry without a page', { type: 'capture/retry' }],
    [
      'a retry whose page has a forged detection',
      { type: 'capture/retry', page: { ...page, detection: { ...detection, kind: 'evil' } } },
    ],
    ['an Undo with an empty id', { type: 'quote/undo', quoteId: '' }],
    ['an Undo with an id that is no id', { type: 'quote/undo', quoteId: 'x'.repeat(500) }],
    ['an Undo with a numeric id', { type: 'quote/undo', quoteId: 7 }],
    [
      'a highlight request with no text',
      { type: 'highlights/anchor', url: 'https://x.example/', texts: [] },
    ],
    [
      'a highlight request with a number',
      { type: 'highlights/anchor', url: 'https://x.example/', texts: [42] },
    ],
    [
      'a highlight request for more frames than a page has',
      {
        type: 'highlights/anchor',
        url: 'https://x.example/',
        texts: Array.from({ length: 17 }, () => 'x'),
      },
    ],
    ['a request for the quotes of no page', { type: 'highlights/quotes', url: 42 }],
    [
      'a highlight request with a page text over 5,000,000 characters',
      { type: 'highlights/anchor', url: 'https://x.example/', texts: ['x'.repeat(5_000_001)] },
    ],
  ])('refuses %s with an error answer, running no handler', async (_name, message) => {
    const { route, noneRan } = backgroundRouter();
    for (const sender of [CONTENT, POPUP]) {
      const reply = await route(message, sender);
      expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
    }
    expect(noneRan()).toBe(true);
  });
});

describe('content router', () => {
  it.each(VALID_CONTENT.map((m) => [m.type, m] as const))(
    'runs the %s handler for a valid message from the extension',
    async (type, message) => {
      const { route, handlers } = contentRouter();
      expect(await route(message, BACKGROUND)).toEqual({ ok: true });
      expect(handlers[type]).toHaveBeenCalledWith(message, BACKGROUND);
    },
  );

  it('refuses messages from a content script or a forged sender, running no handler', async () => {
    const { route, noneRan } = contentRouter();
    for (const sender of [CONTENT, ...FORGED.map(([, s]) => s)]) {
      for (const message of VALID_CONTENT) {
        expect(await route(message, sender)).toMatchObject({ ok: false });
      }
    }
    expect(noneRan()).toBe(true);
  });

  it.each([
    ['a seek to no time', { type: 'player/seek', timeSec: Number.NaN }],
    ['a seek to forever', { type: 'player/seek', timeSec: Number.POSITIVE_INFINITY }],
    ['a seek before the start', { type: 'player/seek', timeSec: -1 }],
    ['a clock version that is no count', { type: 'player/time', after: 1.5 }],
    ['a clock version below zero', { type: 'player/time', after: -1 }],
    ['feedback without a result', { type: 'capture/feedback' }],
    [
      'feedback that claims success without a quote',
      { type: 'capture/feedback', result: { ok: true, text: 'x', timeSec: 1, speaker: null } },
    ],
    [
      'feedback with an ok that is not a boolean',
      { type: 'capture/feedback', result: { ok: 'yes', error: 'x', text: null, retry: null } },
    ],
    [
      'feedback with a draft far over the quote limit',
      {
        type: 'capture/feedback',
        result: { ok: false, error: 'x', text: 'x'.repeat(MAX_QUOTE_CHARS * 4 + 1), retry: null },
      },
    ],
  ])('refuses %s, running no handler', async (_name, message) => {
    const { route, noneRan } = contentRouter();
    expect(await route(message, BACKGROUND)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Refused/),
    });
    expect(noneRan()).toBe(true);
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
        'player/time': { from: 'extension-page', handle: async () => ({ ok: true }) },
        'page/feeds': { from: 'extension-page', handle: async () => ({ ok: true }) },
        'capture/feedback': { from: 'extension-page', handle: async () => ({ ok: true }) },
        'capture/start': { from: 'extension-page', handle: async () => ({ ok: true }) },
        'highlights/refresh': { from: 'extension-page', handle: async () => ({ ok: true }) },
      },
      SELF,
    );
    expect(await route({ type: 'page/read' }, POPUP)).toEqual({ ok: false, error: 'no body' });
  });
});
