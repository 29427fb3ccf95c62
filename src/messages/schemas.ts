/**
 * The message protocol: one schema per message. Every receiver checks a message against its
 * schema before acting on it; page text inside a message is data, bounded in size.
 */
import * as v from 'valibot';
import type { DetectedEpisode, Detection } from '../core/detect';
import { PLATFORMS, ROLES, type QuoteAnchor } from '../core/model';
import type { VerbatimQuote } from '../core/verbatim';

/** The longest quote a person can save (issue 4): longer selections get a clear message. */
export const MAX_QUOTE_CHARS = 5_000;
/** Anchor context and page strings are short; anything longer is not from our content script. */
const MAX_SHORT_TEXT = 2_000;
const MAX_URL = 4_096;
/**
 * A page's own address can be as long as the browser allows (2 MB in Chromium): it is read
 * from the page, not chosen by it for us, and core bounds it before it names an episode.
 */
const MAX_PAGE_URL = 2 * 1024 * 1024;

const shortText = v.pipe(v.string(), v.maxLength(MAX_SHORT_TEXT));
const url = v.pipe(v.string(), v.maxLength(MAX_URL));
const pageUrl = v.pipe(v.string(), v.maxLength(MAX_PAGE_URL));
const seconds = v.pipe(v.number(), v.finite(), v.minValue(0));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

const DetectedEpisodeSchema = v.object({
  title: shortText,
  show: shortText,
  url: pageUrl,
  canonicalUrl: v.optional(pageUrl),
  publishedAt: v.optional(shortText),
  durationSec: v.optional(seconds),
  imageUrl: v.optional(url),
  feedUrl: v.optional(url),
  audioUrl: v.optional(url),
  participants: v.optional(
    v.pipe(
      v.array(v.object({ name: shortText, role: v.optional(v.picklist(ROLES)) })),
      v.maxLength(50),
    ),
  ),
});

export const DetectionSchema = v.object({
  kind: v.picklist(['episode', 'show', 'media', 'none']),
  platform: v.nullable(v.picklist(PLATFORMS)),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  evidence: v.pipe(v.array(shortText), v.maxLength(50)),
  episode: v.optional(DetectedEpisodeSchema),
});

export const AnchorSchema = v.object({
  quote: v.object({
    type: v.literal('TextQuoteSelector'),
    // The exact text may be longer than a quote allows: the capture path reports that clearly.
    exact: v.pipe(v.string(), v.maxLength(MAX_QUOTE_CHARS * 4)),
    prefix: shortText,
    suffix: shortText,
  }),
  position: v.nullable(
    v.object({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  ),
  /** Not sent any more (see QuoteAnchor); accepted from a content script of an older version. */
  timeSec: v.optional(v.nullable(seconds)),
});

// The schemas are the model, checked by the compiler both ways (as core/backup.ts does): a
// field added to core's types and forgotten here (or the reverse) fails type-checking instead
// of being dropped, or refused, at a process boundary.
// Strict equality: unlike mutual assignability, it also tells an optional field apart.
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const schemasMatchModel: [
  Same<v.InferOutput<typeof DetectedEpisodeSchema>, DetectedEpisode>,
  Same<v.InferOutput<typeof DetectionSchema>, Detection>,
  Same<v.InferOutput<typeof AnchorSchema>, QuoteAnchor>,
] = [true, true, true];
void schemasMatchModel;

/** What the content script reports about its page when asked. */
export const PageStateSchema = v.object({
  url: pageUrl,
  title: shortText,
  detection: DetectionSchema,
  /** Null when no text is selected. Text may be over the limit: the receiver refuses it. */
  selection: v.nullable(
    v.object({
      text: v.pipe(v.string(), v.maxLength(MAX_QUOTE_CHARS * 4)),
      /** Null when the words can't be found again (a selection inside a shadow root). */
      anchor: v.nullable(AnchorSchema),
      speaker: v.nullable(shortText),
      /**
       * Whether the page marks `speaker` as a speaker's turn (transcript markup, or "Name:"
       * turns around it). False: a lone "Name:" line, which may only name a participant the
       * episode already has. Absent (older drafts): as before, a turn.
       */
      speakerConfirmed: v.optional(v.boolean()),
    }),
  ),
  /** Null when the page's player time cannot be known: never invented as 0. */
  timeSec: v.nullable(seconds),
  hasMedia: v.boolean(),
});

// ---- Messages to the content script (from the extension's own pages and the background) ----

export const ReadPageSchema = v.object({ type: v.literal('page/read') });
export const SeekSchema = v.object({ type: v.literal('player/seek'), timeSec: seconds });
/**
 * From the transcript panel (issue 13): where the page's player is. With `after`, the clock's
 * version the panel last had, the answer waits until the player plays, pauses, seeks or
 * changes speed (or a while passes): the panel times the cues itself in between.
 */
export const PlayerTimeSchema = v.object({
  type: v.literal('player/time'),
  after: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
});
/** From the transcript panel: the feeds this page names for its show (issue 13). */
export const PageFeedsSchema = v.object({ type: v.literal('page/feeds') });

const quoteId = v.pipe(v.string(), v.minLength(1), v.maxLength(100));
const quoteText = v.pipe(v.string(), v.maxLength(MAX_QUOTE_CHARS * 4));

/**
 * From the background, after any capture (shortcut, menu, popup, in-page key or button): what
 * happened, for the in-page confirmation. Sent only after the transaction committed (`ok`),
 * or with the reason and the text kept as a draft (`!ok`): `retry` is the page state to send
 * back with `capture/retry` when saving again can succeed (the store failed, not the person).
 */
export const CaptureFeedbackSchema = v.object({
  type: v.literal('capture/feedback'),
  result: v.variant('ok', [
    v.object({
      ok: v.literal(true),
      quoteId,
      text: quoteText,
      timeSec: v.nullable(seconds),
      speaker: v.nullable(shortText),
      /** The episode is an hour or longer: its times read `h:mm:ss` (core/time's one rule). */
      hours: v.optional(v.boolean()),
    }),
    v.object({
      ok: v.literal(false),
      error: shortText,
      text: v.nullable(quoteText),
      retry: v.nullable(PageStateSchema),
      /** The passage was saved before: the confirmation offers to open that quote instead. */
      savedQuoteId: v.optional(quoteId),
    }),
  ]),
});

/** From an extension page or the background: the episode's quotes changed; draw them again. */
export const RefreshHighlightsSchema = v.object({ type: v.literal('highlights/refresh') });

/**
 * From the background, for the browser's own shortcut: the page runs its own capture, which
 * holds the words and waits for the reply, so a worker that stops mid-save can't leave it
 * silent (issue 18). Answered at once; the outcome comes in the capture's own reply.
 */
export const StartCaptureSchema = v.object({ type: v.literal('capture/start') });

export const ContentMessageSchema = v.variant('type', [
  ReadPageSchema,
  StartCaptureSchema,
  SeekSchema,
  PlayerTimeSchema,
  PageFeedsSchema,
  CaptureFeedbackSchema,
  RefreshHighlightsSchema,
]);

// ---- Messages to the background ----

/** From a content script: what it found on its page, for the toolbar badge. */
export const PageDetectedSchema = v.object({
  type: v.literal('page/detected'),
  url: pageUrl,
  detection: DetectionSchema,
});
/** From an extension page: save the selection in that tab as a quote. */
export const CaptureSchema = v.object({
  type: v.literal('capture/save'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
/**
 * From an extension page (the popup's "Mark this moment"): save the player's current time in
 * that tab as a quote with no page text, or with words the person typed.
 */
export const CaptureMomentSchema = v.object({
  type: v.literal('capture/moment'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  text: v.optional(quoteText),
});
/**
 * From the transcript panel: save words selected in the episode's transcript as a quote, at
 * the start of the cue they are in (the player's time lags) and by the cue's speaker.
 */
export const CaptureTranscriptSchema = v.object({
  type: v.literal('capture/transcript'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
  text: quoteText,
  timeSec: seconds,
  speaker: v.nullable(shortText),
});
/**
 * From a content script (its in-page key or floating button): save this tab's selection. No
 * payload on purpose: the background reads the page through the same path as the shortcut.
 */
export const CaptureFromPageSchema = v.object({ type: v.literal('capture/from-page') });
/**
 * From the start-up content script, on a page that passed its first look. With `seen`, it is
 * sure what the page is (an episode, or, once a single-page app has moved on, no podcast page):
 * light the badge, and add the rest of the content script only where the episode has saved
 * quotes. Without, it can't tell: add the watch part (detection), or the rest where the
 * episode has saved quotes. With `part`, the person acted or the extension asked: add that
 * part now (`watch`: detection, for the popup's first question; `all`: the rest).
 */
export const LoadContentSchema = v.object({
  type: v.literal('content/load'),
  part: v.optional(v.picklist(['watch', 'all'])),
  seen: v.optional(v.object({ kind: v.picklist(['episode', 'none']), url: pageUrl })),
});
/** From a content script: save again a capture that failed, from the draft it was sent. */
export const CaptureRetrySchema = v.object({
  type: v.literal('capture/retry'),
  page: PageStateSchema,
});
/** From a content script (the toast's Undo): delete a quote this tab just saved. */
export const UndoCaptureSchema = v.object({ type: v.literal('quote/undo'), quoteId });

/** A page's text is at most this long (a 3-hour transcript is ~200,000 characters). */
const MAX_PAGE_TEXT = 5_000_000;
/** The page and its same-origin frames, each one text. */
const MAX_TEXT_ROOTS = 16;

/**
 * From a content script: where on this page are the episode's saved quotes? `texts` are the
 * rendered texts of the document and its same-origin frames (core's `readPageText`); the episode
 * is the page's current URL, which must be on the sender's own site (a page's script can
 * `pushState` within its origin, never out of it).
 */
export const AnchorHighlightsSchema = v.object({
  type: v.literal('highlights/anchor'),
  /**
   * The page's address now: after `history.pushState` the browser still reports the
   * document's first one as the sender's. Accepted only on the sender's own site.
   */
  url: pageUrl,
  texts: v.pipe(
    v.array(v.pipe(v.string(), v.maxLength(MAX_PAGE_TEXT))),
    v.minLength(1),
    v.maxLength(MAX_TEXT_ROOTS),
  ),
});
/**
 * From a content script: the episode's saved quotes, as their words, context and position, so
 * that the page draws those still where they were without sending its text (issue 16). The
 * page's URL as for `highlights/anchor`; the page holds no more than it shows.
 */
export const SavedQuotesSchema = v.object({
  type: v.literal('highlights/quotes'),
  url: pageUrl,
});

/** From an extension page: what the last highlight pass in a tab found, orphans included. */
export const HighlightStatusSchema = v.object({
  type: v.literal('highlights/status'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

/** From a content script: the person clicked this quote's highlight; show it in Earmark. */
export const OpenQuoteSchema = v.object({
  type: v.literal('highlights/open'),
  quoteId,
  url: pageUrl,
});
/** From an extension page: the quote a click on this tab's page asked to show, if any (once). */
export const TakeQuoteFocusSchema = v.object({
  type: v.literal('quote/take-focus'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export const BackgroundMessageSchema = v.variant('type', [
  LoadContentSchema,
  PageDetectedSchema,
  CaptureSchema,
  CaptureMomentSchema,
  CaptureTranscriptSchema,
  CaptureFromPageSchema,
  CaptureRetrySchema,
  UndoCaptureSchema,
  AnchorHighlightsSchema,
  SavedQuotesSchema,
  HighlightStatusSchema,
  OpenQuoteSchema,
  TakeQuoteFocusSchema,
]);

// ---- Messages to extension pages (the popup and side panel) ----

/**
 * From the background: a click on a tab's page asked to show a quote. It names no quote: a
 * view showing that tab asks for it with `quote/take-focus`, so only the background decides.
 */
export const QuoteWaitingSchema = v.object({
  type: v.literal('quote/waiting'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type QuoteWaiting = v.InferOutput<typeof QuoteWaitingSchema>;

// ---- Replies (from our own background: typed, not re-validated) ----

/** `page/detected`: how many quotes this page's episode has, and the page's settings. */
export interface PageDetectedReply {
  quoteCount: number;
  /** The floating "Save quote" button by selections (see background/settings.ts). */
  floatingButton: boolean;
}

/**
 * `capture/from-page` and `capture/retry`: the outcome, for the page's confirmation. The page
 * waits for this reply; no answer (the service worker stopped) is a failure it reports.
 */
export interface CaptureReply {
  result: CaptureFeedback;
}

/** `player/time`: the page's player time, or null when it has none Earmark can reach. */
export interface PlayerTimeReply {
  timeSec: number | null;
  /**
   * How the time moves on from `timeSec`, when it comes from a media element whose events
   * the content script hears: `version` changes with each play, pause, seek or change of speed.
   * Absent for a time read from the page's text (Spotify): the panel asks again in a while.
   */
  clock?: PlayerClock;
}

export interface PlayerClock {
  playing: boolean;
  /** Playback speed: 1 is normal. */
  rate: number;
  version: number;
}

/** `page/feeds`: feed addresses the page names, most trusted first (unchecked: a page's). */
export interface PageFeedsReply {
  feeds: { url: string; source: string }[];
}

/** `highlights/open`: whether a side panel is open to show the quote (else the popup will). */
export interface OpenQuoteReply {
  opened: boolean;
}

/** `quote/take-focus`: the quote to show, or null when no click asked (or it was taken). */
export interface TakeQuoteFocusReply {
  quoteId: string | null;
}

/** One saved quote found on the page: offsets into `texts[root]` of the request. */
export interface PlacedQuote {
  quoteId: string;
  root: number;
  start: number;
  end: number;
  timeSec: number | null;
}

/** `highlights/quotes`: the episode's quotes that have words on a page (moments have none). */
export interface SavedQuotesReply {
  episodeId: string;
  quotes: VerbatimQuote[];
}

/** `highlights/anchor`, and `highlights/status` once a tab has reported. */
export interface HighlightsReply {
  episodeId: string;
  placed: PlacedQuote[];
  /** Quotes not found on the page: kept in the store, listed by the UI, never deleted. */
  orphans: string[];
}

export type CaptureFeedback = v.InferOutput<typeof CaptureFeedbackSchema>['result'];

export type PageState = v.InferOutput<typeof PageStateSchema>;
export type ContentMessage = v.InferOutput<typeof ContentMessageSchema>;
export type BackgroundMessage = v.InferOutput<typeof BackgroundMessageSchema>;

/** Every reply carries `ok`: a refused or failed message is answered, never left hanging. */
export type Reply<T> = ({ ok: true } & T) | { ok: false; error: string };

/** Checks an unknown value against a schema; the first issue becomes a readable error. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: string } {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue ? v.getDotPath(issue) : null;
  return { ok: false, error: `${path ? `${path}: ` : ''}${issue?.message ?? 'invalid message'}` };
}
