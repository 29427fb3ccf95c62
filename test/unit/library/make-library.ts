/**
 * A deterministic library of any size, for search timing, the library views and the browser
 * test's import: the same seed always gives the same episodes and quotes.
 */
import type { Episode, LibraryData, Participant, Quote, Role } from '../../../src/core/model';
import { makeEpisode, makeQuote } from '../../support/records';

const WORDS = (
  'listen note margin pen episode podcast guest host question answer idea habit moment ' +
  'story data model pipeline career interview research garden city music history science ' +
  'memory attention focus silence rhythm voice transcript chapter summary method practice ' +
  'café naïve résumé über straße Zürich São Paulo'
).split(' ');
const SHOWS = [
  'The Margin Notes Podcast',
  'Data Talks',
  'Slow Science',
  'City Gardens',
  'Über Alles',
];
const NAMES = ['Ada Park', 'Sam Rivera', 'Noor Haddad', 'Jonas Weiß', 'Mei Chen', 'Léa Martin'];
const TAGS = ['careers', 'data science', 'history', 'music', 'to-read'];
const ROLES: Role[] = ['host', 'guest', 'co-host', 'interviewer'];

/** mulberry32: a tiny seeded generator, so fixtures don't change between runs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LibrarySize {
  episodes: number;
  quotes: number;
  seed?: number;
}

/** `episodes` episodes and `quotes` quotes spread over them, with notes, speakers and tags. */
export function makeLibrary({
  episodes: episodeCount,
  quotes: quoteCount,
  seed = 7,
}: LibrarySize): LibraryData {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const iso = (day: number, second = 0) =>
    new Date(Date.UTC(2026, 0, 1) + day * 86_400_000 + second * 1000).toISOString();

  const episodes: Episode[] = [];
  for (let i = 0; i < episodeCount; i++) {
    const participants: Participant[] = [0, 1].map((k) => ({
      id: `p-${i}-${k}`,
      name: NAMES[(i + k * 2) % NAMES.length]!,
      role: ROLES[(i + k) % ROLES.length]!,
    }));
    // Fields in this order: each takes its words from the seeded generator in turn.
    episodes.push(
      makeEpisode(`ep-${i}`, {
        url: `https://podcasts.example/show-${i % SHOWS.length}/episode-${i}`,
        title: `Episode ${i}: ${words(4)}`,
        show: SHOWS[i % SHOWS.length]!,
        publishedAt: iso(i * 3).slice(0, 10),
        durationSec: 1800 + i,
        participants,
        sections: [{ id: `s-${i}`, heading: `Part one: ${words(2)}`, notes: words(30) }],
        summary: words(25),
        twoCents: words(20),
        tags: [TAGS[i % TAGS.length]!],
        createdAt: iso(i),
        updatedAt: iso(i, 60),
      }),
    );
  }
  const quotes: Quote[] = [];
  for (let j = 0; j < quoteCount; j++) {
    const episode = episodes[j % episodeCount]!;
    quotes.push(
      makeQuote(`q-${String(j).padStart(6, '0')}`, episode.id, {
        text: words(12 + Math.floor(rand() * 30)),
        speakerId: rand() < 0.8 ? pick(episode.participants).id : null,
        sectionId: rand() < 0.3 ? episode.sections[0]!.id : null,
        timeSec: rand() < 0.9 ? Math.floor(rand() * 3600) : null,
        note: rand() < 0.4 ? words(8) : '',
        order: Math.floor(j / episodeCount),
        createdAt: episode.createdAt,
        updatedAt: iso(j % 400, j),
      }),
    );
  }
  return { episodes, quotes };
}
