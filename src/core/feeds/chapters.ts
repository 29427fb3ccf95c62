/**
 * Podcasting 2.0 JSON chapters (`chapters[].startTime/title/url/toc/endTime`). Chapters marked
 * `toc: false` are moments (an image, a link), not parts of the episode: they are read but are
 * not offered as sections.
 */
import * as v from 'valibot';
import { webHref } from '../web-url';
import { located, type Parsed } from '../located';

export interface Chapter {
  startTime: number;
  endTime: number | null;
  title: string;
  url: string | null;
  /** False for a chapter that is not a section of the episode. */
  toc: boolean;
}

const MAX_CHAPTERS = 2_000;
const time = v.pipe(v.number(), v.finite(), v.minValue(0), v.maxValue(24 * 3600));

const ChapterSchema = v.object({
  startTime: time,
  endTime: v.optional(v.nullable(time)),
  title: v.optional(v.pipe(v.string(), v.maxLength(500)), ''),
  url: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(4_096)))),
  toc: v.optional(v.nullable(v.boolean())),
});
const ChaptersSchema = v.object({
  chapters: v.pipe(v.array(ChapterSchema), v.maxLength(MAX_CHAPTERS)),
});

export function parseChapters(text: string): Parsed<Chapter[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      error: located(`not JSON (${e instanceof Error ? e.message : 'unreadable'})`),
    };
  }
  const parsed = v.safeParse(ChaptersSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0]!;
    return { ok: false, error: located(issue.message, { path: v.getDotPath(issue) ?? '' }) };
  }
  const chapters = parsed.output.chapters.map((c) => ({
    startTime: c.startTime,
    endTime: c.endTime ?? null,
    title: c.title.replace(/\s+/g, ' ').trim(),
    url: c.url ? webHref(c.url) : null,
    toc: c.toc !== false,
  }));
  for (let i = 1; i < chapters.length; i++) {
    if (chapters[i]!.startTime < chapters[i - 1]!.startTime) {
      return {
        ok: false,
        error: located('chapters are not in time order', { path: `chapters.${i}.startTime` }),
      };
    }
  }
  return { ok: true, value: chapters, warnings: [] };
}

/** The chapters that are sections (not `toc: false`), with a title. */
export function sectionChapters(chapters: readonly Chapter[]): Chapter[] {
  return chapters.filter((c) => c.toc && c.title);
}

/** The section chapter that contains a moment: the last one starting at or before it. */
export function chapterAt(chapters: readonly Chapter[], timeSec: number): Chapter | null {
  let found: Chapter | null = null;
  for (const c of sectionChapters(chapters)) {
    if (c.startTime <= timeSec) found = c;
    else break;
  }
  return found;
}
