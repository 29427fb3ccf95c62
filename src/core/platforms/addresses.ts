/**
 * Where each platform's episode pages live: its host names, and the address (path and query)
 * of an episode. Kept apart from the adapters, which read the page, because the start-up
 * script's first look (core/precheck.ts) decides from these alone that a page is an episode,
 * and must decide as detection does without carrying detection's code into every page.
 */
export interface EpisodeAddress {
  /** Tested against the lower-case host name. */
  host: RegExp;
  /** Tested against `pathname + search`. */
  episode: RegExp;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const EPISODE_ADDRESSES = {
  // An `/intl-xx` prefix is the same page in another language.
  spotify: { host: /^open\.spotify\.com$/, episode: /^(\/intl-[\w-]+)?\/episode\/\w+/ },
  apple: { host: /^(podcasts|itunes)\.apple\.com$/, episode: /\/podcast\/(.+\/)?id\d+.*[?&]i=\d+/ },
  overcast: { host: /^(www\.)?overcast\.fm$/, episode: /^\/\+[\w-]+/ },
  pocketcasts: {
    host: /^(pca\.st|(www\.|play\.)?pocketcasts\.com)$/,
    episode: new RegExp(
      `^/(episode/${UUID}|podcasts?/(.+/)?${UUID}/(.+/)?${UUID}|(?=[a-z]*\\d)[a-z0-9]{6,12}/?$)`,
      'i',
    ),
  },
  podbean: {
    host: /(^|\.)podbean\.com$/,
    episode: /^\/(e\/[\w-]+|ew\/[\w-]+|media\/share\/[\w-]+)/,
  },
  buzzsprout: { host: /(^|\.)buzzsprout\.com$/, episode: /^\/\d+\/(episodes\/)?\d+/ },
  simplecast: {
    host: /^(?!(feeds|player|api|cdn|image|www)\.)[\w-]+\.simplecast\.com$/,
    episode: /^\/episodes\/[\w-]+/,
  },
  transistor: { host: /(^|\.)transistor\.fm$/, episode: /^\/(s|e|episodes)\/[\w-]+/ },
  libsyn: {
    host: /^(?!(html5-player|traffic|feeds|www|secure|static)\.)[\w-]+\.libsyn\.com$/,
    episode: /^\/(?!(rss|page|category|size|webpage|website)(\/|$))[\w-]{3,}\/?$/,
  },
  captivate: {
    host: /^(?!(player|feeds|www|app)\.)[\w-]+\.captivate\.fm$/,
    episode: /^\/episode\/[\w-]+/,
  },
  acast: {
    host: /(^|\.)acast\.com$/,
    episode: /^\/(s\/[^/]+\/[^/?]+|[^/]+\/episodes\/[^/?]+)/,
  },
  castbox: { host: /^(www\.)?castbox\.fm$/, episode: /^\/(episode\/.+-id\d+-id\d+|vb\/\d+)/ },
  podchaser: {
    host: /^(www\.)?podchaser\.com$/,
    episode: /^\/podcasts\/[\w-]+\/episodes\/[\w-]+/,
  },
  listennotes: {
    host: /^(www\.)?listennotes\.com$/,
    episode: /^\/([a-z]{2}\/)?podcasts\/[\w-]+\/[\w-]+\/?$/,
  },
} satisfies Record<string, EpisodeAddress>;

/** The UUID pattern of Pocket Casts' addresses, for its show pages' pattern. */
export const POCKETCASTS_UUID = UUID;

/**
 * Hosts (without `www.`) of the platforms whose adapters judge a page by more than its address
 * (a video is an episode only when it says podcast; Substack is found by its markup too): the
 * first look leaves their pages to detection, whatever their JSON-LD says.
 */
export const OTHER_PLATFORM_HOSTS = {
  youtube: /^(m\.)?youtube\.com$|^youtu\.be$/,
  youtubeMusic: /^music\.youtube\.com$/,
  soundcloud: /^(m\.)?soundcloud\.com$/,
  substack: /(^|\.)substack\.com$/,
} satisfies Record<string, RegExp>;
