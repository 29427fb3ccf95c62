// @vitest-environment node
/**
 * The protocol's types, checked by `npm run typecheck`: every `@ts-expect-error` below is a
 * mistake the compiler must refuse (an unused one is itself an error). The run-time part only
 * shows that the typed sender hands the message to its channel unchanged.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  askOver,
  type AskBackground,
  type AskContent,
  type BackgroundReplies,
  type CaptureResult,
  type ContentReplies,
} from '../../src/messages/protocol';
import type { Routes } from '../../src/messages/router';
import type {
  BackgroundMessage,
  ContentMessage,
  HighlightsReply,
  PageState,
  Reply,
} from '../../src/messages/schemas';

function recordingAsk(reply: unknown) {
  const sent: unknown[] = [];
  const ask: AskBackground = askOver(async (message) => {
    sent.push(message);
    return reply;
  });
  return { ask, sent };
}

describe('the typed protocol', () => {
  it('hands the message to its channel and resolves with the reply', async () => {
    const { ask, sent } = recordingAsk({ ok: true, quoteId: 'q1' });
    const reply = await ask({ type: 'quote/take-focus', tabId: 3 });
    expect(sent).toEqual([{ type: 'quote/take-focus', tabId: 3 }]);
    expect(reply).toEqual({ ok: true, quoteId: 'q1' });
    expectTypeOf(reply).toEqualTypeOf<BackgroundReplies['quote/take-focus']>();
  });

  it('refuses a misspelt or misaddressed message type at compile time', async () => {
    const { ask, sent } = recordingAsk({ ok: true });
    const askPage: AskContent = askOver(async () => ({ ok: true }));
    // @ts-expect-error: 'capture/svae' is no message.
    await ask({ type: 'capture/svae', tabId: 1 });
    // @ts-expect-error: 'page/read' goes to a content script, not the background.
    await ask({ type: 'page/read' });
    // @ts-expect-error: 'capture/save' goes to the background, not a content script.
    await askPage({ type: 'capture/save', tabId: 1 });
    // @ts-expect-error: 'capture/save' needs its tab.
    await ask({ type: 'capture/save' });
    // @ts-expect-error: a tab id is a number.
    await ask({ type: 'highlights/status', tabId: '1' });
    expect(sent).toHaveLength(4);
  });

  it('refuses a reply read as the wrong type at compile time', async () => {
    const { ask } = recordingAsk({ ok: false, error: 'no' });
    // @ts-expect-error: `capture/save` answers with a CaptureResult, not highlights.
    const wrong: Reply<HighlightsReply> = await ask({ type: 'capture/save', tabId: 1 });
    const right: CaptureResult = await ask({ type: 'capture/save', tabId: 1 });
    const page: ContentReplies['page/read'] = { ok: false, error: 'no' };
    // @ts-expect-error: a page state is not a capture result.
    const notPage: Extract<ContentReplies['page/read'], { ok: true }>['page'] = right;
    expect([wrong, right, page, notPage]).toHaveLength(4);
  });

  it('refuses a handler whose reply is not the one its message declares', () => {
    const routes: Partial<Routes<BackgroundMessage, BackgroundReplies>> = {
      'highlights/open': {
        from: 'content-script',
        // @ts-expect-error: `highlights/open` must say whether a side panel opened.
        handle: async () => ({ ok: true }),
      },
    };
    const pageRoutes: Partial<Routes<ContentMessage, ContentReplies>> = {
      'page/read': {
        from: 'extension-page',
        // @ts-expect-error: `page/read` answers with a page state.
        handle: async () => ({ ok: true, page: { url: 'https://example.com/' } }),
      },
    };
    const fine: PageState['selection'] = null;
    expect([routes, pageRoutes, fine]).toHaveLength(3);
  });
});
