/**
 * HTML transcripts as hosts publish them: `<cite>Name:</cite> <time>0:00</time> <p>words</p>`
 * (test/fixtures/real/transcripts/*.html). Read as text with a small tokenizer, never as a
 * document: scripts, styles and every other tag are dropped, only their words are kept.
 */
import { parseClock } from '../time';
import { located, type Parsed } from '../located';
import { checkCueTimes } from './check-times';
import { plainText } from './text';
import type { Cue, Transcript } from './types';

/** Elements whose content is never words of the transcript. */
const DROPPED =
  /<(script|style|template|noscript|iframe|object|svg|math|head|title|textarea|select)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TOKEN = /<(\/?)(cite|time|p)\b[^>]*>/gi;

export function parseHtmlTranscript(text: string): Parsed<Transcript> {
  const body = text
    .replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '))
    // Blank out dropped elements but keep their line breaks, so later lines stay located.
    .replace(DROPPED, (c) => c.replace(/[^\n]/g, ' '));
  const cues: Cue[] = [];
  const cueLines: number[] = [];
  let speaker: string | null = null;
  let time: number | null = null;
  let open: { tag: string; from: number } | null = null;
  const lineAt = lineCounter(body);
  for (const m of body.matchAll(TOKEN)) {
    const [whole, closing, name] = m;
    const tag = name!.toLowerCase();
    if (!closing) {
      open = { tag, from: m.index + whole.length };
      continue;
    }
    if (!open || open.tag !== tag) continue;
    const inner = plainText(body.slice(open.from, m.index));
    const at = lineAt(open.from);
    open = null;
    if (tag === 'cite') speaker = inner.replace(/:$/, '').trim() || null;
    else if (tag === 'time') {
      time = parseClock(inner);
      if (time === null)
        return {
          ok: false,
          error: located(`the time “${inner.slice(0, 20)}” can’t be read`, { line: at }),
        };
    } else if (inner) {
      if (time === null) continue; // a paragraph before the first time is a heading or intro
      cues.push({ start: time, end: time, speaker, text: inner });
      cueLines.push(at);
    }
  }
  // A paragraph lasts until the next one starts; the last one is given a moment.
  for (let i = 0; i < cues.length; i++) {
    const next = cues[i + 1];
    cues[i]!.end = next && next.start > cues[i]!.start ? next.start : cues[i]!.start + 5;
  }
  if (cues.length === 0)
    return {
      ok: false,
      error: located('no <time> and <p> pairs in the HTML transcript', { line: 1 }),
    };
  const problem = checkCueTimes(cues, (n) => ({ line: cueLines[n] }));
  return problem
    ? { ok: false, error: problem }
    : { ok: true, value: { format: 'html', cues }, warnings: [] };
}

/** Line numbers of increasing offsets, counted once over the text. */
function lineCounter(text: string): (offset: number) => number {
  let line = 1;
  let at = 0;
  return (offset) => {
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    return line;
  };
}
