import type { Platform, Role } from '../model';
import type { Page } from './page';

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

/**
 * What one layer may say about the episode. `null` means "this layer knows the page's value
 * is not trustworthy": later layers must not fill it (Spotify's `og:audio` is a preview clip).
 */
export type Fields = { [K in keyof DetectedEpisode]?: DetectedEpisode[K] | null };

/** One piece of evidence: what it points to, how strongly (0…1), and what it read. */
export interface Finding {
  kind: Exclude<PageKind, 'none'>;
  /** Combined with other findings of the same kind as independent evidence: 1 − Π(1 − w). */
  weight: number;
  /** Short and human-readable; empty for a finding that only supplies fields. */
  evidence: string;
  fields?: Fields;
}

export type LayerResult = Finding | readonly Finding[] | null;

/** A pure function over the page: never throws on purpose, and is guarded anyway. */
export type Layer = (page: Page) => LayerResult;

/** A platform's adapter: claims the page by its host (cheap), then reads it. */
export interface PlatformAdapter {
  platform: Platform;
  /** Cheap: the host, or for custom domains an indexed element. */
  matches(page: Page): boolean;
  /**
   * Single-page apps keep the first page's meta tags while the person moves to another
   * episode: for these, metadata that names another URL is ignored (issue 3).
   */
  spa?: boolean;
  read: Layer;
}

export function finding(
  kind: Finding['kind'],
  weight: number,
  evidence: string,
  fields?: Fields,
): Finding {
  return fields ? { kind, weight, evidence, fields } : { kind, weight, evidence };
}
