/**
 * SubRip: numbered cues; a speaker is named by "Name:" at the start of a cue and goes on
 * speaking until the next name (test/fixtures/real/transcripts/*.srt).
 */
import { located, type Parsed } from '../located';
import { checkCueTimes } from './check-times';
import { plainText, parseCueTime, splitSpeakerLabel } from './text';
import type { Cue, Transcript } from './types';

const TIMING = /^(\S+)\s+-->\s+(\S+)/;

export function parseSrt(text: string): Parsed<Transcript> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const cues: Cue[] = [];
  const cueLines: number[] = [];
  let speaker: string | null = null;
  let i = 0;
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === '') i++;
    const start = i;
    while (i < lines.length && lines[i]!.trim() !== '') i++;
    const block = lines.slice(start, i);
    if (block.length === 0) break;
    const timingAt = /^\d+$/.test(block[0]!.trim()) ? 1 : 0;
    const timing = TIMING.exec(block[timingAt]?.trim() ?? '');
    if (!timing) {
      return {
        ok: false,
        error: located('expected a cue time ("00:00:01,000 --> 00:00:04,000")', {
          line: start + timingAt + 1,
        }),
      };
    }
    const from = parseCueTime(timing[1]!);
    const to = parseCueTime(timing[2]!);
    if (from === null || to === null) {
      return {
        ok: false,
        error: located('a cue time can’t be read', { line: start + timingAt + 1 }),
      };
    }
    let words = plainText(block.slice(timingAt + 1).join('\n'));
    const label = splitSpeakerLabel(words);
    if (label) {
      speaker = label.speaker;
      words = label.rest;
    }
    if (!words) continue;
    cues.push({ start: from, end: to, speaker, text: words });
    cueLines.push(start + timingAt + 1);
  }
  const problem = checkCueTimes(cues, (n) => ({ line: cueLines[n] }));
  return problem
    ? { ok: false, error: problem }
    : { ok: true, value: { format: 'srt', cues }, warnings: [] };
}
