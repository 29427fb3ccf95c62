/** What Earmark reads from a podcast's RSS feed (Podcasting 2.0 namespace included). */

/** A `podcast:transcript` tag: where the words are and in what format the feed says. */
export interface TranscriptLink {
  url: string;
  /** The MIME type as the feed wrote it, lower-cased (`application/srt`, `text/vtt`). */
  type: string;
  /** BCP 47 tag, lower-cased; '' when the feed gives none. */
  language: string;
  /** `captions` marks timed captions; '' otherwise. */
  rel: string;
}

export interface ChaptersLink {
  url: string;
  type: string;
}

/** A `podcast:person`, with role and group as the namespace's taxonomy reads them. */
export interface FeedPerson {
  name: string;
  /** Lower-case taxonomy role; "host" when the feed gives none. */
  role: string;
  /** Lower-case taxonomy group; "cast" when the feed gives none. */
  group: string;
  href: string | null;
  img: string | null;
}

export interface FeedItem {
  /** The item's position in the feed (0 is the first item). */
  index: number;
  guid: string;
  title: string;
  link: string | null;
  enclosureUrl: string | null;
  /** ISO 8601 date-time from `pubDate`, or null when missing or unreadable. */
  publishedAt: string | null;
  transcripts: TranscriptLink[];
  chapters: ChaptersLink | null;
  /** The item's people; when it names none, the channel's. */
  people: FeedPerson[];
}

export interface Feed {
  title: string;
  link: string | null;
  language: string;
  people: FeedPerson[];
  items: FeedItem[];
}
