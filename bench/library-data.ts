/**
 * A made-up but realistic library, the same on every run: episodes with participants,
 * sections, notes and references, and quotes with speakers, times, notes and anchors.
 * Pure: it runs in Node and, bundled, in the browser.
 */
import { episodeIdForUrl } from '../src/core/episode';
import type { Episode, LibraryData, Participant, Quote, Role, Section } from '../src/core/model';

/** A small fast PRNG (mulberry32): the same seed gives the same library. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the model pipeline data team feature store latency we really think about how people ' +
  'listen while they work and what it means to ship something small every week because ' +
  'nobody reads the docs until production breaks at three in the morning so you learn ' +
  'monitoring is a product too honestly I was surprised how much of this is culture not ' +
  'tooling our guest says maturity means boring deployments and clear ownership of ' +
  'metrics that matter to customers rather than dashboards nobody opens'
).split(' ');

const NAMES = ['Ada Park', 'Sam Rivera', 'Noor Haddad', 'Jonas Weber', 'Mei Lin', 'Tomás Ruiz'];
const ROLES: Role[] = ['host', 'guest', 'co-host', 'interviewer'];

function words(next: () => number, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const text = out.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + '.';
}

function iso(base: number, offsetSec: number): string {
  return new Date(base + offsetSec * 1000).toISOString();
}

const BASE_TIME = Date.UTC(2026, 0, 1);

function makeEpisode(next: () => number, index: number, url: string): Episode {
  const participants: Participant[] = Array.from({ length: 2 + (index % 3) }, (_, p) => ({
    id: `p-${index}-${p}`,
    name: NAMES[(index + p) % NAMES.length]!,
    role: ROLES[p % ROLES.length]!,
  }));
  const sections: Section[] = Array.from({ length: 3 }, (_, s) => ({
    id: `s-${index}-${s}`,
    heading: words(next, 3),
    notes: words(next, 40),
  }));
  const title = `Episode ${index + 1}: ${words(next, 5)}`;
  return {
    id: episodeIdForUrl(url),
    url,
    platform: 'generic',
    title,
    show: `Show ${(index % 40) + 1}`,
    publishedAt: iso(BASE_TIME, -index * 86_400).slice(0, 10),
    durationSec: 1800 + Math.floor(next() * 7200),
    feedUrl: `https://shows.example/${index % 40}/feed.xml`,
    imageUrl: null,
    participants,
    sections,
    summary: words(next, 60),
    twoCents: words(next, 50),
    references: [
      { title, url },
      { title: 'A paper they mentioned', url: `https://papers.example/${index}` },
    ],
    tags: ['mlops', `show-${index % 40}`],
    createdAt: iso(BASE_TIME, index * 60),
    updatedAt: iso(BASE_TIME, index * 60 + 30),
  };
}

function makeQuote(next: () => number, episode: Episode, order: number): Quote {
  const text = words(next, 8 + Math.floor(next() * 40));
  const timeSec = Math.round(next() * (episode.durationSec ?? 3600) * 10) / 10;
  const start = Math.floor(next() * 100_000);
  const speaker = episode.participants[order % episode.participants.length]!;
  const section = episode.sections[order % episode.sections.length]!;
  return {
    id: `${episode.id}-q${order}`,
    episodeId: episode.id,
    text,
    speakerId: speaker.id,
    sectionId: order % 4 === 0 ? null : section.id,
    timeSec,
    note: order % 3 === 0 ? words(next, 12) : '',
    anchor: {
      quote: {
        type: 'TextQuoteSelector',
        exact: text,
        prefix: words(next, 6).slice(0, 32),
        suffix: words(next, 6).slice(0, 32),
      },
      position: { type: 'TextPositionSelector', start, end: start + text.length },
      timeSec,
    },
    order,
    createdAt: iso(BASE_TIME, order * 5),
    updatedAt: iso(BASE_TIME, order * 5 + 1),
  };
}

/** `episodeCount` episodes with `quotesPerEpisode` quotes each. */
export function makeLibrary(episodeCount: number, quotesPerEpisode: number): LibraryData {
  const next = random(20261126);
  const episodes: Episode[] = [];
  const quotes: Quote[] = [];
  for (let e = 0; e < episodeCount; e++) {
    const episode = makeEpisode(next, e, `https://shows.example/${e % 40}/episodes/${e}`);
    episodes.push(episode);
    for (let q = 0; q < quotesPerEpisode; q++) quotes.push(makeQuote(next, episode, q));
  }
  return { episodes, quotes };
}

/** One episode at `url` (the page the popup is opened for) with `quoteCount` quotes. */
export function makeEpisodeAt(url: string, quoteCount: number): LibraryData {
  const next = random(1000 + quoteCount);
  const episode = makeEpisode(next, 0, url);
  const quotes = Array.from({ length: quoteCount }, (_, q) => makeQuote(next, episode, q));
  return { episodes: [episode], quotes };
}
