import { parseClock } from '../time';
import type { DetectedEpisode } from './types';
import { toIsoDate } from './dates';
import { episodeNode, hasType, isJson, type Json } from './json-ld-nodes';
import type { Page } from './page';
import { clean, roleOf } from './text';
import { finding, type Fields, type Layer } from './types';

/**
 * Layer 2: schema.org JSON-LD. `PodcastEpisode` (Apple's `schema:episode`) is the strongest
 * generic evidence; `PodcastSeries` marks a show page; an `AudioObject` is playable audio
 * that becomes an episode only when it names its series. News articles and `VideoObject`s
 * (The Verge) say nothing about podcasts and are ignored.
 */
export const jsonLdLayer: Layer = (page) => {
  const nodes = page.jsonLd();
  const episode = episodeNode(nodes);
  if (episode)
    return finding('episode', 0.9, 'json-ld PodcastEpisode', episodeFields(episode, page));
  const series = nodes.find((n) => hasType(n, 'PodcastSeries') || hasType(n, 'RadioSeries'));
  if (series) {
    const name = ldText(series.name);
    return finding('show', 0.8, 'json-ld PodcastSeries', {
      title: name,
      show: name,
      imageUrl: page.href(ldUrl(series.image)),
      feedUrl: page.href(ldUrl(series.webFeed)),
    });
  }
  const audio = nodes.find((n) => hasType(n, 'AudioObject'));
  if (audio) {
    const fields = episodeFields(audio, page);
    return [
      finding('media', 0.6, 'json-ld AudioObject'),
      finding('episode', fields.show ? 0.6 : 0.3, 'json-ld AudioObject', fields),
    ];
  }
  return null;
};

function episodeFields(node: Json, page: Page): Fields {
  const series = ldObject(node.partOfSeries) ?? ldObject(ldObject(node.partOfSeason)?.partOfSeries);
  const media = ldObject(node.associatedMedia) ?? ldObject(node.audio);
  const date = ldText(node.datePublished) || ldText(node.uploadDate);
  const duration = ldText(node.duration) || ldText(media?.duration);
  return {
    title: ldText(node.name) || ldText(node.headline),
    // Apple's 2023 AudioObject names its show as a bare string in `isPartOf`.
    show: ldText(series?.name) || ldText(node.isPartOf) || ldText(ldObject(node.isPartOf)?.name),
    canonicalUrl: page.href(ldUrl(node.url)),
    publishedAt: date ? toIsoDate(date, page.lang) : '',
    durationSec: duration ? (parseClock(duration) ?? undefined) : undefined,
    imageUrl: page.href(ldUrl(node.image) || ldUrl(node.thumbnailUrl)),
    audioUrl: page.href(ldUrl(media?.contentUrl) || ldUrl(node.contentUrl)),
    feedUrl: page.href(ldUrl(series?.webFeed)),
    participants: people(node),
  };
}

/** Hosts and guests as the episode names them: author/creator are its makers. */
function people(node: Json): DetectedEpisode['participants'] {
  const out: NonNullable<DetectedEpisode['participants']> = [];
  const add = (value: unknown, role: 'host' | undefined) => {
    for (const item of (Array.isArray(value) ? value : [value]).slice(0, 20)) {
      const name = isJson(item) ? ldText(item.name) : ldText(item);
      const label = isJson(item) ? ldText(item.roleName) : '';
      if (name && out.length < 20 && !out.some((p) => p.name === name)) {
        out.push({ name, ...(label ? { role: roleOf(label) } : role ? { role } : {}) });
      }
    }
  };
  add(node.author, 'host');
  add(node.creator, 'host');
  add(node.actor, undefined);
  return out.length ? out : undefined;
}

/** A string value, also from `{"@value": …}` and from the first item of a list. */
export function ldText(value: unknown): string {
  const v = unwrap(value);
  return clean(isJson(v) ? v['@value'] : v);
}

function ldObject(value: unknown): Json | null {
  const v = unwrap(value);
  return isJson(v) ? v : null;
}

/** A URL given as a string, an object with `url`/`@id`, or a list of either. */
function ldUrl(value: unknown): string {
  let v = unwrap(value);
  if (isJson(v)) v = unwrap(v.url ?? v.contentUrl ?? v['@id']);
  return typeof v === 'string' ? v.trim() : '';
}

/** The first item of (nested) lists, a few levels deep at most: hostile nesting stops here. */
function unwrap(value: unknown): unknown {
  let v = value;
  for (let i = 0; i < 3 && Array.isArray(v); i++) v = v[0];
  return v;
}
