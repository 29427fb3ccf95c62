import type { Episode, Platform, RecordKind } from './model';
import type { Detection } from './detect';

/** Query parameters that say where a click came from, not which episode it is. */
const TRACKING_PARAMS = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|si|ref|ref_src|feature|context)$/i;
/** Parameters that are only a position inside the episode. */
const TIME_PARAMS = /^(t|time_continue|start)$/i;

/**
 * The longest address an episode is known by. Pages can have addresses of megabytes (state
 * kept in the query); an episode's identity, its stored link and every message about it stay
 * this size. Longer ones lose their query, then the end of their path.
 */
export const MAX_EPISODE_URL = 2_048;

/**
 * The URL that names the episode itself: no fragment, no tracking or time parameters, a
 * lower-case host and no trailing slash, at most MAX_EPISODE_URL long. Two visits to the same
 * episode give the same string.
 */
export function canonicalEpisodeUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.trim().slice(0, MAX_EPISODE_URL);
  }
  parsed.hash = '';
  for (const key of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key) || TIME_PARAMS.test(key)) parsed.searchParams.delete(key);
  }
  parsed.searchParams.sort();
  parsed.hostname = parsed.hostname.toLowerCase();
  if (parsed.href.length > MAX_EPISODE_URL) parsed.search = '';
  if (parsed.href.length > MAX_EPISODE_URL) {
    const room = MAX_EPISODE_URL - parsed.origin.length;
    // Cut where a percent-escape can't be split; the result parses to itself.
    parsed.pathname = parsed.pathname.slice(0, room).replace(/%[0-9a-f]?$/i, '');
  }
  let text = parsed.toString();
  if (parsed.search === '' && text.endsWith('/') && parsed.pathname !== '/')
    text = text.slice(0, -1);
  return text;
}

/**
 * A stable episode id derived from the canonical URL (53-bit cyrb53 hash, base 36): short
 * enough for a URL parameter, and the same on every visit and every machine.
 */
export function episodeIdForUrl(url: string): string {
  const text = canonicalEpisodeUrl(url);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `ep-${hash.toString(36)}`;
}

/** What detection knows about an episode, used to create the record on first capture. */
export interface EpisodeSeed {
  url: string;
  /** 'page' when detection found no episode there; absent means an episode. */
  kind?: RecordKind;
  platform: Platform;
  title: string;
  show: string;
  publishedAt?: string | null;
  durationSec?: number | null;
  feedUrl?: string | null;
  imageUrl?: string | null;
  participants?: { name: string; role?: Episode['participants'][number]['role'] }[];
}

/**
 * A new episode record from what the page said. It starts with no references: the overview
 * links the episode page in its intro line, and a reference to it would link it twice.
 */
export function newEpisode(seed: EpisodeSeed, now: string, makeId: () => string): Episode {
  const url = seed.url;
  const title = seed.title.trim() || 'Untitled episode';
  return {
    id: episodeIdForUrl(url),
    ...(seed.kind === 'page' ? { kind: 'page' as const } : {}),
    url,
    platform: seed.platform,
    title,
    show: seed.show.trim(),
    publishedAt: seed.publishedAt ?? null,
    durationSec: seed.durationSec ?? null,
    feedUrl: seed.feedUrl ?? null,
    imageUrl: seed.imageUrl ?? null,
    participants: (seed.participants ?? []).map((p) => ({
      id: makeId(),
      name: p.name,
      role: p.role ?? 'guest',
    })),
    sections: [],
    summary: '',
    twoCents: '',
    references: [],
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Whether a record is an episode or a page saved quotes from; older records are episodes. */
export function recordKind(episode: Pick<Episode, 'kind'>): RecordKind {
  return episode.kind ?? 'episode';
}

/**
 * The record kind for what detection says a page is: a podcast (an episode or a show's page)
 * is an episode; anything else (media, or nothing Earmark recognises) is a page.
 */
export function recordKindOf(detection: Pick<Detection, 'kind'>): RecordKind {
  return detection.kind === 'episode' || detection.kind === 'show' ? 'episode' : 'page';
}

/** The episode a page is about, from detection, falling back to the page's own title. */
export function seedFromDetection(
  url: string,
  pageTitle: string,
  detection: Detection,
): EpisodeSeed {
  const found = detection.episode;
  return {
    // An over-long address is kept in its bounded form: the same episode, a storable link.
    url: url.length > MAX_EPISODE_URL ? canonicalEpisodeUrl(url) : url,
    kind: recordKindOf(detection),
    platform: detection.platform ?? 'generic',
    title: found?.title || pageTitle,
    show: found?.show ?? '',
    publishedAt: found?.publishedAt ?? null,
    durationSec: found?.durationSec ?? null,
    feedUrl: found?.feedUrl ?? null,
    imageUrl: found?.imageUrl ?? null,
    participants: found?.participants ?? [],
  };
}
