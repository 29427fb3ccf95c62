import { parseClock } from '../time';
import { toIsoDate } from './dates';
import { clean, withoutShow } from './text';
import { finding, type Layer } from './types';

/**
 * Layer 2: Open Graph and the plain document, the fields every page has. `og:audio` is
 * playable audio (media), never by itself a podcast. The title loses the show name that sites
 * glue to it ("117: Title | React Podcast").
 */
export const openGraphLayer: Layer = (page) => {
  // og:site_name names the show on a podcast's own site, and only the platform on a platform.
  const show = page.platform ? '' : clean(page.meta('og:site_name'));
  const title = clean(page.meta('og:title') || page.meta('twitter:title') || page.doc.title);
  const audioUrl = page.href(page.meta('og:audio') || page.meta('og:audio:url'));
  const fields = {
    title: withoutShow(title, show),
    show,
    canonicalUrl: page.href(
      page
        .tags('link')
        .find((l) => l.getAttribute('rel') === 'canonical')
        ?.getAttribute('href') || page.meta('og:url'),
    ),
    imageUrl: page.href(page.meta('og:image') || page.meta('twitter:image')),
    audioUrl,
    publishedAt: toIsoDate(page.meta('article:published_time'), page.lang),
    durationSec: parseClock(page.meta('music:duration')) ?? undefined,
  };
  if (audioUrl) return finding('media', 0.6, 'og:audio', fields);
  if (page.meta('og:type').startsWith('video') && page.meta('og:video')) {
    return finding('media', 0.4, 'og:video', fields);
  }
  // No evidence either way, but every page's fields, for the layers above to fall back on.
  return finding('media', 0, '', fields);
};
