/**
 * The domain types. Field names are a contract (DESIGN.md "The core's public functions"):
 * the store, the backup format, tests and tools rely on them. Add fields; never rename.
 *
 * Absent values are `null`, not `undefined`, so that a record survives JSON (backups) and
 * IndexedDB's structured clone unchanged.
 */

/** Where an episode page lives. `generic` is any other site recognised by its markup. */
export const PLATFORMS = [
  'spotify',
  'apple',
  'youtube',
  'youtube-music',
  'soundcloud',
  'overcast',
  'pocketcasts',
  'podbean',
  'buzzsprout',
  'simplecast',
  'transistor',
  'libsyn',
  'captivate',
  'acast',
  'castbox',
  'podchaser',
  'listennotes',
  'substack',
  'generic',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const ROLES = ['host', 'co-host', 'guest', 'interviewer', 'narrator', 'other'] as const;
export type Role = (typeof ROLES)[number];

export interface Participant {
  id: string;
  name: string;
  role: Role;
}

export interface Section {
  id: string;
  heading: string;
  notes: string;
  /** Where it starts in the episode, in seconds: known for a section made from a chapter. */
  startSec?: number;
}

export interface Reference {
  title: string;
  url: string;
}

/**
 * What a record is about: a podcast episode, or a page a person saved quotes from that is not
 * one (a news article, a music video). Issue 20: a page must not become an "episode".
 */
export const RECORD_KINDS = ['episode', 'page'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface Episode {
  /** Derived from the canonical episode URL: see `episodeIdForUrl`. */
  id: string;
  /**
   * Absent on records written before issue 20, which were all taken for episodes: read it
   * with `recordKind`. The one optional field, so that older records and backups stay valid.
   */
  kind?: RecordKind;
  /** The page the person listened on; deep links are built from it. */
  url: string;
  platform: Platform;
  title: string;
  show: string;
  /** ISO 8601 date or date-time. */
  publishedAt: string | null;
  durationSec: number | null;
  feedUrl: string | null;
  imageUrl: string | null;
  participants: Participant[];
  sections: Section[];
  /** The intro paragraph(s) of the overview. */
  summary: string;
  /** "My 2 cents": the person's own view. */
  twoCents: string;
  references: Reference[];
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** W3C Web Annotation TextQuoteSelector: the words plus a little context either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector over the page's text content: only a hint. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** How to find a quote again on its page. */
export interface QuoteAnchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  /**
   * The media time at capture, written by versions before issue 15 and never read (the
   * quote's own `timeSec` is the time). No longer written; kept when an old record or backup
   * has it, so nothing a backup held is dropped.
   */
  timeSec?: number | null;
}

export interface Quote {
  id: string;
  episodeId: string;
  text: string;
  /** A `Participant.id` of the episode, or null when nobody is attributed. */
  speakerId: string | null;
  /** A `Section.id` of the episode, or null. */
  sectionId: string | null;
  /** Playback time in seconds, or null when the page's player time could not be known. */
  timeSec: number | null;
  note: string;
  anchor: QuoteAnchor | null;
  /** Capture order within the episode (0, 1, 2…); ties in `timeSec` fall back to it. */
  order: number;
  createdAt: string;
  updatedAt: string;
}

/** Everything Earmark stores: what a backup holds. */
export interface LibraryData {
  episodes: Episode[];
  quotes: Quote[];
}

/**
 * The most one text field (a note, a summary, a quote's words) holds: a long essay is
 * ~100,000 characters. The editor refuses more with a message, and so does a restore.
 */
export const MAX_FIELD_CHARS = 200_000;
