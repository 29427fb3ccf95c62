/**
 * What a template can say (issue 14): every variable, its kind, and the values of one
 * episode. The schema is the one list of names: the editor's help is written from it, and a
 * template naming anything else is refused with the place (`checkNames`).
 */
import { momentLinks } from '../deeplink';
import { OVERVIEW_LABELS, cleanText, normaliseLine, quotesInTimeOrder } from '../markdown';
import type { Episode, Quote, Role } from '../model';
import { clockHasHours, formatEpisodeClock } from '../time';
import { webHref } from '../web-url';
import { TemplateError, type TemplateNode } from './syntax';

/** One line of text; several lines (paragraphs and `- ` lists); a web address; a list; yes/no. */
export type VariableKind = 'line' | 'block' | 'url' | 'list' | 'flag';

export interface VariableSpec {
  kind: VariableKind;
  /** For the editor's help. */
  about: string;
  /** The variables of each item, for a list. */
  item?: Readonly<Record<string, VariableSpec>>;
}

export type TemplateValue =
  | { kind: 'line'; text: string }
  | { kind: 'block'; text: string }
  | { kind: 'url'; href: string | null; text: string }
  | { kind: 'list'; items: TemplateScope[]; names: string[] }
  | { kind: 'flag'; on: boolean };

export type TemplateScope = Readonly<Record<string, TemplateValue>>;

const QUOTE: Record<string, VariableSpec> = {
  text: { kind: 'line', about: 'the words quoted' },
  speaker: { kind: 'line', about: 'who said them, when known' },
  role: { kind: 'line', about: "the speaker's role (host, guest…)" },
  time: {
    kind: 'line',
    about: 'the playback time, when known: h:mm:ss in an episode an hour or longer, else m:ss',
  },
  timeLink: { kind: 'url', about: 'a link that plays from that moment' },
  note: { kind: 'block', about: 'your note on the quote' },
  section: { kind: 'line', about: 'the heading of its section' },
};

export const TEMPLATE_VARIABLES: Readonly<Record<string, VariableSpec>> = Object.freeze({
  title: { kind: 'line', about: 'the episode title' },
  show: { kind: 'line', about: 'the show (podcast) name' },
  url: { kind: 'url', about: 'the episode page' },
  date: { kind: 'line', about: 'the date it was published (YYYY-MM-DD), when known' },
  duration: { kind: 'line', about: 'its length, when known: h:mm:ss from an hour, else m:ss' },
  platform: { kind: 'line', about: 'where you listened (spotify, apple, youtube…)' },
  summary: { kind: 'block', about: 'your summary' },
  twoCents: { kind: 'block', about: 'My 2 cents' },
  participants: {
    kind: 'list',
    about: 'who took part (in front matter: the names)',
    item: {
      name: { kind: 'line', about: 'their name' },
      role: { kind: 'line', about: 'host, co-host, guest, interviewer, narrator or other' },
    },
  },
  hasParticipants: { kind: 'flag', about: 'whether anyone is named' },
  sections: {
    kind: 'list',
    about: 'your sections',
    item: {
      heading: { kind: 'line', about: "the section's heading" },
      time: { kind: 'line', about: "where it starts, for a section made from the feed's chapters" },
      timeLink: { kind: 'url', about: 'a link that plays from there' },
      notes: { kind: 'block', about: "the section's notes" },
      quotes: { kind: 'list', about: 'the quotes you put in this section', item: QUOTE },
    },
  },
  quotes: { kind: 'list', about: 'every quote, in playback order', item: QUOTE },
  hasQuotes: { kind: 'flag', about: 'whether there are quotes' },
  references: {
    kind: 'list',
    about: 'your references',
    item: {
      title: { kind: 'line', about: 'its title (or its address)' },
      url: { kind: 'url', about: 'its address' },
    },
  },
  hasReferences: { kind: 'flag', about: 'whether there are references' },
  tags: {
    kind: 'list',
    about: 'your tags (in front matter: the tags, spaces as dashes)',
    item: { tag: { kind: 'line', about: 'the tag' } },
  },
  savedAt: { kind: 'line', about: 'when you first saved it (YYYY-MM-DD)' },
  editedAt: { kind: 'line', about: 'when you last edited it (YYYY-MM-DD)' },
  earmarkId: { kind: 'line', about: "Earmark's id for the episode: the same on every export" },
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
 * Refuses a template naming a variable that does not exist where it is used, with the place
 * and the names that do.
 */
export function checkNames(
  nodes: readonly TemplateNode[],
  /** Lines before this one are front matter, where a list is written as a YAML list. */
  bodyFromLine = 0,
  scopes: readonly Readonly<Record<string, VariableSpec>>[] = [TEMPLATE_VARIABLES],
): void {
  for (const node of nodes) {
    if (node.type === 'text') continue;
    const spec = lookUpSpec(scopes, node.name);
    if (spec === undefined) {
      const known = Object.keys(scopes[scopes.length - 1]!).join(', ');
      throw new TemplateError(
        `Unknown variable "${node.name}". Here you can use: ${known}.`,
        node.place,
      );
    }
    const inFrontMatter = node.place.line < bodyFromLine;
    if (node.type === 'value' && !inFrontMatter && (spec.kind === 'list' || spec.kind === 'flag')) {
      throw new TemplateError(
        spec.kind === 'list'
          ? `"${node.name}" is a list: write {{#${node.name}}}…{{/${node.name}}} around what to repeat.`
          : `"${node.name}" is yes or no: write {{#${node.name}}}…{{/${node.name}}} around what it shows.`,
        node.place,
      );
    }
    if (node.type === 'section') {
      if (inFrontMatter) {
        throw new TemplateError('Front matter takes {{variables}}, not sections.', node.place);
      }
      checkNames(
        node.children,
        bodyFromLine,
        spec.item && !node.inverted ? [...scopes, spec.item] : scopes,
      );
    }
  }
}

function lookUpSpec(
  scopes: readonly Readonly<Record<string, VariableSpec>>[],
  name: string,
): VariableSpec | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const spec = scopes[i]![name];
    if (spec !== undefined && Object.hasOwn(scopes[i]!, name)) return spec;
  }
  return undefined;
}

const line = (text: string): TemplateValue => ({ kind: 'line', text });
const urlValue = (url: string): TemplateValue => ({
  kind: 'url',
  href: webHref(url),
  text: normaliseLine(url),
});
const list = (items: TemplateScope[], names: string[]): TemplateValue => ({
  kind: 'list',
  items,
  names,
});
/** The date part of a date-time: its first ten characters, by code point (a pair is never cut). */
const day = (iso: string | null): string =>
  iso ? Array.from(normaliseLine(iso)).slice(0, 10).join('') : '';

/** The values of one episode and its quotes (quotes of other episodes are left out). */
export function episodeScope(episode: Episode, allQuotes: readonly Quote[]): TemplateScope {
  const quotes = quotesInTimeOrder(allQuotes.filter((q) => q.episodeId === episode.id));
  const people = new Map(episode.participants.map((p) => [p.id, p]));
  const sectionHeading = new Map(
    episode.sections.map((s) => [
      s.id,
      normaliseLine(s.heading) || OVERVIEW_LABELS.untitledSection,
    ]),
  );
  // One time format per episode, as in the popup and the page's confirmation (issue 19).
  const hours = clockHasHours(episode.durationSec, [
    ...quotes.map((q) => q.timeSec),
    ...episode.sections.map((s) => s.startSec ?? null),
  ]);
  const linkAt = momentLinks(episode);
  /** A moment's clock and the link that plays from it; both empty when it is not known. */
  const moment = (time: number | null | undefined): TemplateScope => {
    const timed = typeof time === 'number' && Number.isFinite(time) && time >= 0;
    const link = timed ? linkAt(time) : null;
    return {
      time: line(timed ? formatEpisodeClock(time, hours) : ''),
      timeLink: { kind: 'url', href: link?.href ?? null, text: normaliseLine(link?.link ?? '') },
    };
  };
  const quoteScope = (quote: Quote): TemplateScope => {
    const speaker = quote.speakerId === null ? undefined : people.get(quote.speakerId);
    return {
      text: line(normaliseLine(quote.text)),
      speaker: line(
        speaker ? normaliseLine(speaker.name) || OVERVIEW_LABELS.unnamedParticipant : '',
      ),
      role: line(speaker ? (ROLE_LABELS[speaker.role] ?? '') : ''),
      ...moment(quote.timeSec),
      note: { kind: 'block', text: cleanText(quote.note) },
      section: line(quote.sectionId === null ? '' : (sectionHeading.get(quote.sectionId) ?? '')),
    };
  };
  const participants = episode.participants.map((p) => ({
    name: line(normaliseLine(p.name) || OVERVIEW_LABELS.unnamedParticipant),
    role: line(ROLE_LABELS[p.role] ?? ''),
  }));
  const references = episode.references.flatMap((r) => {
    const title = normaliseLine(r.title) || normaliseLine(r.url);
    return title === '' ? [] : [{ title: line(title), url: urlValue(r.url) }];
  });
  const tags = episode.tags.map(normaliseLine).filter((t) => t !== '');
  const allScopes = quotes.map(quoteScope);
  const byQuote = new Map(quotes.map((q, i) => [q, allScopes[i]!]));
  return {
    title: line(normaliseLine(episode.title) || OVERVIEW_LABELS.untitledEpisode),
    show: line(normaliseLine(episode.show)),
    url: urlValue(episode.url),
    date: line(day(episode.publishedAt)),
    duration: line(
      episode.durationSec !== null &&
        Number.isFinite(episode.durationSec) &&
        episode.durationSec > 0
        ? formatEpisodeClock(episode.durationSec, hours)
        : '',
    ),
    platform: line(episode.platform),
    summary: { kind: 'block', text: cleanText(episode.summary) },
    twoCents: { kind: 'block', text: cleanText(episode.twoCents) },
    participants: list(
      participants,
      participants.map((p) => (p.name as { text: string }).text),
    ),
    hasParticipants: { kind: 'flag', on: participants.length > 0 },
    sections: list(
      episode.sections.map((s) => ({
        heading: line(sectionHeading.get(s.id)!),
        ...moment(s.startSec),
        notes: { kind: 'block', text: cleanText(s.notes) },
        quotes: list(
          quotes.filter((q) => q.sectionId === s.id).map((q) => byQuote.get(q)!),
          [],
        ),
      })),
      episode.sections.map((s) => sectionHeading.get(s.id)!),
    ),
    quotes: list(
      allScopes,
      quotes.map((q) => normaliseLine(q.text)),
    ),
    hasQuotes: { kind: 'flag', on: quotes.length > 0 },
    references: list(
      references,
      references.map((r) => (r.title as { text: string }).text),
    ),
    hasReferences: { kind: 'flag', on: references.length > 0 },
    // A tag in front matter can't hold a space (Obsidian, Logseq): the names use dashes.
    tags: list(
      tags.map((tag) => ({ tag: line(tag) })),
      tags.map((tag) => tag.replace(/\s+/g, '-')),
    ),
    savedAt: line(day(episode.createdAt)),
    editedAt: line(day(episode.updatedAt)),
    earmarkId: line(cleanText(episode.id)),
  };
}

/** The value of `name` seen from the innermost scope out, as Mustache looks names up. */
export function lookUpValue(scopes: readonly TemplateScope[], name: string): TemplateValue {
  for (let i = scopes.length - 1; i >= 0; i--) {
    if (Object.hasOwn(scopes[i]!, name)) return scopes[i]![name]!;
  }
  // checkNames ran first: a name it let through is in some scope.
  throw new TemplateError(`Unknown variable "${name}".`, null);
}

/** Whether a section on this value shows its inside (and how often: `repeat`). */
export function isPresent(value: TemplateValue): boolean {
  switch (value.kind) {
    case 'list':
      return value.items.length > 0;
    case 'flag':
      return value.on;
    case 'url':
      return value.text !== '';
    default:
      return value.text.trim() !== '';
  }
}
