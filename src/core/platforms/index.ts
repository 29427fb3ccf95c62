/**
 * The registry: every platform adapter and generic layer, in the order their fields win.
 * Add a platform by adding a file and a line here.
 */
import { acast } from './acast';
import { apple } from './apple';
import { buzzsprout } from './buzzsprout';
import { captivate } from './captivate';
import { castbox } from './castbox';
import { embedsLayer } from './embeds';
import { jsonLdLayer } from './jsonld';
import { libsyn } from './libsyn';
import { listenNotes } from './listennotes';
import { mediaLayer } from './media';
import { openGraphLayer } from './opengraph';
import { overcast } from './overcast';
import { pocketCasts } from './pocketcasts';
import { podbean } from './podbean';
import { podchaser } from './podchaser';
import { publicRadioLayer } from './public-radio';
import { rssLayer } from './rss';
import { simplecast } from './simplecast';
import { soundcloud } from './soundcloud';
import { spotify } from './spotify';
import { substack } from './substack';
import { transistor } from './transistor';
import { twitterLayer } from './twitter';
import type { Layer, PlatformAdapter } from './types';
import { wordpressLayer } from './wordpress';
import { wordsLayer } from './words';
import { youtube, youtubeMusic } from './youtube';

/** Layer 1, by URL. The first adapter whose host matches claims the page. */
export const PLATFORM_ADAPTERS: readonly PlatformAdapter[] = [
  spotify,
  apple,
  youtubeMusic,
  youtube,
  soundcloud,
  overcast,
  pocketCasts,
  podbean,
  buzzsprout,
  simplecast,
  transistor,
  libsyn,
  captivate,
  acast,
  castbox,
  podchaser,
  listenNotes,
  // Last: it is the only one that may look at the document to recognise a custom domain.
  substack,
];

/** Layers 2–4, run on every page; structured metadata first, words last. */
export const GENERIC_LAYERS: readonly Layer[] = [
  jsonLdLayer,
  publicRadioLayer,
  wordpressLayer,
  embedsLayer,
  openGraphLayer,
  twitterLayer,
  rssLayer,
  mediaLayer,
  wordsLayer,
];
