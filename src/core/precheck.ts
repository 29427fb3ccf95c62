/**
 * A cheap first look at a page, before the full detector and the capture tools are loaded:
 * could this be a podcast or media page at all? A few selector lookups and, at most, a peek
 * into small JSON-LD blocks. False positives only cost the full script's load; a false
 * negative hides the icon's state until the person clicks it (the popup then loads
 * everything), so the test is generous.
 */
import { EPISODE_ADDRESSES, inDomain, OTHER_PLATFORM_HOSTS } from './platforms/addresses';
import { collectJsonLd, episodeNode, MAX_LD_SCRIPTS } from './platforms/json-ld-nodes';

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
  const elsewhere = !url || !titled || platform !== undefined || onOtherPlatform(host);
  // Where no platform claims the page, JSON-LD naming an episode is enough, markup unseen.
  const head = elsewhere ? [] : headJsonLd(doc);
  if (episodeNode(collectJsonLd(head))) return 'episode';
  if (!mightBePodcastPage(doc)) return 'none';
  // The body's blocks only where the head has none (a 3-hour transcript is 110k nodes to
  // walk): one missed leaves the page to detection.
  if (elsewhere || head.length > 0) return 'maybe';
  return episodeNode(collectJsonLd(elementTexts(doc.body))) ? 'episode' : 'maybe';
}

/** A page of a platform whose adapter judges by more than the address: detection's to judge. */
function onOtherPlatform(host: string): boolean {
  return Object.values(OTHER_PLATFORM_HOSTS).some(({ domains }) => inDomain(host, domains));
}

const HEAD_JSON_LD = '/html/head/script[@type="application/ld+json"]';

/**
 * The texts of the head's JSON-LD blocks, where sites put them, read through XPath as strings:
 * the content script's world then makes no element objects. The first use of each DOM
 * interface in that world costs the page heap, and an element brings a chain of them
 * (0.07 MiB on the 3-hour page, measured); the start-up script runs on every podcast page.
 */
function headJsonLd(doc: Document): string[] {
  if (typeof doc.evaluate !== 'function') return elementTexts(doc.head);
  const read = (expression: string, type: number) =>
    doc.evaluate(expression, doc, null, type, null);
  const count = read(`count(${HEAD_JSON_LD})`, XPathResult.NUMBER_TYPE).numberValue;
  const texts: string[] = [];
  for (let i = 1; i <= Math.min(count, MAX_LD_SCRIPTS); i++) {
    texts.push(read(`string((${HEAD_JSON_LD})[${i}])`, XPathResult.STRING_TYPE).stringValue);
  }
  return texts;
}

function elementTexts(root: Element | null): string[] {
  const scripts = root?.querySelectorAll('script[type="application/ld+json"]') ?? [];
  return [...scripts].map((script) => script.textContent ?? '');
}
