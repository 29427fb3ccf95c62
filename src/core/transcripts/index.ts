/**
 * The transcript formats Earmark reads, one file each, and how a feed's `podcast:transcript`
 * tags are told apart and chosen. Add a format by adding a file and an entry here.
 */
import { located, type Parsed } from '../located';
import type { TranscriptLink } from '../feeds/types';
import { parseHtmlTranscript } from './html';
import { parseJsonTranscript } from './json';
import { parseSrt } from './srt';
import type { Transcript, TranscriptFormat } from './types';
import { parseVtt } from './vtt';

interface FormatEntry {
  format: TranscriptFormat;
  /** MIME types, the namespace's and the common non-standard ones seen in real feeds. */
  types: readonly string[];
  extensions: readonly string[];
  parse(text: string): Parsed<Transcript>;
}

/** In order of preference: speakers and exact times first. */
export const TRANSCRIPT_FORMAT_ENTRIES: readonly FormatEntry[] = [
  {
    format: 'json',
    types: ['application/json', 'application/json+transcript', 'text/json'],
    extensions: ['json'],
    parse: parseJsonTranscript,
  },
  {
    format: 'vtt',
    types: ['text/vtt', 'text/webvtt', 'application/vtt', 'application/x-vtt'],
    extensions: ['vtt'],
    parse: parseVtt,
  },
  // SubRip has no registered type: feeds write all of these (No Agenda: application/srt).
  {
    format: 'srt',
    types: [
      'application/x-subrip',
      'application/srt',
      'text/srt',
      'text/x-srt',
      'application/x-srt',
      'text/x-subrip',
    ],
    extensions: ['srt'],
    parse: parseSrt,
  },
  {
    format: 'html',
    types: ['text/html', 'application/xhtml+xml'],
    extensions: ['html', 'htm'],
    parse: parseHtmlTranscript,
  },
];

/** The format a link's type names, or, for a missing or generic type, its file extension. */
export function formatOfLink(link: Pick<TranscriptLink, 'type' | 'url'>): TranscriptFormat | null {
  const type = link.type.split(';')[0]!.trim().toLowerCase();
  const byType = TRANSCRIPT_FORMAT_ENTRIES.find((e) => e.types.includes(type));
  if (byType) return byType.format;
  if (type && !['text/plain', 'application/octet-stream', 'binary/octet-stream'].includes(type))
    return null;
  let ext = '';
  try {
    ext = /\.([a-z0-9]{2,5})$/i.exec(new URL(link.url).pathname)?.[1]?.toLowerCase() ?? '';
  } catch {
    return null;
  }
  return TRANSCRIPT_FORMAT_ENTRIES.find((e) => e.extensions.includes(ext))?.format ?? null;
}

/**
 * The feed's transcripts Earmark can read, best first: in the page's language (or the feed's,
 * or with no language given) before others, then by format preference.
 */
export function rankTranscripts(
  links: readonly TranscriptLink[],
  languages: readonly string[],
): (TranscriptLink & { format: TranscriptFormat })[] {
  const wanted = languages.map((l) => l.toLowerCase().split('-')[0]!).filter(Boolean);
  const langRank = (l: string): number => {
    if (!l) return wanted.length;
    const at = wanted.indexOf(l.split('-')[0]!);
    return at === -1 ? wanted.length + 1 : at;
  };
  const formatRank = (f: TranscriptFormat): number =>
    TRANSCRIPT_FORMAT_ENTRIES.findIndex((e) => e.format === f);
  return links
    .flatMap((l) => {
      const format = formatOfLink(l);
      return format ? [{ ...l, format }] : [];
    })
    .sort(
      (a, b) =>
        langRank(a.language) - langRank(b.language) || formatRank(a.format) - formatRank(b.format),
    );
}

/**
 * Reads a transcript in the format its link (or the server's content type) names. When that is
 * unknown, the text is recognised by its first characters; anything else is refused.
 */
export function parseTranscript(text: string, format: TranscriptFormat | null): Parsed<Transcript> {
  const chosen = format ?? sniffFormat(text);
  if (!chosen) {
    return {
      ok: false,
      error: located(
        'the transcript is in a format Earmark does not know (WebVTT, SubRip, JSON and HTML are read)',
      ),
    };
  }
  return TRANSCRIPT_FORMAT_ENTRIES.find((e) => e.format === chosen)!.parse(text);
}

export function sniffFormat(text: string): TranscriptFormat | null {
  const head = text
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 200);
  if (head.startsWith('WEBVTT')) return 'vtt';
  if (head.startsWith('{')) return 'json';
  if (/^\d+\s*\r?\n\s*\d{1,3}:\d\d:\d\d[,.]\d{1,3}\s+-->/.test(head)) return 'srt';
  if (/^<(!doctype html|html|body|cite|time|p|!--)/i.test(head)) return 'html';
  return null;
}
