import { describe, expect, it } from 'vitest';
import { formatOfLink, parseTranscript, rankTranscripts } from '../../../src/core/transcripts';
import type { Transcript } from '../../../src/core/transcripts/types';
import type { TranscriptFormat } from '../../../src/core/transcripts/types';
import { readFixture } from '../../support/fixtures';

function parse(name: string, format: TranscriptFormat | null): Transcript {
  const result = parseTranscript(readFixture('transcripts', name), format);
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('transcripts from real files', () => {
  it('WebVTT: <v Name> voices become speakers, tags and entities become text', () => {
    const { cues } = parse('podcast-namespace-example.vtt', 'vtt');
    expect(cues[0]).toEqual({
      start: 0,
      end: 2.76,
      speaker: 'Sarah',
      text: 'In today’s episode, you’ll learn whether or not you'.replace(/’/g, "'"),
    });
    expect(cues[2]!.text).toContain('Podcasting Q&A');
    expect(cues.every((c) => !/[<>]/.test(c.text))).toBe(true);
  });

  it('WebVTT with numbered cues and italics (LaLaLand.vtt)', () => {
    const { cues } = parse('LaLaLand.vtt', 'vtt');
    expect(cues[1]).toMatchObject({
      start: 25.801,
      end: 28.7,
      text: "It's another hot, sunny day today here in Southern California.",
    });
    expect(cues.find((c) => c.text.startsWith('Ba-ba-da'))).toBeDefined();
    expect(cues.every((c) => !c.text.includes('<i>'))).toBe(true);
  });

  it('SubRip: "Name:" names a speaker who goes on speaking until the next name', () => {
    const { cues } = parse('buzzcast.srt', 'srt');
    expect(cues[0]).toMatchObject({
      start: 0,
      end: 4.799,
      speaker: 'Alban',
      text: 'It is so stinking nice to like, show up and record this',
    });
    expect(cues[1]!.speaker).toBe('Alban');
    expect(new Set(cues.map((c) => c.speaker)).size).toBeGreaterThan(1);
    const namespace = parse('podcast-namespace-example.srt', 'srt');
    expect(namespace.cues[0]!.speaker).toBe('Travis');
  });

  it('JSON: word-by-word segments are joined into cues of one speaker', () => {
    const { cues } = parse('podcast-namespace-example.json', 'json');
    expect(cues[0]).toMatchObject({ start: 0.5, speaker: 'Darth Vader' });
    expect(cues[0]!.text.startsWith('I am your')).toBe(true);
    expect(cues.every((c) => c.end - c.start <= 12)).toBe(true);
  });

  it('JSON: Buzzsprout’s line pairs at the same time are one cue, not overlapping times', () => {
    const { cues } = parse('buzzcast.json', 'json');
    expect(
      cues[0]!.text.startsWith('It is so stinking nice to like, show up and record this'),
    ).toBe(true);
    expect(cues[0]!.speaker).toBe('Alban');
  });

  it('HTML: <cite> names the speaker, <time> the start, <p> the words', () => {
    const buzz = parse('buzzcast.html', 'html');
    expect(buzz.cues[0]).toMatchObject({ start: 0, speaker: 'Alban' });
    expect(buzz.cues[0]!.text.startsWith('It is so stinking nice')).toBe(true);
    expect(buzz.cues[0]!.end).toBe(buzz.cues[1]!.start);
    const ns = parse('podcast-namespace-example.html', 'html');
    expect(ns.cues[0]!.speaker).toBe('Travis');
    expect(ns.cues[0]!.text).toContain("it's almost guaranteed");
  });

  it('every fixture is recognised by its first characters when the type says nothing', () => {
    const names: [string, TranscriptFormat][] = [
      ['LaLaLand.vtt', 'vtt'],
      ['podcast-namespace-example.vtt', 'vtt'],
      ['buzzcast.srt', 'srt'],
      ['podcast-namespace-example.srt', 'srt'],
      ['buzzcast.json', 'json'],
      ['podcast-namespace-example.json', 'json'],
      ['buzzcast.html', 'html'],
      ['podcast-namespace-example.html', 'html'],
    ];
    for (const [name, format] of names) expect(parse(name, null).format).toBe(format);
  });
});

describe('transcript types and choice', () => {
  it('accepts the common non-standard types, and reads a generic type by extension', () => {
    const f = (type: string, url = 'https://x.test/t') => formatOfLink({ type, url });
    expect(f('application/srt')).toBe('srt');
    expect(f('application/x-subrip')).toBe('srt');
    expect(f('text/srt')).toBe('srt');
    expect(f('text/vtt; charset=utf-8')).toBe('vtt');
    expect(f('application/json')).toBe('json');
    expect(f('text/html')).toBe('html');
    expect(f('text/plain', 'https://x.test/t.vtt')).toBe('vtt');
    expect(f('', 'https://x.test/t.srt')).toBe('srt');
    expect(f('application/pdf', 'https://x.test/t.srt')).toBeNull();
    expect(f('text/plain', 'https://x.test/t.txt')).toBeNull();
  });

  it('chooses the page’s language first, then the format with speakers and exact times', () => {
    const links = [
      { url: 'https://x.test/de.json', type: 'application/json', language: 'de', rel: '' },
      { url: 'https://x.test/en.srt', type: 'application/srt', language: 'en', rel: '' },
      { url: 'https://x.test/en.vtt', type: 'text/vtt', language: 'en-us', rel: 'captions' },
      { url: 'https://x.test/en.pdf', type: 'application/pdf', language: 'en', rel: '' },
    ];
    expect(rankTranscripts(links, ['en-GB']).map((l) => l.url)).toEqual([
      'https://x.test/en.vtt',
      'https://x.test/en.srt',
      'https://x.test/de.json',
    ]);
    expect(rankTranscripts(links, ['de'])[0]!.url).toBe('https://x.test/de.json');
  });
});

describe('bad transcripts are refused, saying where', () => {
  it('a WebVTT time that can’t be read, with its line', () => {
    const r = parseTranscript('WEBVTT\n\n00:00:01.000 --> 00:00:xx.000\nHello\n', 'vtt');
    expect(r).toMatchObject({ ok: false, error: { line: 3, message: 'a cue time can’t be read' } });
  });

  it('a cue that ends before it starts', () => {
    const r = parseTranscript('1\n00:00:05,000 --> 00:00:04,000\nHello\n', 'srt');
    expect(r).toMatchObject({
      ok: false,
      error: { line: 2, message: 'the cue ends before it starts' },
    });
  });

  it('overlapping times that go backwards', () => {
    const srt = '1\n00:00:10,000 --> 00:00:12,000\nA\n\n2\n00:00:03,000 --> 00:00:05,000\nB\n';
    const r = parseTranscript(srt, 'srt');
    expect(r).toMatchObject({ ok: false, error: { line: 6 } });
    if (!r.ok) expect(r.error.message).toMatch(/overlap/);
  });

  it('a SubRip block with no time', () => {
    expect(parseTranscript('1\nHello there\n', 'srt')).toMatchObject({
      ok: false,
      error: { line: 2 },
    });
  });

  it('a WebVTT file without its header', () => {
    expect(parseTranscript('00:00:01.000 --> 00:00:02.000\nHi\n', 'vtt')).toMatchObject({
      ok: false,
      error: { line: 1 },
    });
  });

  it('JSON with a segment missing its time, located by path', () => {
    const r = parseTranscript(
      '{"segments":[{"startTime":0,"endTime":1,"body":"a"},{"endTime":2,"body":"b"}]}',
      'json',
    );
    expect(r).toMatchObject({ ok: false, error: { path: 'segments.1.startTime' } });
  });

  it('JSON that is not JSON', () => {
    expect(parseTranscript('{"segments": [', 'json')).toMatchObject({ ok: false });
  });

  it('an HTML transcript full of scripts keeps only words, never markup', () => {
    const html = `<script>alert("x")</script><style>p{}</style>
<cite>Ann:</cite> <time>0:05</time>
<p>Hello <img src=x onerror="alert(1)"><b>world</b> &amp; <a href="javascript:alert(1)">more</a><script>document.cookie</script></p>
<iframe src="https://evil.test"><p>framed</p></iframe>`;
    const r = parseTranscript(html, 'html');
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.cues).toEqual([
      { start: 5, end: 10, speaker: 'Ann', text: 'Hello world & more' },
    ]);
  });

  it('an HTML page with no times is not a transcript', () => {
    expect(parseTranscript('<html><body><p>Just words</p></body></html>', 'html')).toMatchObject({
      ok: false,
      error: { line: 1 },
    });
  });

  it('an unknown format', () => {
    const r = parseTranscript('%PDF-1.4 binary', null);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/format Earmark does not know/);
  });
});
