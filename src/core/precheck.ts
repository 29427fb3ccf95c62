/**
 * A cheap first look at a page, before the full detector and the capture tools are loaded:
 * could this be a podcast or media page at all? A few selector lookups and, at most, a peek
 * into small JSON-LD blocks. False positives only cost the full script's load; a false
 * negative hides the icon's state until the person clicks it (the popup then loads
 * everything), so the test is generous.
 */

/** Markup that any detection layer needs: media, players, feeds, podcast metadata. */
const MEDIA_OR_METADATA = [
  'audio',
  'video',
  'iframe[src]',
  'iframe[data-src]',
  'meta[property="og:audio"]',
  'meta[property="og:audio:url"]',
  'meta[property="og:type"][content^="music"]',
  'meta[property="og:type"][content*="episode"]',
  'meta[name="twitter:player"]',
  'link[rel="alternate"][type="application/rss+xml"]',
  // A player built by script often shows only a download link (Transistor's embed page).
  'a[href*=".mp3"]',
  'a[href*=".m4a"]',
].join(',');

/** JSON-LD types that the detector reads; other JSON-LD (articles, products) doesn't count. */
const PODCAST_JSON_LD = /"(?:Podcast\w*|AudioObject|RadioEpisode|RadioSeries)"/;
/** Only the start of a JSON-LD block is peeked at: its @type comes first in practice. */
const JSON_LD_PEEK_CHARS = 4_000;

export function mightBePodcastPage(doc: Document): boolean {
  if (doc.querySelector(MEDIA_OR_METADATA)) return true;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (PODCAST_JSON_LD.test(text.slice(0, JSON_LD_PEEK_CHARS))) return true;
  }
  return false;
}
