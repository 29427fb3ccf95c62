/**
 * Fuzzing the background's message handling (issue 8): random payloads and forged senders,
 * thrown at the real background (its router, its handlers, a real store). Nothing may run:
 * the store stays empty, no tab is told anything, no script is injected, no badge changes,
 * and every message gets an `{ ok: false, error }` answer.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackground } from '../../src/background/app';
import { BackgroundMessageSchema } from '../../src/messages/schemas';
import type { SenderInfo } from '../../src/messages/senders';
import { createStore, type Store } from '../../src/store/store';
import * as v from 'valibot';

vi.mock('webextension-polyfill', () => ({
  default: {
    tabs: { sendMessage: vi.fn(async () => ({ ok: false, error: 'no page' })) },
    scripting: { executeScript: vi.fn(async () => []) },
    i18n: { getMessage: (key: string) => key },
  },
}));
// The pages' door to the same APIs (the tab client, i18n): the same fake.
vi.mock('../../src/browser/extension-api', () => import('webextension-polyfill'));

const SELF = { id: 'earmark-id', origin: 'chrome-extension://earmark-id/' };

let store: Store;
const effects = {
  tellTab: vi.fn(async () => undefined),
  showBadge: vi.fn(async () => undefined),
  loadContentScript: vi.fn(async () => undefined),
  openPanel: vi.fn(async () => false),
  tellViews: vi.fn(async () => undefined),
};

beforeEach(() => {
  store = createStore({ name: `fuzz-${Math.random()}` });
  for (const effect of Object.values(effects)) effect.mockClear();
});
afterEach(() => store.close());

const background = () =>
  createBackground({ store, self: SELF, ...effects, t: (key: string) => key });

/** Senders that are not Earmark: other extensions, web pages, malformed sender records. */
const forgedSender: fc.Arbitrary<SenderInfo> = fc.oneof(
  fc.record(
    {
      id: fc.string().filter((id) => id !== SELF.id),
      url: fc.webUrl(),
      tab: fc.record({ id: fc.nat() }),
      frameId: fc.nat(),
    },
    { requiredKeys: [] },
  ),
  // Our id, but a web page's URL and no tab: not an extension page, not a content script.
  fc.record({ id: fc.constant(SELF.id), url: fc.webUrl() }),
  // Our id, in a tab, but without a frame id.
  fc.record({ id: fc.constant(SELF.id), url: fc.webUrl(), tab: fc.record({ id: fc.nat() }) }),
);

/** Any sender at all, including Earmark's own pages and content scripts. */
const anySender: fc.Arbitrary<SenderInfo> = fc.oneof(
  forgedSender,
  fc.constant({ id: SELF.id, url: `${SELF.origin}src/ui/popup/index.html` }),
  fc.record({
    id: fc.constant(SELF.id),
    url: fc.webUrl(),
    tab: fc.record({ id: fc.nat() }),
    frameId: fc.nat(),
  }),
);

/** Payloads shaped like ours with wrong parts: known types with random fields, and junk. */
const payload = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.record({
    type: fc.constantFrom(
      'content/load',
      'page/detected',
      'capture/save',
      'capture/moment',
      'capture/from-page',
      'capture/retry',
      'quote/undo',
      'highlights/anchor',
      'highlights/quotes',
      'highlights/status',
      'store/wipe',
      '__proto__',
    ),
    tabId: fc.oneof(fc.double(), fc.string(), fc.constant(-1)),
    url: fc.oneof(fc.string({ maxLength: 5 }), fc.integer()),
    detection: fc.anything(),
    page: fc.anything(),
    texts: fc.anything(),
    quoteId: fc.oneof(fc.integer(), fc.constant(null)),
  }),
);

async function expectNothingHappened(): Promise<void> {
  for (const [name, effect] of Object.entries(effects)) {
    expect(effect, name).not.toHaveBeenCalled();
  }
  expect(await store.exportLibrary()).toEqual({ episodes: [], quotes: [] });
}

describe('the background under fuzzing', () => {
  it('answers every malformed payload, from any sender, with an error and runs nothing', async () => {
    const { route } = background();
    await fc.assert(
      fc.asyncProperty(
        payload.filter((p) => !v.is(BackgroundMessageSchema, p)),
        anySender,
        async (message, sender) => {
          const reply = await route(message, sender);
          expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
        },
      ),
      { numRuns: 1_000 },
    );
    await expectNothingHappened();
  });

  it('refuses every valid message from a forged sender and runs nothing', async () => {
    const { route } = background();
    const valid = fc.constantFrom<unknown>(
      { type: 'content/load' },
      { type: 'capture/save', tabId: 3 },
      { type: 'capture/moment', tabId: 3, text: 'typed' },
      { type: 'capture/from-page' },
      { type: 'quote/undo', quoteId: 'q-1' },
      { type: 'highlights/anchor', url: 'https://x.example/', texts: ['page text'] },
      { type: 'highlights/quotes', url: 'https://x.example/' },
      { type: 'highlights/status', tabId: 3 },
      {
        type: 'page/detected',
        url: 'https://overcast.fm/+abc',
        detection: { kind: 'episode', platform: 'overcast', score: 1, evidence: [] },
      },
    );
    await fc.assert(
      fc.asyncProperty(valid, forgedSender, async (message, sender) => {
        const reply = await route(message, sender);
        expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^Refused/) });
      }),
      { numRuns: 1_000 },
    );
    await expectNothingHappened();
  });
});
