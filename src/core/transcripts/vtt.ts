/** WebVTT: cues with `<v Name>` voices (test/fixtures/real/transcripts/*.vtt). */
import { located, type Parsed } from '../located';
import { checkCueTimes } from './check-times';
import { plainText, parseCueTime } from './text';
import type { Cue, Transcript } from './types';

const TIMING = /^(\S+)\s+-->\s+(\S+)/;
const VOICE = /<v(?:\.[^\s>]*)?\s+([^>]+)>/;

export function parseVtt(text: string): Parsed<Transcript> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? '')) {
    return { ok: false, error: located('a WebVTT file starts with "WEBVTT"', { line: 1 }) };
  }
  const cues: Cue[] = [];
  const cueLines: number[] = [];
  let i = 1;
  while (i < lines.length) {
    // One block: lines up to a blank line.
    while (i < lines.length && lines[i]!.trim() === '') i++;
    const start = i;
    while (i < lines.length && lines[i]!.trim() !== '') i++;
    const block = lines.slice(start, i);
    if (block.length === 0) break;
    const timingAt = block.findIndex((l) => l.includes('-->'));
    // NOTE, STYLE and REGION blocks carry no words.
    if (timingAt < 0 || /^(NOTE|STYLE|REGION)\b/.test(block[0]!)) continue;
    const timing = TIMING.exec(block[timingAt]!.trim());
    const from = timing ? parseCueTime(timing[1]!) : null;
    const to = timing ? parseCueTime(timing[2]!) : null;
    if (from === null || to === null) {
      return {
        ok: false,
        error: located('a cue time can’t be read', { line: start + timingAt + 1 }),
      };
    }
    const payload = block.slice(timingAt + 1).join('\n');
    const voice = VOICE.exec(payload);
    const words = plainText(payload);
    if (!words) continue;
    cues.push({
      start: from,
      end: to,
      speaker: voice ? plainText(voice[1]!) || null : null,
      text: words,
    });
    cueLines.push(start + timingAt + 1);
  }
  const problem = checkCueTimes(cues, (n) => ({ line: cueLines[n] }));
  return problem
    ? { ok: false, error: problem }
    : { ok: true, value: { format: 'vtt', cues }, warnings: [] };
}
