/**
 * What Earmark fetched for one episode from its show's feed, kept so a revisit works offline:
 * each part with the address it came from and when. Re-fetchable, so not part of a backup.
 */
import type { Cue, TranscriptFormat } from '../transcripts/types';
import type { Chapter } from './chapters';
import type { MatchedBy } from './match-episode';
import type { FeedPerson } from './types';

export interface EpisodeWords {
  episodeId: string;
  feed: {
    url: string;
    fetchedAt: string;
    /** The feed item taken for this episode, and why (or `picked` by the person). */
    item: { index: number; guid: string; title: string; publishedAt: string | null };
    matchedBy: MatchedBy | 'picked';
  };
  transcript: {
    url: string;
    fetchedAt: string;
    format: TranscriptFormat;
    language: string;
    cues: Cue[];
  } | null;
  chapters: { url: string; fetchedAt: string; chapters: Chapter[] } | null;
  people: FeedPerson[];
}
