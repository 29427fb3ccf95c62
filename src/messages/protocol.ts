/**
 * The protocol's types, end to end: for each message, the reply its receiver gives. Senders
 * (`ask`) and receivers (`Routes` in router.ts) both read these maps, so renaming a message or
 * changing its reply fails type-checking in every process that sends or answers it: the
 * content script, the extension pages, the background and the tab client.
 * test/unit/protocol-types.test.ts holds the cases the compiler must refuse.
 */
import type { PageKind } from '../core/detect';
import type { Episode, Quote } from '../core/model';
import type {
  BackgroundMessage,
  CaptureReply,
  ContentMessage,
  HighlightsReply,
  SavedQuotesReply,
  OpenQuoteReply,
  PageDetectedReply,
  PageFeedsReply,
  PageState,
  PlayerTimeReply,
  QuoteWaiting,
  Reply,
  TakeQuoteFocusReply,
} from './schemas';

/**
 * A failed capture says why; when there was text, it comes back as a draft so the person
 * never loses it. `page` is set when saving the same page state again can succeed (the store
 * failed, not the selection).
 */
export type CaptureFailure = {
  ok: false;
  error: string;
  draft?: { text: string; page: PageState | null };
  /** The passage is already saved for this episode: this quote, offered instead of a copy. */
  saved?: { quoteId: string };
};

/** What every capture (shortcut, menu, popup, the page's key and button) ends with. */
export type CaptureResult =
  | {
      ok: true;
      episode: Episode;
      quote: Quote;
      /** What the page was when the quote was saved: the badge keeps saying it (issue 20). */
      pageKind: PageKind;
    }
  | CaptureFailure;

/** What the background answers to each message it receives. */
export interface BackgroundReplies {
  'content/load': Reply<object>;
  /** A frame other than the top one hears only `{ ok: true }`: the badge is the top frame's. */
  'page/detected': Reply<PageDetectedReply> | { ok: true };
  'capture/save': CaptureResult;
  'capture/moment': CaptureResult;
  'capture/transcript': CaptureResult;
  'capture/from-page': Reply<CaptureReply>;
  'capture/retry': Reply<CaptureReply>;
  'quote/undo': Reply<object>;
  'highlights/anchor': Reply<HighlightsReply>;
  'highlights/quotes': Reply<SavedQuotesReply>;
  'highlights/status': Reply<{ status: HighlightsReply | null }>;
  'highlights/open': Reply<OpenQuoteReply>;
  'quote/take-focus': Reply<TakeQuoteFocusReply>;
}

/**
 * What a content script answers to each message it receives. A page's content script runs
 * beside untrusted page code: the tab client checks `page/read`'s page against its schema.
 */
export interface ContentReplies {
  'page/read': Reply<{ page: PageState }>;
  'player/seek': Reply<object>;
  'player/time': Reply<PlayerTimeReply>;
  'page/feeds': Reply<PageFeedsReply>;
  'capture/feedback': Reply<object>;
  'capture/start': Reply<object>;
  'highlights/refresh': Reply<object>;
}

/** What the extension's views answer (nothing: `quote/waiting` is news, not a question). */
export interface ViewReplies {
  'quote/waiting': void;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Every message has exactly one reply entry, checked by the compiler both ways: a message
// added to a schema and forgotten here (or the reverse) fails type-checking.
const everyMessageHasAReply: [
  Same<keyof BackgroundReplies, BackgroundMessage['type']>,
  Same<keyof ContentReplies, ContentMessage['type']>,
  Same<keyof ViewReplies, QuoteWaiting['type']>,
] = [true, true, true];
void everyMessageHasAReply;

/** Sends one message on some channel; resolves with whatever came back (unchecked). */
export type Post<M> = (message: M) => Promise<unknown>;

/** Sends a message and resolves with the reply its type declares. */
export type Ask<M extends { type: string }, R extends { [K in M['type']]: unknown }> = <
  T extends M,
>(
  message: T,
) => Promise<R[T['type']]>;

/**
 * The one typed sender, over any channel (`runtime.sendMessage` from the content script or a
 * page, `tabs.sendMessage` to a tab). The channel carries the message; this gives it a type.
 * Replies from our own background are trusted as typed; replies from a page are checked by
 * the caller (see the tab client).
 */
export function askOver<M extends { type: string }, R extends { [K in M['type']]: unknown }>(
  post: Post<M>,
): Ask<M, R> {
  return (message) => post(message) as Promise<R[(typeof message)['type']]>;
}

export type AskBackground = Ask<BackgroundMessage, BackgroundReplies>;
export type AskContent = Ask<ContentMessage, ContentReplies>;
