import { parseClock } from '../time';
import type { Page } from './page';
import { clean, splitPair } from './text';
import { finding, type Layer } from './types';

/** Public broadcasters whose programme pages are articles with an episode player. */
const PUBLIC_RADIO =
  /(^|\.)(npr\.org|wnyc(studios)?\.org|kqed\.org|wbur\.org|wbez\.org|opb\.org|kcrw\.com|kuow\.org|wamu\.org|whyy\.org|marketplace\.org|theworld\.org|pri\.org|cbc\.ca|abc\.net\.au|rnz\.co\.nz|rte\.ie|thisamericanlife\.org|radiolab\.org)$/;

const PLAYER = 'audio, .audio-module, [class*="audio-player"], a[href*=".mp3"]';

/** A network's episode address: `/podcast/<slug>`, `/podcasts/<show>/…`. */
const PODCAST_PATH = /\/podcasts?\/[^/]+/i;

// Page data is searched only within these bounds: a few inline scripts, of bounded size.
const MAX_DATA_SCRIPTS = 12;
const MAX_DATA_CHARS = 400_000;

/**
 * An audio file named under an audio key in a page's inline data (a framework's state, as
 * Radiolab's Nuxt page writes `audio:"https:\u002F\u002F…mp3?…"`), with escaped slashes.
 */
const DATA_AUDIO =
  /["']?(?:audio|audioUrl|audio_url|audioFile|audio-url|mp3|enclosure|contentUrl|media_url)["']?\s*:\s*["'](https?:(?:\\u002F|\\\/|\/){2}[^"'\s]{4,1500}?\.(?:mp3|m4a)(?:\?[^"'\s]{0,500})?)["']/g;

/**
 * Generic layer for public-radio and network sites: their episodes are typed as news
 * articles, and many build their player by script, so the evidence is the host or a podcast
 * address, a player (or one audio file in the page's data), and a programme name (NPR's
 * "Title : Planet Money", Radiolab's og:site_name "Radiolab Podcasts | WNYC Studios"). An
 * article there without a player or audio is just news; data naming several audio files is
 * a list of episodes.
 */
export const publicRadioLayer: Layer = (page) => {
  // A platform's page (Apple's `/podcast/…` addresses) is no broadcaster's article.
  if (page.platform) return null;
  const known = PUBLIC_RADIO.test(page.host);
  if (!known && !PODCAST_PATH.test(page.url.pathname)) return null;
  const player = page.doc.querySelector(PLAYER);
  const dataAudio = player ? '' : audioInPageData(page);
  if (!player && !dataAudio) return null;
  const ogTitle = clean(page.meta('og:title'));
  const pair = splitPair(ogTitle, ' : ') ?? splitPair(ogTitle, ' | ');
  const duration = page.attr('time[datetime^="P"]', 'datetime').replace(/,/g, '');
  const evidence = player ? 'public radio episode player' : 'episode audio in page data';
  return finding('episode', known ? 0.7 : 0.55, evidence, {
    title: page.text('h1') || pair?.[0] || ogTitle,
    show: pair?.[1] || page.text('.slug a, .program-name') || showOfSiteName(page),
    audioUrl:
      page.href(page.attr('a[href*=".mp3"]', 'href') || page.attr('audio[src]', 'src')) ||
      dataAudio,
    durationSec: parseClock(duration) ?? undefined,
  });
};

/** The one audio file the page's inline data names, or '' for none or several. */
function audioInPageData(page: Page): string {
  const files = new Map<string, string>();
  let chars = 0;
  const scripts = page.tags('script');
  for (let i = 0, seen = 0; i < scripts.length && seen < MAX_DATA_SCRIPTS; i++) {
    const script = scripts[i]!;
    if (script.hasAttribute('src') || script.getAttribute('type') === 'application/ld+json') {
      continue;
    }
    seen++;
    const text = script.textContent ?? '';
    chars += text.length;
    if (chars > MAX_DATA_CHARS) break;
    for (const match of text.matchAll(DATA_AUDIO)) {
      const url = page.href(match[1]!.replace(/\\u002F|\\\//gi, '/'));
      // The same file with other tracking parameters is the same file.
      if (url) files.set(url.replace(/\?.*$/, ''), url);
      if (files.size > 1) return '';
    }
  }
  return files.size === 1 ? [...files.values()][0]! : '';
}

/**
 * The programme in a network's site name: "Radiolab Podcasts | WNYC Studios" → "Radiolab".
 * The network after the bar and a plural "Podcasts" (the site's section, not the show's
 * name) go; a singular "Podcast" stays ("The Indie Hackers Podcast" is a name).
 */
function showOfSiteName(page: Page): string {
  const site = clean(page.meta('og:site_name'));
  const first = site.split(/\s+[|–—-]\s+/)[0] ?? '';
  return first.replace(/\s+podcasts$/i, '').trim();
}
