/**
 * The message protocol: one schema per message. Every receiver checks a message against its
 * schema before acting on it; page text inside a message is data, bounded in size.
 */
import * as v from 'valibot';
import { PLATFORMS, ROLES } from '../core/model';

/** The longest quote a person can save (issue 4): longer selections get a clear message. */
export const MAX_QUOTE_CHARS = 5_000;
/** Anchor context and page strings are short; anything longer is not from our content script. */
const MAX_SHORT_TEXT = 2_000;
const MAX_URL = 4_096;

const shortText = v.pipe(v.string(), v.maxLength(MAX_SHORT_TEXT));
const url = v.pipe(v.string(), v.maxLength(MAX_URL));
const seconds = v.pipe(v.number(), v.finite(), v.minValue(0));
const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

const DetectedEpisodeSchema = v.object({
  title: shortText,
  show: shortText,
  url,
  canonicalUrl: v.optional(url),
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
  timeSec: v.nullable(seconds),
});

/** What the content script reports about its page when asked. */
export const PageStateSchema = v.object({
  url,
  title: shortText,
  detection: DetectionSchema,
  /** Null when no text is selected. Text may be over the limit: the receiver refuses it. */
  selection: v.nullable(
    v.object({
      text: v.pipe(v.string(), v.maxLength(MAX_QUOTE_CHARS * 4)),
      anchor: AnchorSchema,
      speaker: v.nullable(shortText),
    }),
  ),
  /** Null when the page's player time cannot be known: never invented as 0. */
  timeSec: v.nullable(seconds),
  hasMedia: v.boolean(),
});

// ---- Messages to the content script (from the extension's own pages and the background) ----

export const ReadPageSchema = v.object({ type: v.literal('page/read') });
export const SeekSchema = v.object({ type: v.literal('player/seek'), timeSec: seconds });
export const ContentMessageSchema = v.variant('type', [ReadPageSchema, SeekSchema]);

// ---- Messages to the background ----

/** From a content script: what it found on its page, for the toolbar badge. */
export const PageDetectedSchema = v.object({
  type: v.literal('page/detected'),
  url,
  detection: DetectionSchema,
});
/** From an extension page: save the selection in that tab as a quote. */
export const CaptureSchema = v.object({
  type: v.literal('capture/save'),
  tabId: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export const BackgroundMessageSchema = v.variant('type', [PageDetectedSchema, CaptureSchema]);

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
