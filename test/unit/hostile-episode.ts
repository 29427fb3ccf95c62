/**
 * Hostile episodes and quotes for property tests (issue 6, reused by issue 14's template
 * tests): any Unicode, weighted towards the syntax that could break out of text.
 */
import fc from 'fast-check';
import { ROLES, type Episode, type Quote } from '../../src/core/model';

// Inputs: any Unicode, weighted towards the syntax that could break out of text.

export const MARKDOWN_AND_HTML = [
  '#',
  '##',
  '>',
  '|',
  '`',
  '```',
  '~~~',
  '~~',
  '*',
  '**',
  '_',
  '__',
  '-',
  '+',
  '=',
  '---',
  '***',
  '1.',
  '1)',
  '[',
  ']',
  '(',
  ')',
  '!',
  '\\',
  '&',
  '&amp;',
  '&#x20;',
  '&lt;',
  '<',
  '>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!--',
  '-->',
  '<div>',
  '</p>',
  '[x](javascript:alert(1))',
  '![i](https://e.com/i.png)',
  '<https://e.com>',
  '[x]: https://e.com',
  '[^1]',
  '[[wiki]]',
  'http://a.b',
  'https://e.com/x',
  'www.e.com',
  'a@b.co',
  ':',
  '"',
  "'",
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  '  ',
  '   ',
  '    ',
  '\t',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\0',
  '\u000b',
  '\u000c',
  '\u202e',
  '\ufeff',
  'é',
  'e\u0301',
  '😀',
  '👩🏽‍🚀',
  'ab',
  'x',
  // Bullet markers: at the start of a line they make a list item (normaliseBlocks).
  '- ',
  '* ',
  '• ',
  '•',
  '\n- ',
  '\n  ',
] as const;

const oneCodePoint = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const hostileUnit = fc.oneof(
  { arbitrary: fc.constantFrom(...MARKDOWN_AND_HTML), weight: 6 },
  { arbitrary: oneCodePoint, weight: 3 },
  { arbitrary: loneSurrogate, weight: 1 },
);
/** Any string, mostly made of Markdown and HTML syntax. */
export const hostileText = fc.string({ unit: hostileUnit, maxLength: 14 });

/** How people start lines in a textarea: bullets, indents for a bullet's second line, and near misses. */
const LINE_STARTS = [
  '',
  '',
  '- ',
  '- ',
  '* ',
  '• ',
  '  ',
  '   ',
  '\t',
  '  - ',
  ' * ',
  '-',
  '•',
  '1. ',
  '- - ',
  '-\t',
  '- \u00a0',
] as const;
const LINE_ENDS = ['\n', '\n', '\r\n', '\n\n', '\n \n', '\u2028'] as const;
/** A multi-line field: lines, often bulleted or indented, each of hostile text. */
export const hostileNotes = fc.oneof(
  { arbitrary: hostileText, weight: 1 },
  {
    arbitrary: fc
      .array(
        fc.tuple(fc.constantFrom(...LINE_STARTS), hostileText, fc.constantFrom(...LINE_ENDS)),
        { maxLength: 7 },
      )
      .map((lines) => lines.map(([start, words, end]) => start + words + end).join('')),
    weight: 3,
  },
);

export const hostileUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://example.com/episode?id=1&t=2',
    'https://example.com/a)(b]<c>`d`',
    'https://example.com/ space',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox',
    'file:///etc/passwd',
    '//example.com/no-scheme',
    'not a url',
    '',
  ),
  hostileText,
);

const PARTICIPANT_IDS = ['p0', 'p1', 'p2', 'p3'];
const SECTION_IDS = ['s0', 's1', 's2', 's3'];

export const episodeArb: fc.Arbitrary<Episode> = fc.record({
  id: fc.constant('ep'),
  url: hostileUrl,
  platform: fc.constantFrom('generic', 'youtube', 'spotify', 'overcast', 'apple' as const),
  title: hostileText,
  show: hostileText,
  publishedAt: fc.option(fc.oneof(fc.constant('2024-05-01'), hostileText)),
  durationSec: fc.constant(null),
  feedUrl: fc.constant(null),
  imageUrl: fc.constant(null),
  participants: fc.uniqueArray(
    fc.record({
      id: fc.constantFrom(...PARTICIPANT_IDS),
      name: hostileText,
      role: fc.constantFrom(...ROLES),
    }),
    { selector: (p) => p.id, maxLength: 4 },
  ),
  sections: fc.uniqueArray(
    fc.record({ id: fc.constantFrom(...SECTION_IDS), heading: hostileText, notes: hostileNotes }),
    { selector: (s) => s.id, maxLength: 4 },
  ),
  summary: hostileNotes,
  twoCents: hostileNotes,
  references: fc.array(fc.record({ title: hostileText, url: hostileUrl }), { maxLength: 3 }),
  tags: fc.array(hostileText, { maxLength: 3 }),
  createdAt: fc.constant('2024-05-01T00:00:00.000Z'),
  updatedAt: fc.constant('2024-05-01T00:00:00.000Z'),
});

export const quotesArb: fc.Arbitrary<Quote[]> = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    // Mostly this episode; sometimes another, which the overview must leave out.
    episodeId: fc.constantFrom('ep', 'ep', 'ep', 'other'),
    text: hostileText,
    // Ids that may or may not exist in the episode: `p4` and `s4` never do.
    speakerId: fc.option(fc.constantFrom(...PARTICIPANT_IDS, 'p4')),
    sectionId: fc.option(fc.constantFrom(...SECTION_IDS, 's4')),
    timeSec: fc.option(fc.oneof(fc.nat(200_000), fc.double({ min: 0, max: 1e6, noNaN: true }))),
    note: hostileNotes,
    anchor: fc.constant(null),
    order: fc.nat(20),
    createdAt: fc.constant('2024-05-01T00:00:00.000Z'),
    updatedAt: fc.constant('2024-05-01T00:00:00.000Z'),
  }),
  { selector: (q) => q.id, maxLength: 6 },
);
