/**
 * A cheap first look at a page, before the full detector and the capture tools are loaded:
 * could this be a podcast or media page at all? A few selector lookups and, at most, a peek
 * into small JSON-LD blocks. False positives only cost the full script's load; a false
 * negative hides the icon's state until the person clicks it (the popup then loads
 * everything), so the test is generous.
 */
import { EPISODE_ADDRESSES, inDomain, OTHER_PLATFORM_HOSTS } from './platforms/addresses';
import { collectJsonLd, episodeNode } from './platforms/json-ld-nodes';

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

/**
 * What the start-up script decides at load, on its own: `'none'`, not a podcast page as far as
 * a first look can tell; `'episode'`, an episode page beyond doubt; `'maybe'`, a page only
 * detection can judge. Beyond doubt means evidence that detection itself weighs at 0.9 or
 * more and nothing else on such a page outweighs: a platform's episode address, or, on a site
 * no platform claims, JSON-LD naming a PodcastEpisode. Either needs a page title, as
 * detection needs a name. The page then pays for detection only when the person acts
 * (issue 16); a platform's other pages are left to detection, which may find a show. An
 * episode address is enough without the cheap look at the markup, as it is for detection.
 */
export type FirstLook = 'none' | 'episode' | 'maybe';

export function firstLook(doc: Document, href: string): FirstLook {
  const url = URL.parse(href);
  const titled = /\S/.test(doc.title);
  const host = url?.hostname.toLowerCase() ?? '';
  const platform = Object.values(EPISODE_ADDRESSES).find(
    (address) => inDomain(host, address.domains) && address.host.test(host),
  );
  // A platform's episode address is enough, whatever the markup says (or hasn't built yet).
  if (url && titled && platform?.episode.test(url.pathname + url.search)) return 'episode';
  if (!mightBePodcastPage(doc)) return 'none';
  if (!url || !titled || platform) return 'maybe';
  // Any page of theirs: a domain is enough to leave it to detection.
  if (Object.values(OTHER_PLATFORM_HOSTS).some(({ domains }) => inDomain(host, domains))) {
    return 'maybe';
  }
  return episodeNode(collectJsonLd(jsonLdScripts(doc))) ? 'episode' : 'maybe';
}

const JSON_LD = 'script[type="application/ld+json"]';

/**
 * The page's JSON-LD blocks: the head's, where sites put them, and the whole document's only
 * when the head has none (a 3-hour transcript is 110k nodes to walk). Missing one in the body
 * only leaves the page to detection.
 */
function jsonLdScripts(doc: Document): Element[] {
  const inHead = doc.head?.querySelectorAll(JSON_LD);
  return [...(inHead?.length ? inHead : doc.querySelectorAll(JSON_LD))];
}
