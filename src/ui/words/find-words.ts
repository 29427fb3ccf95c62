/**
 * "Find transcript": the feed fetched and read, the episode found in it, then its transcript
 * and chapters fetched and read (issue 13). Each step refuses bad input with a sentence that
 * says what and where; only a complete, checked result is returned for the store.
 */
import { parseChapters, type Chapter } from '../../core/feeds/chapters';
import type { EpisodeWords } from '../../core/feeds/episode-words';
import { matchEpisode, type EpisodeHints, type MatchedBy } from '../../core/feeds/match-episode';
import { readFeed } from '../../core/feeds/read-feed';
import type { Feed, FeedItem } from '../../core/feeds/types';
import { describeLocated } from '../../core/located';
import { formatOfLink, parseTranscript, rankTranscripts } from '../../core/transcripts';
import {
  CHAPTERS_LIMITS,
  FEED_LIMITS,
  TRANSCRIPT_LIMITS,
  type FetchedText,
  type FetchLimits,
} from '../../network/fetch-text';

export interface WordsDeps {
  fetchText(url: string, limits: FetchLimits): Promise<FetchedText>;
  now(): string;
}

export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: string };

export interface FeedFound {
  feedUrl: string;
  feed: Feed;
  fetchedAt: string;
  /** The item taken for the episode, or null when none matched (the person picks one). */
  match: { item: FeedItem; by: MatchedBy } | null;
}

export async function findInFeed(
  feedUrl: string,
  hints: EpisodeHints,
  deps: WordsDeps,
): Promise<Outcome<FeedFound>> {
  const fetched = await deps.fetchText(feedUrl, FEED_LIMITS);
  if (!fetched.ok) return fetched;
  if (/^text\/html\b/.test(fetched.contentType) && !/^\s*<\?xml|^\s*<rss/i.test(fetched.text)) {
    return { ok: false, error: `${feedUrl} is a web page, not a feed` };
  }
  const read = readFeed(fetched.text, fetched.url);
  if (!read.ok)
    return { ok: false, error: `The feed can’t be read: ${describeLocated(read.error)}` };
  if (read.value.items.length === 0) return { ok: false, error: 'The feed has no episodes' };
  return {
    ok: true,
    feedUrl,
    feed: read.value,
    fetchedAt: deps.now(),
    match: matchEpisode(read.value.items, hints),
  };
}

/** The transcript (best readable one) and chapters of the item; what failed is said, not kept. */
export async function fetchItemWords(
  episodeId: string,
  found: FeedFound,
  item: FeedItem,
  matchedBy: MatchedBy | 'picked',
  languages: readonly string[],
  deps: WordsDeps,
): Promise<{ words: EpisodeWords; problems: string[] }> {
  const problems: string[] = [];
  let transcript: EpisodeWords['transcript'] = null;
  const ranked = rankTranscripts(item.transcripts, [...languages, found.feed.language]);
  if (item.transcripts.length > 0 && ranked.length === 0) {
    problems.push('The feed’s transcripts are in formats Earmark does not read');
  }
  for (const link of ranked) {
    const fetched = await deps.fetchText(link.url, TRANSCRIPT_LIMITS);
    if (!fetched.ok) {
      problems.push(fetched.error);
      continue;
    }
    const format = link.format ?? formatOfLink({ type: fetched.contentType, url: fetched.url });
    const parsed = parseTranscript(fetched.text, format);
    if (!parsed.ok) {
      problems.push(`The transcript ${link.url} can’t be read: ${describeLocated(parsed.error)}`);
      continue;
    }
    transcript = {
      url: link.url,
      fetchedAt: deps.now(),
      format: parsed.value.format,
      language: link.language,
      cues: parsed.value.cues,
    };
    break;
  }
  let chapters: EpisodeWords['chapters'] = null;
  if (item.chapters) {
    const fetched = await deps.fetchText(item.chapters.url, CHAPTERS_LIMITS);
    const parsed: { ok: true; value: Chapter[] } | { ok: false; error: string } = fetched.ok
      ? (() => {
          const r = parseChapters(fetched.text);
          return r.ok
            ? r
            : {
                ok: false as const,
                error: `The chapters can’t be read: ${describeLocated(r.error)}`,
              };
        })()
      : fetched;
    if (parsed.ok)
      chapters = { url: item.chapters.url, fetchedAt: deps.now(), chapters: parsed.value };
    else problems.push(parsed.error);
  }
  return {
    words: {
      episodeId,
      feed: {
        url: found.feedUrl,
        fetchedAt: found.fetchedAt,
        item: {
          index: item.index,
          guid: item.guid,
          title: item.title,
          publishedAt: item.publishedAt,
        },
        matchedBy,
      },
      transcript,
      chapters,
      people: item.people,
    },
    problems,
  };
}

/** Every address a fetch for this item may go to: the permission prompt names their origins. */
export function itemUrls(item: FeedItem, languages: readonly string[]): string[] {
  const best = rankTranscripts(item.transcripts, languages).map((l) => l.url);
  return [...best, ...(item.chapters ? [item.chapters.url] : [])];
}
