import type { Platform } from './model';
import { readPage, type Page, type PageIndex } from './platforms/page';
import { GENERIC_LAYERS, PLATFORM_ADAPTERS } from './platforms/index';
import { clean } from './platforms/text';
import type { DetectedEpisode, Fields, Finding, Layer, PageKind } from './platforms/types';

// The page's kind and what it says about its episode are the platforms' vocabulary too.
export type { DetectedEpisode, PageKind } from './platforms/types';

export interface Detection {
  kind: PageKind;
  platform: Platform | null;
  /** 0…1: how sure the detector is that `kind` is right. */
  score: number;
  /** Short, human-readable reasons ("json-ld PodcastEpisode", "audio element"). */
  evidence: string[];
  episode?: DetectedEpisode;
}

/** What the page exposes outside its DOM, read by the content script and passed in. */
export interface DetectionContext {
  /** `navigator.mediaSession.metadata`, when the page set it. */
  mediaSession?: { title?: string; artist?: string; album?: string } | null;
}

const NONE: Detection = { kind: 'none', platform: null, score: 0, evidence: [] };

/** Combined evidence at or above this makes an episode (or show) page. */
const PODCAST_THRESHOLD = 0.5;
/** Combined evidence at or above this makes a page with playable media. */
const MEDIA_THRESHOLD = 0.4;
/** Longer than a week is not a duration but a hostile number. */
const MAX_DURATION_SEC = 7 * 24 * 3600;

/**
 * Decides whether a page is a podcast episode, and what it says about it. Layered as
 * DESIGN.md says: the platform by URL, structured metadata, media elements, words; each layer
 * a pure function over the document, their evidence combined per kind. Pure, bounded in work,
 * and never throws: the worst answer is 'none' or 'media'.
 */
export function detectPodcastPage(
  doc: Document,
  url: string,
  context: DetectionContext = {},
): Detection {
  try {
    return detect(doc, new URL(url), url, context);
  } catch {
    return NONE;
  }
}

function detect(doc: Document, url: URL, href: string, context: DetectionContext): Detection {
  const index: PageIndex = new Map();
  const neutral = readPage(doc, url, {}, index);
  const adapter = PLATFORM_ADAPTERS.find((a) => safely(() => a.matches(neutral), false)) ?? null;
  const stale = adapter?.spa === true && metadataIsStale(neutral, url);
  const page = adapter
    ? readPage(doc, url, { platform: adapter.platform, ignoreMetadata: stale }, index)
    : neutral;
  const layers: Layer[] = adapter ? [adapter.read, ...GENERIC_LAYERS] : [...GENERIC_LAYERS];
  // A layer that throws on a page nobody foresaw loses its say, not the whole detection.
  const findings = layers.flatMap((layer): readonly Finding[] => {
    const result = safely(() => layer(page), null);
    return result === null ? [] : 'kind' in result ? [result] : result;
  });
  const session = context.mediaSession;
  if (session && clean(session.title)) {
    findings.push({
      kind: 'media',
      weight: 0.5,
      evidence: 'media session',
      fields: { title: clean(session.title), show: clean(session.album || session.artist) },
    });
  }

  const episode = combined(findings, 'episode');
  const show = combined(findings, 'show');
  const media = combined(findings, 'media');
  let kind: PageKind = 'none';
  let score = 1 - Math.max(episode, show, media);
  let found: DetectedEpisode | undefined;
  if (Math.max(episode, show) >= PODCAST_THRESHOLD) {
    found = episodeOf(findings, href, doc);
    // An episode nobody can name is not one the extension can offer to annotate.
    if (found.title) {
      kind = episode >= show ? 'episode' : 'show';
      score = Math.max(episode, show);
    }
  }
  if (kind === 'none' && media >= MEDIA_THRESHOLD) {
    kind = 'media';
    score = media;
  }
  const evidence = [...new Set(findings.filter((f) => f.weight > 0).map((f) => f.evidence))];
  if (stale) evidence.unshift('stale metadata ignored');
  const detection: Detection = {
    kind,
    platform: kind === 'none' ? null : (adapter?.platform ?? 'generic'),
    score: Math.round(score * 100) / 100,
    evidence: evidence.slice(0, 20),
  };
  if (found && (kind === 'episode' || kind === 'show')) detection.episode = found;
  return detection;
}

/** Independent evidence of one kind: 1 − Π(1 − w). */
function combined(findings: Finding[], kind: Finding['kind']): number {
  let doubt = 1;
  for (const f of findings) {
    if (f.kind === kind) doubt *= 1 - Math.min(1, Math.max(0, f.weight));
  }
  return 1 - doubt;
}

/** Each field from the first finding that has it; `null` there means "do not fill". */
function episodeOf(findings: Finding[], href: string, doc: Document): DetectedEpisode {
  const merged: Fields = {};
  for (const { fields } of findings) {
    if (!fields) continue;
    for (const [key, value] of Object.entries(fields) as [keyof Fields, unknown][]) {
      if (merged[key] === undefined && value !== undefined && value !== '') {
        (merged as Record<string, unknown>)[key] = value;
      }
    }
  }
  const episode: DetectedEpisode = {
    title: clean(merged.title) || clean(doc.title),
    show: clean(merged.show),
    url: href,
  };
  for (const key of ['canonicalUrl', 'publishedAt', 'imageUrl', 'feedUrl', 'audioUrl'] as const) {
    const value = merged[key];
    if (typeof value === 'string' && value) episode[key] = value;
  }
  if (episode.audioUrl) {
    // A fragment on the file (Overcast's `#t=0`) is a start position, not part of the file.
    episode.audioUrl = episode.audioUrl.replace(/#.*$/, '');
  }
  const duration = merged.durationSec;
  if (typeof duration === 'number' && duration > 0 && duration < MAX_DURATION_SEC) {
    episode.durationSec = Math.round(duration);
  }
  if (merged.participants?.length) episode.participants = merged.participants.slice(0, 20);
  return episode;
}

/**
 * A single-page app that moved to another episode still carries the first page's og:url:
 * when it names another resource on the same host, the metadata describes a page we left.
 */
function metadataIsStale(page: Page, url: URL): boolean {
  const og = page.meta('og:url');
  if (!og) return false;
  const described = URL.parse(og, url);
  if (!described) return false;
  const host = (u: URL) => u.hostname.toLowerCase().replace(/^www\./, '');
  return host(described) === host(url) && identity(described) !== identity(url);
}

/** What names the resource: the last path segment and the id parameters platforms use. */
function identity(u: URL): string {
  const last = u.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
  let segment = last;
  try {
    segment = decodeURIComponent(last);
  } catch {
    // A malformed escape: compare it as written.
  }
  return [segment.toLowerCase(), u.searchParams.get('v'), u.searchParams.get('i')].join('|');
}

function safely<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}
