import type { Role } from '../model';

/** Page strings are bounded: a hostile page cannot make a title of a megabyte. */
export const MAX_TEXT = 300;

// Bidi marks and zero-width characters: Apple prefixes titles with U+200E.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

/** Trimmed, single-spaced, without invisible marks, at most MAX_TEXT characters. */
export function clean(value: unknown): string {
  if (typeof value !== 'string') return '';
  // Cut before the regexes run, so that their cost is bounded too.
  return value
    .slice(0, MAX_TEXT * 4)
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

const EDGE_SEPARATOR = /^\s*[|:\-–—·•]\s*|\s*[|:\-–—·•]\s*$/g;

/**
 * The episode title without the show name that sites glue to it ("117: Title | React
 * Podcast", "Build Your SaaS | Title"). Unchanged unless a separator stood between them.
 */
export function withoutShow(title: string, show: string): string {
  if (!show || title === show) return title;
  const rest = title.endsWith(show)
    ? title.slice(0, -show.length)
    : title.startsWith(show)
      ? title.slice(show.length)
      : '';
  const stripped = rest.replace(EDGE_SEPARATOR, '');
  return stripped && stripped !== rest ? stripped : title;
}

/**
 * "#032 – Title", "32. Title", "Ep 32: Title", "Episode 32 - Title" → "Title", only when the
 * page gives the same episode number on its own (`number`): then the prefix repeats it.
 * Unchanged otherwise: "Episode 251: …" may be the title the show itself published.
 */
export function withoutEpisodeNumber(title: string, number: number | null): string {
  if (number === null) return title;
  const match = /^(?:#|no\.?\s*|ep(?:isode)?\.?\s*)?0*(\d+)\s*(?:[.:|\-–—]\s*)+(.+)$/i.exec(title);
  return match && Number(match[1]) === number && match[2]!.trim() ? match[2]!.trim() : title;
}

/** Removes a platform's fixed suffix ("… on Acast", "… - YouTube"), case-insensitively. */
export function withoutSuffix(title: string, suffix: RegExp): string {
  return title.replace(suffix, '').trim() || title;
}

/** "Title : Show" → ["Title", "Show"] when the separator occurs exactly once. */
export function splitPair(text: string, separator: string): [string, string] | null {
  const parts = text.split(separator);
  return parts.length === 2 && parts[0]!.trim() && parts[1]!.trim()
    ? [parts[0]!.trim(), parts[1]!.trim()]
    : null;
}

/** The role a page's label names ("Host", "Co-Host", "Guest"…); 'other' for unknown labels. */
export function roleOf(label: string): Role | undefined {
  const l = label.toLowerCase();
  if (!l) return undefined;
  if (/co-?host/.test(l)) return 'co-host';
  if (/host/.test(l)) return 'host';
  if (/guest/.test(l)) return 'guest';
  if (/interview/.test(l)) return 'interviewer';
  if (/narrat/.test(l)) return 'narrator';
  return 'other';
}
