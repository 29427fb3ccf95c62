/**
 * Which item of a feed is the episode on the page: by guid, then the audio file, then the
 * item's link, then title and date. The answer says which rule matched, so the person can see
 * why and pick another item when it is wrong.
 */
import type { FeedItem } from './types';

export type MatchedBy = 'guid' | 'enclosure' | 'link' | 'title-date' | 'title';

export interface EpisodeHints {
  guid?: string | null;
  /** The page's audio source. */
  audioUrl?: string | null;
  /** The episode page's URL (and its canonical URL, when different). */
  pageUrls?: readonly string[];
  title?: string | null;
  publishedAt?: string | null;
}

export interface EpisodeMatch {
  item: FeedItem;
  by: MatchedBy;
}

export function matchEpisode(items: readonly FeedItem[], hints: EpisodeHints): EpisodeMatch | null {
  const guid = hints.guid?.trim();
  if (guid) {
    const item = items.find((i) => i.guid === guid);
    if (item) return { item, by: 'guid' };
  }
  if (hints.audioUrl) {
    const audio = audioKey(hints.audioUrl);
    const item = audio
      ? items.find((i) => i.enclosureUrl && audioKey(i.enclosureUrl) === audio)
      : undefined;
    if (item) return { item, by: 'enclosure' };
  }
  const pages = new Set((hints.pageUrls ?? []).map(pageKey).filter(Boolean));
  if (pages.size > 0) {
    const item = items.find((i) => i.link && pages.has(pageKey(i.link)));
    if (item) return { item, by: 'link' };
  }
  const title = titleKey(hints.title ?? '');
  if (title) {
    const same = items.filter((i) => titleKey(i.title) === title);
    const day = dayOf(hints.publishedAt);
    const dated = day !== null ? same.find((i) => near(dayOf(i.publishedAt), day)) : undefined;
    if (dated) return { item: dated, by: 'title-date' };
    // A title alone is enough only when it is not ambiguous within the feed.
    if (same.length === 1) return { item: same[0]!, by: 'title' };
  }
  return null;
}

/**
 * Hosts wrap the audio file in measurement redirects (`dts.podtrac.com/redirect.mp3/host/…`)
 * and add query strings: the host and path of the file itself, from its last host-looking
 * segment on, identifies it.
 */
export function audioKey(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '';
  }
  const parts = `${parsed.hostname}${parsed.pathname}`.toLowerCase().split('/').filter(Boolean);
  let start = 0;
  parts.forEach((p, i) => {
    if (
      i > 0 &&
      /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(p) &&
      !/\.(mp3|m4a|aac|ogg|opus|wav|mp4)$/.test(p)
    )
      start = i;
  });
  return parts.slice(start).join('/');
}

function pageKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname.replace(/^www\./, '')}${u.pathname.replace(/\/+$/, '')}`.toLowerCase();
  } catch {
    return '';
  }
}

function titleKey(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function dayOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isFinite(t) ? Math.floor(t / 86_400_000) : null;
}

/** Pages show dates in the show's time zone, feeds in GMT: a day either way is the same day. */
function near(a: number | null, b: number): boolean {
  return a !== null && Math.abs(a - b) <= 1;
}
