import type { FeedSource } from '../find-feed';
import type { Json } from '../../platforms/page';

/** schema.org `PodcastSeries.webFeed`, on the series or an episode's `partOfSeries`. */
export const jsonLdFeed: FeedSource = (page) =>
  page.jsonLd().flatMap((node) => {
    const series = [node, node.partOfSeries].filter(
      (n): n is Json => typeof n === 'object' && n !== null && !Array.isArray(n),
    );
    return series
      .map((s) => page.href(feedValue(s.webFeed)))
      .filter(Boolean)
      .map((url) => ({ url, source: 'json-ld' as const }));
  });

function feedValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Json;
    return typeof v['@id'] === 'string' ? v['@id'] : typeof v.url === 'string' ? v.url : '';
  }
  return '';
}
