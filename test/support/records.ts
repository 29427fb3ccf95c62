import type { Episode, Quote } from '../../src/core/model';

/** The time test records carry unless a test says otherwise. */
export const RECORD_TIME = '2026-01-01T00:00:00.000Z';

/** An episode with every field filled in blandly; tests state only what they care about. */
export function makeEpisode(id: string, fields: Partial<Episode> = {}): Episode {
  return {
    id,
    url: `https://podcasts.example/${id}`,
    platform: 'generic',
    title: id,
    show: '',
    publishedAt: null,
    durationSec: null,
    feedUrl: null,
    imageUrl: null,
    participants: [],
    sections: [],
    summary: '',
    twoCents: '',
    references: [],
    tags: [],
    createdAt: RECORD_TIME,
    updatedAt: RECORD_TIME,
    ...fields,
  };
}

/** A quote of `episodeId`, untimed and unattributed unless the test says otherwise. */
export function makeQuote(id: string, episodeId: string, fields: Partial<Quote> = {}): Quote {
  return {
    id,
    episodeId,
    text: `Words of ${id}`,
    speakerId: null,
    sectionId: null,
    timeSec: null,
    note: '',
    anchor: null,
    order: 0,
    createdAt: RECORD_TIME,
    updatedAt: RECORD_TIME,
    ...fields,
  };
}
