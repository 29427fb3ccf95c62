import type { Platform, Role } from './model';

export type PageKind = 'episode' | 'show' | 'media' | 'none';

/** What a page says about its episode. Only `title`, `show` and `url` are always present. */
export interface DetectedEpisode {
  title: string;
  show: string;
  /** The page URL to link back to (the platform URL, even when a canonical link differs). */
  url: string;
  canonicalUrl?: string;
  /** ISO 8601. */
  publishedAt?: string;
  durationSec?: number;
  imageUrl?: string;
  feedUrl?: string;
  /** Only when it is the real episode audio, not a preview clip. */
  audioUrl?: string;
  participants?: { name: string; role?: Role }[];
}

export interface Detection {
  kind: PageKind;
  platform: Platform | null;
  /** 0…1: how sure the detector is that `kind` is right. */
  score: number;
  /** Short, human-readable reasons ("json-ld PodcastEpisode", "audio element"). */
  evidence: string[];
  episode?: DetectedEpisode;
}

const NONE: Detection = { kind: 'none', platform: null, score: 0, evidence: [] };

/** JSON-LD blocks larger than this are ignored: detection must stay cheap on every page. */
const MAX_JSON_LD_CHARS = 200_000;

/**
 * Decides whether a page is a podcast episode, and what it says about it. Pure over the
 * document and its URL; never throws (the worst answer is 'none').
 */
export function detectPodcastPage(doc: Document, url: string): Detection {
  try {
    return detectFromJsonLd(doc, url) ?? detectFromMedia(doc, url) ?? NONE;
  } catch {
    return NONE;
  }
}

type JsonObject = Record<string, unknown>;

function detectFromJsonLd(doc: Document, url: string): Detection | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const episode = flattenJsonLd(parsed).find((node) => hasType(node, 'PodcastEpisode'));
    if (!episode) continue;
    const series = asObject(episode.partOfSeries);
    return {
      kind: 'episode',
      platform: 'generic',
      score: 0.9,
      evidence: ['json-ld PodcastEpisode'],
      episode: {
        title: asText(episode.name) || metaContent(doc, 'og:title') || doc.title,
        show: asText(series?.name) || metaContent(doc, 'og:site_name'),
        url,
        ...(asText(episode.url) ? { canonicalUrl: asText(episode.url) } : {}),
        ...(asText(episode.datePublished) ? { publishedAt: asText(episode.datePublished) } : {}),
      },
    };
  }
  return null;
}

function detectFromMedia(doc: Document, url: string): Detection | null {
  const media = doc.querySelector('audio, video');
  if (!media) return null;
  const podcastWords = /\b(podcast|episode)\b/i.test(
    `${doc.title} ${metaContent(doc, 'og:type')} ${metaContent(doc, 'og:title')}`,
  );
  const feed = doc.querySelector('link[rel="alternate"][type="application/rss+xml"]');
  if (!podcastWords && !feed) {
    return { kind: 'media', platform: 'generic', score: 0.5, evidence: ['media element'] };
  }
  return {
    kind: 'episode',
    platform: 'generic',
    score: 0.6,
    evidence: ['media element', podcastWords ? 'podcast words' : 'rss feed link'],
    episode: {
      title: metaContent(doc, 'og:title') || doc.title,
      show: metaContent(doc, 'og:site_name'),
      url,
    },
  };
}

function flattenJsonLd(value: unknown, depth = 0, out: JsonObject[] = []): JsonObject[] {
  if (depth > 8 || out.length > 200) return out;
  if (Array.isArray(value)) {
    for (const item of value) flattenJsonLd(item, depth + 1, out);
  } else if (value && typeof value === 'object') {
    const node = value as JsonObject;
    out.push(node);
    if (node['@graph']) flattenJsonLd(node['@graph'], depth + 1, out);
  }
  return out;
}

function hasType(node: JsonObject, type: string): boolean {
  const t = node['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

function asObject(value: unknown): JsonObject | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : null;
}

function asText(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function metaContent(doc: Document, property: string): string {
  const el = doc.querySelector(`meta[property="${property}"], meta[name="${property}"]`);
  return el?.getAttribute('content')?.trim() ?? '';
}
