/**
 * Podcasting 2.0 JSON transcripts: `segments[].speaker/startTime/endTime/body`. Files come
 * word by word (the namespace's example) or line by line (Buzzsprout's): consecutive segments
 * of one speaker are joined into cues of a few seconds, so a three-hour episode is ~2,500 cues.
 */
import * as v from 'valibot';
import { located, type Parsed } from '../located';
import { checkCueTimes } from './check-times';
import { plainText } from './text';
import type { Cue, Transcript } from './types';

/** Word-level files are large: 200,000 segments is about 20 hours of speech. */
const MAX_SEGMENTS = 200_000;
/** A cue is cut after this many seconds, or at a sentence's end after the shorter one. */
const MAX_CUE_SECONDS = 12;
const SENTENCE_CUE_SECONDS = 4;

const time = v.pipe(v.number(), v.finite(), v.minValue(0));
const SegmentSchema = v.object({
  speaker: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(200)))),
  startTime: time,
  endTime: time,
  body: v.pipe(v.string(), v.maxLength(20_000)),
});
const JsonTranscriptSchema = v.object({
  segments: v.pipe(v.array(v.unknown()), v.maxLength(MAX_SEGMENTS)),
});

export function parseJsonTranscript(text: string): Parsed<Transcript> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: located(`not JSON (${e instanceof Error ? e.message : 'unreadable'})`),
    };
  }
  const top = v.safeParse(JsonTranscriptSchema, data);
  if (!top.success) {
    const issue = top.issues[0]!;
    return {
      ok: false,
      error: located(issue.message, { path: v.getDotPath(issue) ?? 'segments' }),
    };
  }
  const cues: Cue[] = [];
  const firstSegment: number[] = [];
  let open: Cue | null = null;
  for (let i = 0; i < top.output.segments.length; i++) {
    const parsed = v.safeParse(SegmentSchema, top.output.segments[i]);
    if (!parsed.success) {
      const issue = parsed.issues[0]!;
      const path = v.getDotPath(issue);
      return {
        ok: false,
        error: located(issue.message, { path: `segments.${i}${path ? `.${path}` : ''}` }),
      };
    }
    const s = parsed.output;
    if (s.endTime < s.startTime) {
      return {
        ok: false,
        error: located('the segment ends before it starts', { path: `segments.${i}` }),
      };
    }
    const body = plainText(s.body);
    if (!body) continue;
    const speaker = s.speaker ? plainText(s.speaker) || null : null;
    const joins =
      open !== null &&
      open.speaker === speaker &&
      s.startTime >= open.start &&
      s.endTime - open.start <= MAX_CUE_SECONDS &&
      !(s.startTime - open.start >= SENTENCE_CUE_SECONDS && /[.!?…]["’”)]?$/.test(open.text));
    if (joins && open) {
      open.text += ` ${body}`;
      open.end = Math.max(open.end, s.endTime);
    } else {
      open = { start: s.startTime, end: s.endTime, speaker, text: body };
      cues.push(open);
      firstSegment.push(i);
    }
  }
  const problem = checkCueTimes(cues, (n) => ({ path: `segments.${firstSegment[n]}` }));
  return problem
    ? { ok: false, error: problem }
    : { ok: true, value: { format: 'json', cues }, warnings: [] };
}
