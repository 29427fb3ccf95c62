/**
 * The Markdown episode overview (DESIGN.md "Export"; issue 6).
 *
 * Everything a page or a person wrote is put into an mdast syntax tree as `text` nodes and
 * serialised by mdast-util-to-markdown, which escapes whatever would otherwise become
 * structure. Nothing here concatenates user text into Markdown source: that is the whole
 * safety argument, and test/unit/markdown-safety.test.ts checks it by parsing the output back.
 *
 * Over 400 lines on purpose: the overview is one document whose parts (front matter, quotes
 * by speaker or section, notes, references) share the builder's escaping and labels; the
 * golden files pin its output byte for byte, and a split would only move the builder around.
 */
import { byPlaybackOrder } from './quote-order';
import type {
  Blockquote,
  Heading,
  Link,
  List,
  ListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';
import { toMarkdown, type Options as ToMarkdownOptions, type Unsafe } from 'mdast-util-to-markdown';
import { momentLinks } from './deeplink';
import { frontMatterBlock } from './front-matter';
import type { Episode, Participant, Quote, Role } from './model';
import { writeSimpleMarkdown } from './markdown-write';
import { clockHasHours, formatEpisodeClock } from './time';
import { webHref } from './web-url';

/** How the "Quotes" part of the overview is ordered. */
export type QuoteGrouping = 'time' | 'section' | 'speaker';

export interface OverviewOptions {
  /** YAML front matter (title, show, url, date, participants, tags) for Obsidian or Logseq. */
  frontMatter: boolean;
  /** Show each quote's playback time as a link to that moment. */
  timestamps: boolean;
  /** Put each section's quotes under it, as the reference overview does. */
  quotesInSections: boolean;
  /** Add the "Quotes" part that lists every quote once more. */
  quoteList: boolean;
  /** How the "Quotes" part is ordered: one list in time order, or a sub-heading per group. */
  quoteGrouping: QuoteGrouping;
  /** Added to every heading's level (1 → the title is an H2), for pasting into a larger note. */
  headingOffset: number;
  /** Put before the episode title in the top heading; may be empty. */
  titlePrefix: string;
}

export const DEFAULT_OVERVIEW_OPTIONS: Readonly<OverviewOptions> = Object.freeze({
  frontMatter: false,
  timestamps: true,
  quotesInSections: true,
  quoteList: true,
  quoteGrouping: 'time',
  headingOffset: 0,
  titlePrefix: 'Podcast Episode Overview: ',
});

/** Words the overview adds around the person's text. One place, so a translation is one edit. */
export const OVERVIEW_LABELS = Object.freeze({
  sourceIntro: 'The original podcast episode can be found here: ',
  participants: 'Participants',
  twoCents: 'My 2 cents',
  quotes: 'Quotes',
  references: 'References',
  untitledEpisode: 'Untitled episode',
  untitledSection: 'Untitled section',
  unnamedParticipant: 'Unnamed participant',
  otherQuotes: 'Other quotes',
  unattributed: 'Unattributed',
});

const ROLE_LABELS: Record<Role, string> = {
  host: 'host',
  'co-host': 'co-host',
  guest: 'guest',
  interviewer: 'interviewer',
  narrator: 'narrator',
  other: 'other',
};

/**
 * Escapes on top of CommonMark's, for renderers that speak GFM (GitHub, Obsidian): `~` can
 * start strikethrough, `|` can make a table, and `http://`, `www.` turn into links. A
 * backslash before ASCII punctuation is a valid escape in every flavour, so this only costs a
 * few backslashes.
 */
const GFM_UNSAFE: Unsafe[] = [
  ['~'],
  ['|'],
  [':', '[A-Za-z]', '\\/\\/'],
  ['.', '(?:^|[^\\w])[Ww]{3}'],
  ['@', '[\\w.+-]', '[\\w-]'],
].map(([character, before, after]) => ({
  character: character!,
  ...(before ? { before } : {}),
  ...(after ? { after } : {}),
  inConstruct: 'phrasing',
  // Link destinations and titles are spans of their own, where these characters are inert.
  notInConstruct: [
    'autolink',
    'destinationLiteral',
    'destinationRaw',
    'reference',
    'titleQuote',
    'titleApostrophe',
  ],
}));

/**
 * mdast-util-to-markdown's own patterns for `* + -` and `1.` at a line start match the
 * character after the marker as part of the match. When that character is a line ending, the
 * next line's start is used up: in the text "-\n-" only the first dash was escaped, and the
 * second became a setext underline (found by template-safety.test.ts). The same patterns with
 * the character after only looked at leave every line start to be matched.
 */
const LINE_START_UNSAFE: Unsafe[] = [
  { atBreak: true, character: '*', after: '(?=[ \t\r\n*])' },
  { atBreak: true, character: '+', after: '(?=[ \t\r\n])' },
  { atBreak: true, character: '-', after: '(?=[ \t\r\n-])' },
  { atBreak: true, before: '\\d+', character: '.', after: '(?=[ \t\r\n]|$)' },
];

export const TO_MARKDOWN_OPTIONS: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  listItemIndent: 'one',
  fences: true,
  // Always `[text](url)`, never `<url>`: one link shape for readers and for our own tests.
  resourceLink: true,
  unsafe: [...GFM_UNSAFE, ...LINE_START_UNSAFE],
  handlers: {
    // `---` first in a file opens front matter to a note app (a template may start so).
    thematicBreak: (node, parent) =>
      parent?.type === 'root' && parent.children[0] === node ? '***' : '---',
  },
};

/** A string that came from a page or a person, made fit to write to a UTF-8 file. */
export function cleanText(value: string): string {
  // A lone surrogate cannot be encoded in UTF-8 and NUL is replaced by every Markdown parser.
  // Unicode's noncharacters (U+FFFE, U+FDD0…) are not for interchange: where a writer must
  // write one as a character reference (beside emphasis), parsers read U+FFFD, so it is
  // U+FFFD everywhere rather than in some places only. The test first: almost no text has
  // any of these, and the replacements cost more (bench `backup`).
  if (!SUSPECT.test(value)) return value;
  return value
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
    .replace(NONCHARACTER_OR_NUL, '\uFFFD');
}
/** Surrogates (astral noncharacters are pairs), NUL and the BMP's noncharacters. */
const SUSPECT = /[\uD800-\uDFFF\0\uFDD0-\uFDEF\uFFFE\uFFFF]/;
const NONCHARACTER_OR_NUL =
  /[\0\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

/** Line breaks of every kind, including the Unicode ones that some renderers honour. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;
/**
 * Spaces and tabs that Markdown trims at the ends of a line or would read as indentation.
 * Other Unicode spaces (no-break, ideographic…) survive Markdown: kept inside a line, only
 * trimmed at its ends (`String.prototype.trim`).
 */
const HORIZONTAL_SPACE_RUN = /[ \t]+/g;

/**
 * A one-line field (title, name, quote text) as the overview shows it: every run of spaces,
 * tabs and line breaks becomes one space, and the ends are trimmed. Exported so that tests
 * compare against exactly what the overview promises to keep.
 */
export function normaliseLine(value: string): string {
  let line = cleanText(value);
  if (LINE_BREAK.test(line)) line = line.split(LINE_BREAK).join(' ');
  if (SPACE_TO_COLLAPSE.test(line)) line = line.replace(HORIZONTAL_SPACE_RUN, ' ');
  return line.trim();
}
/** What `HORIZONTAL_SPACE_RUN` would change: tested first, as most lines have none. */
const SPACE_TO_COLLAPSE = /\t| {2}/;

/** A block of a multi-line field: a paragraph of lines, or a bulleted list of items of lines. */
export type NoteBlock =
  { type: 'paragraph'; lines: string[] } | { type: 'list'; items: string[][] };

const BULLET_MARKERS = ['- ', '* ', '• '];
const CONTINUATION_INDENT = /^(?: {2}|\t)/;

/**
 * A multi-line field (summary, section notes, my 2 cents, a quote's note) as blocks. People
 * type these in a plain textarea, where lines starting with `- ` mean a bulleted list; nothing
 * richer is read, so every other character stays text. The rule, line by line:
 *
 * - Each line is normalised like a one-line field (so leading spaces go). A blank line ends
 *   the current block: bullets on either side of one make two lists.
 * - A line that then begins with `- `, `* ` or `• ` and has text after the marker is a list
 *   item holding that text. Consecutive item lines make one list (unordered, tight). Nothing
 *   nests: an indented item is one more item of the same list.
 * - A line indented by two or more spaces or a tab, right after an item line (or after a line
 *   that continued it), continues that item after a line break.
 * - Any other line is a paragraph line; consecutive ones make a paragraph, a single line break
 *   between them stays a line break. So `-x`, `1. x` or a lone `-` are text, and text lines
 *   between two lists make a paragraph of their own.
 *
 * Empty blocks never occur.
 */
export function normaliseBlocks(value: string): NoteBlock[] {
  const blocks: NoteBlock[] = [];
  // The block a line may join; none after a blank line.
  let open: NoteBlock | null = null;
  for (const rawLine of cleanText(value).split(LINE_BREAK)) {
    const line = (
      SPACE_TO_COLLAPSE.test(rawLine) ? rawLine.replace(HORIZONTAL_SPACE_RUN, ' ') : rawLine
    ).trim();
    if (line === '') {
      open = null;
      continue;
    }
    // After the marker only a Unicode space (no-break…) can remain at the start: trim it too.
    const marker = BULLET_MARKERS.find((m) => line.startsWith(m));
    const item = marker === undefined ? '' : line.slice(marker.length).trim();
    if (item !== '') {
      if (open?.type === 'list') open.items.push([item]);
      else blocks.push((open = { type: 'list', items: [[item]] }));
    } else if (open?.type === 'list' && CONTINUATION_INDENT.test(rawLine)) {
      open.items[open.items.length - 1]!.push(line);
    } else if (open?.type === 'paragraph') {
      open.lines.push(line);
    } else {
      blocks.push((open = { type: 'paragraph', lines: [line] }));
    }
  }
  return blocks;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });

/**
 * A link when `url` is a web address; otherwise the label as text, followed by the address
 * when `showUrl` (as text it cannot run, and it is still worth reading).
 */
function linkOrText(label: string, url: string, showUrl = true): PhrasingContent[] {
  const href = webHref(url);
  if (href !== null) {
    const link: Link = { type: 'link', url: href, children: [text(label)] };
    return [link];
  }
  const shownUrl = showUrl ? normaliseLine(url) : '';
  return [text(shownUrl && shownUrl !== label ? `${label} (${shownUrl})` : label)];
}

/** Lines shown as typed: a hard line break between each two. */
function linesOf(lines: string[]): PhrasingContent[] {
  return lines.flatMap((line, index): PhrasingContent[] =>
    index === 0 ? [text(line)] : [{ type: 'break' }, text(line)],
  );
}

/** A multi-line field as paragraphs and bulleted lists (`normaliseBlocks`). */
export function blocksOf(value: string): (Paragraph | List)[] {
  return normaliseBlocks(value).map((block) =>
    block.type === 'paragraph'
      ? { type: 'paragraph', children: linesOf(block.lines) }
      : bulletList(
          block.items.map((lines) => ({
            type: 'listItem',
            spread: false,
            children: [{ type: 'paragraph', children: linesOf(lines) }],
          })),
        ),
  );
}

/** Playback order (quote-order.ts), as a sorted copy. */
export function quotesInTimeOrder(quotes: readonly Quote[]): Quote[] {
  return [...quotes].sort(byPlaybackOrder);
}

/** Builds the overview's tree; `renderOverviewMarkdown` serialises it. */
class OverviewBuilder {
  private readonly participantsById: Map<string, Participant>;
  /** Times as the popup shows them: with hours only in an episode an hour or longer. */
  private readonly hours: boolean;
  private readonly linkAt: ReturnType<typeof momentLinks>;

  constructor(
    private readonly episode: Episode,
    private readonly options: OverviewOptions,
    quotes: readonly Quote[],
  ) {
    this.participantsById = new Map(episode.participants.map((p) => [p.id, p]));
    this.linkAt = momentLinks(episode);
    this.hours = clockHasHours(
      episode.durationSec,
      quotes.map((q) => q.timeSec),
    );
  }

  heading(level: number, value: string): Heading {
    const offset = Math.max(0, Math.floor(this.options.headingOffset) || 0);
    const depth = Math.min(6, level + offset) as Heading['depth'];
    return { type: 'heading', depth, children: [text(value)] };
  }

  title(): string {
    return normaliseLine(this.episode.title) || OVERVIEW_LABELS.untitledEpisode;
  }

  speakerName(quote: Quote): string | null {
    const speaker =
      quote.speakerId === null ? undefined : this.participantsById.get(quote.speakerId);
    if (!speaker) return null;
    return normaliseLine(speaker.name) || OVERVIEW_LABELS.unnamedParticipant;
  }

  /** `"words" — Speaker (4:10)`, or `(1:02:05)` in a long episode, the time linking to that moment; the note below it. */
  quote(quote: Quote, showSpeaker: boolean): Blockquote {
    let line = `"${normaliseLine(quote.text)}"`;
    const speaker = showSpeaker ? this.speakerName(quote) : null;
    if (speaker !== null) line += ` — ${speaker}`;
    const children: PhrasingContent[] = [];
    const time = quote.timeSec;
    if (this.options.timestamps && time !== null && Number.isFinite(time) && time >= 0) {
      const clock = formatEpisodeClock(time, this.hours);
      const { href } = this.linkAt(time);
      const shown: PhrasingContent =
        href === null ? text(clock) : { type: 'link', url: href, children: [text(clock)] };
      children.push(text(`${line} (`), shown);
      children.push(text(')'));
    } else {
      children.push(text(line));
    }
    return {
      type: 'blockquote',
      children: [{ type: 'paragraph', children: mergeTexts(children) }, ...blocksOf(quote.note)],
    };
  }

  sourceParagraph(): Paragraph {
    const show = normaliseLine(this.episode.show);
    const label = show ? `${show}: ${this.title()}` : this.title();
    return {
      type: 'paragraph',
      children: mergeTexts([
        text(OVERVIEW_LABELS.sourceIntro),
        ...linkOrText(label, this.episode.url),
      ]),
    };
  }

  participants(): RootContent[] {
    if (this.episode.participants.length === 0) return [];
    const items = this.episode.participants.map((p) =>
      listItem([
        text(
          `${normaliseLine(p.name) || OVERVIEW_LABELS.unnamedParticipant} (${ROLE_LABELS[p.role] ?? p.role})`,
        ),
      ]),
    );
    return [this.heading(2, OVERVIEW_LABELS.participants), bulletList(items)];
  }

  sections(quotes: readonly Quote[]): RootContent[] {
    const out: RootContent[] = [];
    for (const section of this.episode.sections) {
      out.push(this.heading(2, normaliseLine(section.heading) || OVERVIEW_LABELS.untitledSection));
      out.push(...blocksOf(section.notes));
      if (this.options.quotesInSections) {
        for (const q of quotes) if (q.sectionId === section.id) out.push(this.quote(q, true));
      }
    }
    return out;
  }

  twoCents(): RootContent[] {
    const blocks = blocksOf(this.episode.twoCents);
    return blocks.length === 0 ? [] : [this.heading(2, OVERVIEW_LABELS.twoCents), ...blocks];
  }

  quoteList(quotes: readonly Quote[]): RootContent[] {
    if (!this.options.quoteList || quotes.length === 0) return [];
    const out: RootContent[] = [this.heading(2, OVERVIEW_LABELS.quotes)];
    switch (this.options.quoteGrouping) {
      case 'section': {
        const known = new Set(this.episode.sections.map((s) => s.id));
        for (const section of this.episode.sections) {
          const group = quotes.filter((q) => q.sectionId === section.id);
          if (group.length === 0) continue;
          const heading = normaliseLine(section.heading) || OVERVIEW_LABELS.untitledSection;
          out.push(this.heading(3, heading), ...group.map((q) => this.quote(q, true)));
        }
        const rest = quotes.filter((q) => q.sectionId === null || !known.has(q.sectionId));
        if (rest.length > 0) {
          out.push(this.heading(3, OVERVIEW_LABELS.otherQuotes));
          out.push(...rest.map((q) => this.quote(q, true)));
        }
        break;
      }
      case 'speaker': {
        // The sub-heading names the speaker, so the quotes under it do not repeat the name.
        for (const p of this.episode.participants) {
          const group = quotes.filter((q) => q.speakerId === p.id);
          if (group.length === 0) continue;
          const name = normaliseLine(p.name) || OVERVIEW_LABELS.unnamedParticipant;
          out.push(this.heading(3, name), ...group.map((q) => this.quote(q, false)));
        }
        const rest = quotes.filter((q) => this.speakerName(q) === null);
        if (rest.length > 0) {
          out.push(this.heading(3, OVERVIEW_LABELS.unattributed));
          out.push(...rest.map((q) => this.quote(q, false)));
        }
        break;
      }
      default:
        out.push(...quotes.map((q) => this.quote(q, true)));
    }
    return out;
  }

  references(): RootContent[] {
    const items = this.episode.references.flatMap((r) => {
      const title = normaliseLine(r.title) || normaliseLine(r.url);
      return title === '' ? [] : [listItem(linkOrText(title, r.url))];
    });
    if (items.length === 0) return [];
    return [this.heading(2, OVERVIEW_LABELS.references), bulletList(items)];
  }

  root(quotes: readonly Quote[]): Root {
    const prefix = cleanText(this.options.titlePrefix);
    const children: RootContent[] = [
      this.heading(1, normaliseLine(`${prefix}${this.title()}`)),
      this.sourceParagraph(),
      ...blocksOf(this.episode.summary),
      ...this.participants(),
      ...this.sections(quotes),
      ...this.twoCents(),
      ...this.quoteList(quotes),
      ...this.references(),
    ];
    return { type: 'root', children };
  }
}

function listItem(children: PhrasingContent[]): ListItem {
  return {
    type: 'listItem',
    spread: false,
    children: [{ type: 'paragraph', children: mergeTexts(children) }],
  };
}

function bulletList(items: ListItem[]): List {
  return { type: 'list', ordered: false, spread: false, children: items };
}

/** Adjacent text nodes joined, so escaping sees each run of text whole. */
export function mergeTexts(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else out.push(node.type === 'text' ? { ...node } : node);
  }
  return out;
}

/** The values the front matter holds; also what tests expect YAML to parse back to. */
export function overviewFrontMatter(episode: Episode): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = { title: cleanText(episode.title) };
  if (episode.show !== '') values.show = cleanText(episode.show);
  if (webHref(episode.url) !== null) values.url = cleanText(episode.url);
  if (episode.publishedAt) values.date = cleanText(episode.publishedAt);
  values.participants = episode.participants.map((p) => cleanText(p.name));
  values.tags = episode.tags.map(cleanText);
  // The same on every export of the episode: a note app (or a person) finds the note by it.
  values.earmark = cleanText(episode.id);
  return values;
}

/** The overview's YAML front matter, with the lines around it and a blank line after. */
export function overviewFrontMatterBlock(episode: Episode): string {
  return frontMatterBlock(overviewFrontMatter(episode));
}

/**
 * Any tree as Markdown: the fast writer for the nodes an overview is made of, else
 * mdast-util-to-markdown with the export's options (why: src/core/markdown-write.ts).
 */
export function treeToMarkdown(tree: Root): string {
  return writeSimpleMarkdown(tree) ?? toMarkdown(tree, TO_MARKDOWN_OPTIONS);
}

/** The overview as an mdast tree: for callers that want to add to it or render it otherwise. */
export function overviewTree(
  episode: Episode,
  quotes: readonly Quote[],
  options: Partial<OverviewOptions> = {},
): Root {
  const resolved: OverviewOptions = { ...DEFAULT_OVERVIEW_OPTIONS, ...options };
  const ours = quotesInTimeOrder(quotes.filter((q) => q.episodeId === episode.id));
  return new OverviewBuilder(episode, resolved, ours).root(ours);
}

/**
 * The episode overview in the reference's shape (test/fixtures/real/reference/episode-overview-example.txt):
 * title, a link to the episode, summary, participants, sections with their quotes, my 2 cents,
 * all quotes with speaker and a time link, references. Empty parts are left out. Quotes of
 * other episodes are ignored. Cost: linear in the size of the episode and its quotes.
 */
export function renderOverviewMarkdown(
  episode: Episode,
  quotes: readonly Quote[],
  options: Partial<OverviewOptions> = {},
): string {
  const body = treeToMarkdown(overviewTree(episode, quotes, options));
  const frontMatter = options.frontMatter ?? DEFAULT_OVERVIEW_OPTIONS.frontMatter;
  return frontMatter ? overviewFrontMatterBlock(episode) + body : body;
}

// ---------------------------------------------------------------------------------------
// File names

/** `<show>`, `<title>`, `<date>` and `<id>`: angle brackets cannot occur in a file name. */
export const DEFAULT_FILE_NAME_PATTERN = '<show> - <title>.md';
/** Room for a folder path in front on Windows (260 characters in all) and for a `(2)` suffix. */
export const MAX_FILE_NAME_LENGTH = 150;
/** ext4, APFS and most file systems store at most 255 bytes per name; CJK takes 3 each. */
const MAX_FILE_NAME_BYTES = 255;
const EXTENSION = '.md';

/** Names Windows keeps for devices, with or without an extension (`NUL.md` is NUL too). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Separator runs that remain at the ends, or twice over, when a placeholder is empty. */
const EDGE_JUNK = /^[\s.,;_\-–—]+|[\s.,;_\-–—]+$/g;
const TRAILING_JUNK = /[\s.,;_\-–—]+$/;

function sanitiseFileNamePart(value: string): string {
  return (
    cleanText(value)
      .normalize('NFC')
      .replace(/\uFFFD/g, '')
      // Bidirectional overrides can make `evil‮dm.exe` display as `evilexe.md`.
      .replace(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/g, '')
      // eslint-disable-next-line no-control-regex -- control characters are what this removes.
      .replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ')
      // Forbidden on Windows (all of them) or macOS (`:`), or a path separator anywhere.
      .replace(/\s*:\s*/g, ' - ')
      .replace(/[/\\|]/g, '-')
      .replace(/"/g, "'")
      .replace(/[<>?*]/g, '')
  );
}

const utf8Length = (value: string): number => new TextEncoder().encode(value).length;

/** The longest start of `stem` that fits, cut between characters as people see them. */
function fitStem(stem: string): string {
  const fits = (s: string) =>
    s.length + EXTENSION.length <= MAX_FILE_NAME_LENGTH &&
    utf8Length(s + EXTENSION) <= MAX_FILE_NAME_BYTES;
  if (fits(stem)) return stem;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(
    stem,
  )) {
    if (fits(out + segment)) {
      out += segment;
      continue;
    }
    // A single "character" longer than the limit (a letter under hundreds of accents): cut it.
    if (out === '') for (const cp of segment) if (fits(out + cp)) out += cp;
    break;
  }
  return out;
}

/**
 * A file name for the overview, safe on Windows, macOS and Linux: no forbidden or control
 * characters, no reserved device name, no leading or trailing dot or space, at most
 * MAX_FILE_NAME_LENGTH characters (and 255 UTF-8 bytes), never empty, always ending `.md`.
 */
export function overviewFileName(
  episode: Pick<Episode, 'show' | 'title' | 'publishedAt' | 'id'>,
  pattern: string = DEFAULT_FILE_NAME_PATTERN,
): string {
  const values: Record<string, string> = {
    show: episode.show,
    title: episode.title,
    // By code point: a surrogate pair cut in two can't be written to a file name.
    date: episode.publishedAt ? Array.from(episode.publishedAt).slice(0, 10).join('') : '',
    id: episode.id,
  };
  const filled = pattern
    .replace(/\.md$/i, '')
    .replace(/<(show|title|date|id)>/g, (_, key: string) =>
      // The value is sanitised before it lands, so a title cannot write a placeholder.
      sanitiseFileNamePart(values[key] ?? ''),
    );
  const tidy = (s: string) =>
    sanitiseFileNamePart(s)
      .replace(/\s+/g, ' ')
      // An empty placeholder between two separators leaves `A -  - B`.
      .replace(/(\s[-–—](?=\s))+/g, ' -')
      .replace(EDGE_JUNK, '');
  let stem = fitStem(tidy(filled) || tidy(values.title ?? '')).replace(EDGE_JUNK, '');
  if (stem === '') stem = 'Episode overview';
  // Windows reads `NUL.md` and `NUL.anything.md` as the device; the prefix keeps it a file.
  if (WINDOWS_RESERVED.test(stem.split('.')[0]!.trim())) {
    stem = fitStem(`_${stem}`).replace(TRAILING_JUNK, '');
  }
  return stem + EXTENSION;
}
