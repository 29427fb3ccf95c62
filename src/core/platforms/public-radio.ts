import { parseClock } from '../time';
import { clean, splitPair } from './text';
import { finding, type Layer } from './types';

/** Public broadcasters whose programme pages are articles with an episode player. */
const PUBLIC_RADIO =
  /(^|\.)(npr\.org|wnyc(studios)?\.org|kqed\.org|wbur\.org|wbez\.org|opb\.org|kcrw\.com|kuow\.org|wamu\.org|whyy\.org|marketplace\.org|theworld\.org|pri\.org|cbc\.ca|abc\.net\.au|rnz\.co\.nz|rte\.ie|thisamericanlife\.org|radiolab\.org)$/;

const PLAYER = 'audio, .audio-module, [class*="audio-player"], a[href*=".mp3"]';

/**
 * Generic layer for public-radio sites: their episodes are typed as news articles, so the
 * evidence is the host, an episode player and a programme name (NPR's "Title : Planet Money").
 * An article there without a player is just news.
 */
export const publicRadioLayer: Layer = (page) => {
  if (!PUBLIC_RADIO.test(page.host) || !page.doc.querySelector(PLAYER)) return null;
  const ogTitle = clean(page.meta('og:title'));
  const pair = splitPair(ogTitle, ' : ') ?? splitPair(ogTitle, ' | ');
  const duration = page.attr('time[datetime^="P"]', 'datetime').replace(/,/g, '');
  return finding('episode', 0.7, 'public radio episode player', {
    title: page.text('h1') || pair?.[0] || ogTitle,
    show: pair?.[1] || page.text('.slug a, .program-name'),
    audioUrl: page.href(page.attr('a[href*=".mp3"]', 'href') || page.attr('audio[src]', 'src')),
    durationSec: parseClock(duration) ?? undefined,
  });
};
