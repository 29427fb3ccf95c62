/**
 * The JSON backup: the only thing that survives uninstalling the extension (the browser
 * deletes an extension's IndexedDB with it). Format documented in docs/backup-format.md.
 *
 * `parseBackup` validates the whole file before anything is written and reports every
 * problem with its place (`quotes[12].timeSec: expected a number ≥ 0`); it never throws, so a
 * hostile or broken file can only ever produce a list of errors. `mergeBackup` decides what
 * an import writes, as a plan the store applies in one transaction.
 *
 * Over 400 lines on purpose: the format's schema (with readable errors by path), its
 * compile-time equality with the model, the serialiser and the merge plan are one versioned
 * format; docs/backup-format.md describes all of it in one place too.
 */
import * as v from 'valibot';
import { MAX_FIELD_CHARS, PLATFORMS, RECORD_KINDS, ROLES } from './model';
import type { Episode, LibraryData, Quote } from './model';
import { isWebUrl } from './web-url';

export const BACKUP_FORMAT = 'earmark-backup';
/** The version this code writes, and the newest it reads. */
export const BACKUP_VERSION = 1;
/**
 * Largest file read, in UTF-16 code units (≈ bytes for JSON). 10,000 quotes take about 10 MB;
 * 200 MB leaves room for very large libraries while staying far below the ~512 M-character
 * string limit of V8 and the memory a tab can use to hold text, parse and validate at once.
 */
export const MAX_BACKUP_CHARS = 200 * 1024 * 1024;
/**
 * Deepest nesting of `[`/`{` accepted. Version 1 needs 5 (root → quotes → quote → anchor →
 * selector); the margin is for later versions. Checked by a scan before `JSON.parse`, so a
 * file of a million `[` is refused without recursion anywhere.
 */
export const MAX_NESTING_DEPTH = 32;
/** More problems than this are summed up in one last entry: a list no one can read helps no one. */
export const MAX_REPORTED_PROBLEMS = 1000;

export interface BackupProblem {
  /** Where: `quotes[12].timeSec`; the empty string for the file as a whole. */
  path: string;
  message: string;
}

export type ParseBackupResult =
  | { ok: true; data: LibraryData; version: number; exportedAt: string }
  | { ok: false; errors: BackupProblem[] };

export interface ParseBackupLimits {
  maxChars: number;
  maxDepth: number;
}

// ---------------------------------------------------------------------------------------
// Field rules. Messages say what was expected, in words a person can act on.

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;

function isDateTime(value: string): boolean {
  return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function isDateOrDateTime(value: string): boolean {
  return (ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))) || isDateTime(value);
}

// A record far bigger than MAX_FIELD_CHARS (a 50 MB note) would freeze every view that shows
// it: a restore refuses it, with its place, before anything is written (issue 18).
const TEXT = v.pipe(
  v.string('expected text'),
  v.maxLength(
    MAX_FIELD_CHARS,
    `longer than ${MAX_FIELD_CHARS.toLocaleString('en')} characters, the most Earmark keeps in one field`,
  ),
);
const ID = v.pipe(v.string('expected an id (text)'), v.minLength(1, 'expected a non-empty id'));
const DATE_TIME = v.pipe(
  v.string('expected an ISO 8601 date-time'),
  v.check(isDateTime, 'expected an ISO 8601 date-time such as 2024-05-01T12:00:00.000Z'),
);
const DATE_OR_DATE_TIME = v.pipe(
  v.string('expected an ISO 8601 date or date-time'),
  v.check(isDateOrDateTime, 'expected an ISO 8601 date or date-time such as 2024-05-01'),
);
const WEB_URL = v.pipe(
  v.string('expected an http(s) address'),
  v.check(isWebUrl, 'expected an http(s) address'),
);
const SECONDS = v.pipe(
  v.number('expected a number ≥ 0'),
  v.finite('expected a number ≥ 0'),
  v.minValue(0, 'expected a number ≥ 0'),
);
const COUNT = v.pipe(
  v.number('expected a whole number ≥ 0'),
  v.integer('expected a whole number ≥ 0'),
  v.minValue(0, 'expected a whole number ≥ 0'),
);
const ROLE = v.picklist(ROLES, `expected a role: ${ROLES.join(', ')}`);
const PLATFORM = v.picklist(PLATFORMS, `expected a platform: ${PLATFORMS.join(', ')}`);

const ParticipantSchema = v.object({ id: ID, name: TEXT, role: ROLE }, 'expected a participant');
const SectionSchema = v.object(
  { id: ID, heading: TEXT, notes: TEXT, startSec: v.optional(SECONDS) },
  'expected a section',
);
const ReferenceSchema = v.object({ title: TEXT, url: WEB_URL }, 'expected a reference');

const EpisodeSchema = v.object(
  {
    id: ID,
    kind: v.optional(v.picklist(RECORD_KINDS, `expected a kind: ${RECORD_KINDS.join(', ')}`)),
    url: WEB_URL,
    platform: PLATFORM,
    title: TEXT,
    show: TEXT,
    publishedAt: v.nullable(DATE_OR_DATE_TIME),
    durationSec: v.nullable(SECONDS),
    feedUrl: v.nullable(WEB_URL),
    imageUrl: v.nullable(WEB_URL),
    participants: v.array(ParticipantSchema, 'expected a list of participants'),
    sections: v.array(SectionSchema, 'expected a list of sections'),
    summary: TEXT,
    twoCents: TEXT,
    references: v.array(ReferenceSchema, 'expected a list of references'),
    tags: v.array(TEXT, 'expected a list of tags'),
    createdAt: DATE_TIME,
    updatedAt: DATE_TIME,
  },
  'expected an episode',
);

const AnchorSchema = v.object(
  {
    quote: v.object(
      {
        type: v.literal('TextQuoteSelector', 'expected "TextQuoteSelector"'),
        exact: TEXT,
        prefix: TEXT,
        suffix: TEXT,
      },
      'expected a TextQuoteSelector',
    ),
    position: v.nullable(
      v.pipe(
        v.object(
          {
            type: v.literal('TextPositionSelector', 'expected "TextPositionSelector"'),
            start: COUNT,
            end: COUNT,
          },
          'expected a TextPositionSelector or null',
        ),
        v.forward(
          v.check((p) => p.end >= p.start, 'expected end ≥ start'),
          ['end'],
        ),
      ),
    ),
    // Written by versions before issue 15; optional since (see QuoteAnchor).
    timeSec: v.optional(v.nullable(SECONDS)),
  },
  'expected an anchor or null',
);

const QuoteSchema = v.object(
  {
    id: ID,
    episodeId: ID,
    text: TEXT,
    speakerId: v.nullable(ID),
    sectionId: v.nullable(ID),
    timeSec: v.nullable(SECONDS),
    note: TEXT,
    anchor: v.nullable(AnchorSchema),
    order: COUNT,
    createdAt: DATE_TIME,
    updatedAt: DATE_TIME,
  },
  'expected a quote',
);

const BackupSchema = v.object(
  {
    format: v.literal(BACKUP_FORMAT, `expected "${BACKUP_FORMAT}"`),
    version: v.literal(BACKUP_VERSION, `expected ${BACKUP_VERSION}`),
    exportedAt: DATE_TIME,
    episodes: v.array(EpisodeSchema, 'expected a list of episodes'),
    quotes: v.array(QuoteSchema, 'expected a list of quotes'),
  },
  'expected an Earmark backup object',
);

// The schema is the model, checked by the compiler both ways: a field added to model.ts and
// forgotten here (or the reverse) fails type-checking instead of being dropped by an import.
// Strict equality: unlike mutual assignability, it also tells an optional field apart.
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const schemaMatchesModel: [
  Same<v.InferOutput<typeof EpisodeSchema>, Episode>,
  Same<v.InferOutput<typeof QuoteSchema>, Quote>,
] = [true, true];
void schemaMatchesModel;

// ---------------------------------------------------------------------------------------
// Serialising

function episodeRecord(e: Episode): Episode {
  // Fields listed one by one: a fixed key order, and nothing a caller attached on the side.
  return {
    id: e.id,
    // Absent stays absent: a record written before kinds round-trips unchanged.
    ...(e.kind ? { kind: e.kind } : {}),
    url: e.url,
    platform: e.platform,
    title: e.title,
    show: e.show,
    publishedAt: e.publishedAt,
    durationSec: e.durationSec,
    feedUrl: e.feedUrl,
    imageUrl: e.imageUrl,
    participants: e.participants.map((p) => ({ id: p.id, name: p.name, role: p.role })),
    sections: e.sections.map((s) => ({
      id: s.id,
      heading: s.heading,
      notes: s.notes,
      ...(s.startSec !== undefined ? { startSec: s.startSec } : {}),
    })),
    summary: e.summary,
    twoCents: e.twoCents,
    references: e.references.map((r) => ({ title: r.title, url: r.url })),
    tags: [...e.tags],
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

function quoteRecord(q: Quote): Quote {
  const a = q.anchor;
  return {
    id: q.id,
    episodeId: q.episodeId,
    text: q.text,
    speakerId: q.speakerId,
    sectionId: q.sectionId,
    timeSec: q.timeSec,
    note: q.note,
    anchor: a && {
      quote: {
        type: 'TextQuoteSelector',
        exact: a.quote.exact,
        prefix: a.quote.prefix,
        suffix: a.quote.suffix,
      },
      position: a.position && {
        type: 'TextPositionSelector',
        start: a.position.start,
        end: a.position.end,
      },
      ...(a.timeSec !== undefined && { timeSec: a.timeSec }),
    },
    order: q.order,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
  };
}

/** The library as a version-1 backup file. `now` is the export time (ISO 8601). */
export function serializeBackup(data: LibraryData, now: string = new Date().toISOString()): string {
  const file = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    episodes: data.episodes.map(episodeRecord),
    quotes: data.quotes.map(quoteRecord),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------
// Parsing

/**
 * One pass over the text, before `JSON.parse`: how deep brackets nest (outside strings), and
 * whether the text ends inside a string or an open bracket, which is what a cut-off download
 * looks like. Cost: linear, no allocation.
 */
function scanStructure(text: string, maxDepth: number): BackupProblem | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > maxDepth) {
        return {
          path: '',
          message: `nested more than ${maxDepth} levels deep: this is not an Earmark backup`,
        };
      }
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  if (inString || depth > 0) {
    return { path: '', message: 'the file ends too early: it looks cut off (truncated)' };
  }
  return null;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    if (typeof key === 'number') path += `[${key}]`;
    else path += path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

function messageOf(issue: v.BaseIssue<unknown>): string {
  // valibot reports a missing key as an issue of the enclosing object; say it plainly.
  if (issue.type === 'object' && issue.received === 'undefined' && issue.path?.length) {
    return 'missing';
  }
  return issue.message;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function idOf(value: unknown): string | null {
  return isRecord(value) && typeof value.id === 'string' ? value.id : null;
}

/** Reports a second use of an id within one list. */
function checkUnique(items: unknown[], path: string, problems: BackupProblem[]): void {
  const firstIndex = new Map<string, number>();
  items.forEach((item, index) => {
    const id = idOf(item);
    if (id === null) return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else
      problems.push({
        path: `${path}[${index}].id`,
        message: `duplicate id ${JSON.stringify(id)} (already used by ${path}[${first}])`,
      });
  });
}

/**
 * The rules that span records: unique ids, and quotes that point at an episode, speaker and
 * section that exist in this file. Runs on the raw value, so they are reported alongside the
 * field problems even when some records are malformed.
 */
function checkReferences(root: Record<string, unknown>, problems: BackupProblem[]): void {
  const episodes = asArray(root.episodes);
  const quotes = asArray(root.quotes);
  checkUnique(episodes, 'episodes', problems);
  checkUnique(quotes, 'quotes', problems);

  const members = new Map<string, { speakers: Set<string>; sections: Set<string> }>();
  episodes.forEach((episode, index) => {
    const id = idOf(episode);
    if (id === null || !isRecord(episode)) return;
    const participants = asArray(episode.participants);
    const sections = asArray(episode.sections);
    checkUnique(participants, `episodes[${index}].participants`, problems);
    checkUnique(sections, `episodes[${index}].sections`, problems);
    if (!members.has(id)) {
      members.set(id, {
        speakers: new Set(participants.map(idOf).filter((x): x is string => x !== null)),
        sections: new Set(sections.map(idOf).filter((x): x is string => x !== null)),
      });
    }
  });

  quotes.forEach((quote, index) => {
    if (!isRecord(quote) || typeof quote.episodeId !== 'string') return;
    const episode = members.get(quote.episodeId);
    if (!episode) {
      problems.push({
        path: `quotes[${index}].episodeId`,
        message: `no episode with id ${JSON.stringify(quote.episodeId)} in this file`,
      });
      return;
    }
    if (typeof quote.speakerId === 'string' && !episode.speakers.has(quote.speakerId)) {
      problems.push({
        path: `quotes[${index}].speakerId`,
        message: `no participant with id ${JSON.stringify(quote.speakerId)} in episode ${JSON.stringify(quote.episodeId)}`,
      });
    }
    if (typeof quote.sectionId === 'string' && !episode.sections.has(quote.sectionId)) {
      problems.push({
        path: `quotes[${index}].sectionId`,
        message: `no section with id ${JSON.stringify(quote.sectionId)} in episode ${JSON.stringify(quote.episodeId)}`,
      });
    }
  });
}

/** `episodes[2].title` before `episodes[10]`, and `episodes` before `quotes`. */
function comparePaths(a: string, b: string): number {
  const parts = (p: string) => p.split(/[.[\]]+/).filter(Boolean);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i]!;
    const y = pb[i]!;
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isInteger(nx) && Number.isInteger(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

function refuse(...errors: BackupProblem[]): ParseBackupResult {
  return { ok: false, errors };
}

function capped(problems: BackupProblem[]): BackupProblem[] {
  const sorted = [...problems].sort((a, b) => comparePaths(a.path, b.path));
  if (sorted.length <= MAX_REPORTED_PROBLEMS) return sorted;
  const rest = sorted.length - MAX_REPORTED_PROBLEMS;
  return [
    ...sorted.slice(0, MAX_REPORTED_PROBLEMS),
    { path: '', message: `and ${rest} more problem${rest === 1 ? '' : 's'} not listed` },
  ];
}

/**
 * Reads a backup file. Every check runs before the result is returned, so `ok: true` means
 * the whole file is valid and can be written in one transaction. Never throws.
 */
export function parseBackup(
  text: string,
  limits: Partial<ParseBackupLimits> = {},
): ParseBackupResult {
  try {
    return parseBackupUnsafe(text, {
      maxChars: limits.maxChars ?? MAX_BACKUP_CHARS,
      maxDepth: limits.maxDepth ?? MAX_NESTING_DEPTH,
    });
  } catch (error) {
    // Nothing above is expected to throw; this keeps the promise if something still does.
    return refuse({ path: '', message: `could not read the file: ${String(error)}` });
  }
}

function parseBackupUnsafe(input: unknown, limits: ParseBackupLimits): ParseBackupResult {
  if (typeof input !== 'string')
    return refuse({ path: '', message: 'expected the text of a file' });
  if (input.length > limits.maxChars) {
    const mb = Math.round(limits.maxChars / (1024 * 1024));
    return refuse({ path: '', message: `the file is too large (the limit is ${mb} MB)` });
  }
  // A byte-order mark is what some Windows editors put at the start of a saved file.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') return refuse({ path: '', message: 'the file is empty' });

  const structure = scanStructure(text, limits.maxDepth);
  if (structure) return refuse(structure);

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return refuse({ path: '', message: `not valid JSON${detail}` });
  }

  if (!isRecord(raw) || raw.format !== BACKUP_FORMAT) {
    return refuse({
      path: 'format',
      message: `not an Earmark backup (expected "${BACKUP_FORMAT}")`,
    });
  }
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return refuse({ path: 'version', message: 'expected a whole number ≥ 1' });
  }
  if (version > BACKUP_VERSION) {
    return refuse({
      path: 'version',
      message: `written by a newer Earmark (format version ${version}); this one reads up to version ${BACKUP_VERSION}: update Earmark first`,
    });
  }
  // When version 2 exists, older files are upgraded to it here, before validation.

  const problems: BackupProblem[] = [];
  const parsed = v.safeParse(BackupSchema, raw);
  if (!parsed.success) {
    for (const issue of parsed.issues)
      problems.push({ path: pathOf(issue), message: messageOf(issue) });
  }
  checkReferences(raw, problems);
  if (!parsed.success || problems.length > 0) return refuse(...capped(problems));

  const { episodes, quotes, exportedAt } = parsed.output;
  return { ok: true, data: { episodes, quotes }, version, exportedAt };
}

// ---------------------------------------------------------------------------------------
// Merging into what is stored

/** What the store already holds, as much as merging needs to know. */
export interface StoredLibrary {
  /** Stored episodes by id (hundreds, so all of them). */
  episodes: ReadonlyMap<string, Episode>;
  /** Stored quotes by id: only the stamps and references, so tens of thousands stay cheap. */
  quotes: ReadonlyMap<string, Pick<Quote, 'episodeId' | 'updatedAt' | 'speakerId' | 'sectionId'>>;
}

export interface MergeCounts {
  /** New ids. */
  added: number;
  /** Ids already stored, replaced by the file's newer copy. */
  updated: number;
  /** Ids already stored whose stored copy is as new or newer: left as they are. */
  unchanged: number;
  /** Records of the file that cannot be written without damaging stored data. */
  rejected: number;
}

export interface MergePlan {
  /** Write these, and only these, in one transaction. */
  episodesToPut: Episode[];
  quotesToPut: Quote[];
  episodes: MergeCounts;
  quotes: MergeCounts;
  /** Why each rejected record was left out, by its place in the file. */
  rejected: BackupProblem[];
  /**
   * Quotes written with a speaker or section cleared, because neither copy of their episode
   * has it: the words are kept, the dangling reference is not.
   */
  adjusted: BackupProblem[];
  /**
   * What changed, in words: each episode replaced by the file's newer copy, and each speaker
   * or section that copy dropped but quotes still name, kept so they keep their speaker.
   */
  changes: string[];
}

/** The lookup `mergeBackup` needs, from a library held in memory. */
export function storedLibraryOf(data: LibraryData): StoredLibrary {
  return {
    episodes: new Map(data.episodes.map((e) => [e.id, e])),
    quotes: new Map(data.quotes.map((q) => [q.id, q])),
  };
}

function time(iso: string): number {
  const t = Date.parse(iso);
  // An unreadable stored time loses to any real one.
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
}

/**
 * Decides what importing `incoming` (a parsed backup) writes: for an id already stored, the
 * copy with the newer `updatedAt` wins (a tie keeps the stored one). Pure: the store applies
 * `episodesToPut` and `quotesToPut` in one transaction. Cost: linear in the file.
 */
export function mergeBackup(existing: StoredLibrary, incoming: LibraryData): MergePlan {
  const plan: MergePlan = {
    episodesToPut: [],
    quotesToPut: [],
    episodes: { added: 0, updated: 0, unchanged: 0, rejected: 0 },
    quotes: { added: 0, updated: 0, unchanged: 0, rejected: 0 },
    rejected: [],
    adjusted: [],
    changes: [],
  };

  /** Each episode as it will be once the plan is applied; `put` when the plan writes it. */
  const resulting = new Map<string, { episode: Episode; other: Episode | null; put: boolean }>();
  for (const episode of incoming.episodes) {
    const stored = existing.episodes.get(episode.id);
    if (!stored) {
      plan.episodes.added++;
      resulting.set(episode.id, { episode, other: null, put: true });
    } else if (time(episode.updatedAt) > time(stored.updatedAt)) {
      plan.episodes.updated++;
      plan.changes.push(`“${episode.title}”: replaced by the backup’s newer copy.`);
      resulting.set(episode.id, { episode, other: stored, put: true });
    } else {
      plan.episodes.unchanged++;
      resulting.set(episode.id, { episode: stored, other: episode, put: false });
    }
  }
  const episodeOf = (id: string) => {
    const known = resulting.get(id);
    if (known) return known;
    const stored = existing.episodes.get(id);
    if (!stored) return null;
    const entry = { episode: stored, other: null, put: false };
    resulting.set(id, entry);
    return entry;
  };
  /** Per episode and participant or section id: how many quotes kept it (for the words). */
  const kept = new Map<string, { episodeId: string; name: string; kind: string; quotes: number }>();

  /**
   * A quote's speaker (or section) the resulting episode lacks: taken back from the episode's
   * other copy, so the quote keeps it by name; only when neither copy has it is it cleared.
   */
  const keepReference = (
    episodeId: string,
    field: 'speakerId' | 'sectionId',
    id: string | null,
  ): boolean => {
    if (id === null) return true;
    const entry = episodeOf(episodeId);
    if (!entry) return true;
    const list = field === 'speakerId' ? 'participants' : 'sections';
    const has = (e: Episode) => (e[list] as { id: string }[]).some((item) => item.id === id);
    if (has(entry.episode)) {
      const note = kept.get(`${episodeId}/${id}`);
      if (note) note.quotes++;
      return true;
    }
    const found = entry.other && (entry.other[list] as { id: string }[]).find((i) => i.id === id);
    if (!found) return false;
    entry.episode = { ...entry.episode, [list]: [...entry.episode[list], found] };
    entry.put = true;
    const item = found as { name?: string; heading?: string };
    const name = item.name ?? item.heading ?? '';
    kept.set(`${episodeId}/${id}`, {
      episodeId,
      name,
      kind: field === 'speakerId' ? 'speaker' : 'section',
      quotes: 1,
    });
    return true;
  };

  const written = new Set<string>();
  incoming.quotes.forEach((quote, index) => {
    const stored = existing.quotes.get(quote.id);
    if (stored && stored.episodeId !== quote.episodeId) {
      plan.quotes.rejected++;
      plan.rejected.push({
        path: `quotes[${index}].id`,
        message: `id ${JSON.stringify(quote.id)} already belongs to a quote of another episode`,
      });
      return;
    }
    if (stored && time(quote.updatedAt) <= time(stored.updatedAt)) {
      plan.quotes.unchanged++;
      return;
    }
    written.add(quote.id);
    let toPut = quote;
    if (!keepReference(quote.episodeId, 'speakerId', quote.speakerId)) {
      toPut = { ...toPut, speakerId: null };
      plan.adjusted.push({
        path: `quotes[${index}].speakerId`,
        message: 'neither copy of its episode has this participant: kept without a speaker',
      });
    }
    if (!keepReference(quote.episodeId, 'sectionId', quote.sectionId)) {
      toPut = { ...toPut, sectionId: null };
      plan.adjusted.push({
        path: `quotes[${index}].sectionId`,
        message: 'neither copy of its episode has this section: kept without a section',
      });
    }
    if (stored) plan.quotes.updated++;
    else plan.quotes.added++;
    plan.quotesToPut.push(toPut);
  });

  // Stored quotes the file leaves as they are still point into episodes it replaces.
  for (const [id, quote] of existing.quotes) {
    if (written.has(id) || !resulting.get(quote.episodeId)?.put) continue;
    keepReference(quote.episodeId, 'speakerId', quote.speakerId);
    keepReference(quote.episodeId, 'sectionId', quote.sectionId);
  }

  for (const note of kept.values()) {
    const title = resulting.get(note.episodeId)!.episode.title;
    plan.changes.push(
      `“${title}”: the ${note.kind} “${note.name}” was not in the newer copy; kept, because ` +
        `${note.quotes} ${note.quotes === 1 ? 'quote names' : 'quotes name'} it.`,
    );
  }
  for (const entry of resulting.values()) if (entry.put) plan.episodesToPut.push(entry.episode);
  return plan;
}
