/** Helpers the transcript formats share: entities, tags out, times in. */

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  lrm: '',
  rlm: '',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
};

/** `&amp;`, `&#39;`, `&#x2019;` → characters. An unknown entity stays as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Markup out, entities decoded, white space collapsed: what a person reads. */
export function plainText(markup: string): string {
  // Most cues carry neither tags nor entities: skip those passes (bench: transcript).
  const tagless = markup.includes('<') ? markup.replace(/<[^>]*>/g, ' ') : markup;
  return (tagless.includes('&') ? decodeEntities(tagless) : tagless).replace(/\s+/g, ' ').trim();
}

/** `01:02:03.456`, `02:03.456`, `01:02:03,456` (SubRip) → seconds; null when malformed. */
export function parseCueTime(value: string): number | null {
  const m = /^(?:(\d{1,3}):)?([0-5]?\d):([0-5]\d)(?:[.,](\d{1,3}))?$/.exec(value.trim());
  if (!m) return null;
  const [, h, min, s, frac] = m;
  return (
    Number(h ?? 0) * 3600 +
    Number(min) * 60 +
    Number(s) +
    (frac ? Number(frac.padEnd(3, '0')) / 1000 : 0)
  );
}

/** "Name:" at the start of a line of SubRip or HTML: a short name, not a sentence with a colon. */
const SPEAKER_LABEL = /^([\p{Lu}\p{Lt}][\p{L}\p{M}.'’-]*(?: [\p{L}\p{M}.'’-]+){0,3}):\s+/u;

export function splitSpeakerLabel(line: string): { speaker: string; rest: string } | null {
  const m = SPEAKER_LABEL.exec(line);
  if (!m || m[1]!.length > 40) return null;
  return { speaker: m[1]!, rest: line.slice(m[0].length) };
}
