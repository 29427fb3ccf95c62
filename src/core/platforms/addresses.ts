/**
 * Where each platform's episode pages live: its host names, and the address (path and query)
 * of an episode. Kept apart from the adapters, which read the page, because the start-up
 * script's first look (core/precheck.ts) decides from these alone that a page is an episode,
 * and must decide as detection does without carrying detection's code into every page.
 */
export interface EpisodeAddress {
  /**
   * The domains the host is in: checked first, as strings, so that a page on no platform
   * compiles none of the patterns (each compiled pattern stays in the page's heap).
   */
  domains: readonly string[];
  /** Tested against the lower-case host name. */
  host: RegExp;
  /** Tested against `pathname + search`. */
  episode: RegExp;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const EPISODE_ADDRESSES = {
  // An `/intl-xx` prefix is the same page in another language.
  spotify: {
    domains: ['open.spotify.com'],
    host: /^open\.spotify\.com$/,
    episode: /^(\/intl-[\w-]+)?\/episode\/\w+/,
  },
  apple: {
    domains: ['apple.com'],
    host: /^(podcasts|itunes)\.apple\.com$/,
    episode: /\/podcast\/(.+\/)?id\d+.*[?&]i=\d+/,
  },
  overcast: { domains: ['overcast.fm'], host: /^(www\.)?overcast\.fm$/, episode: /^\/\+[\w-]+/ },
  pocketcasts: {
    domains: ['pca.st', 'pocketcasts.com'],
    host: /^(pca\.st|(www\.|play\.)?pocketcasts\.com)$/,
    episode: new RegExp(
      `^/(episode/${UUID}|podcasts?/(.+/)?${UUID}/(.+/)?${UUID}|(?=[a-z]*\\d)[a-z0-9]{6,12}/?$)`,
      'i',
    ),
  },
  podbean: {
    domains: ['podbean.com'],
    host: /(^|\.)podbean\.com$/,
    episode: /^\/(e\/[\w-]+|ew\/[\w-]+|media\/share\/[\w-]+)/,
  },
  buzzsprout: {
    domains: ['buzzsprout.com'],
    host: /(^|\.)buzzsprout\.com$/,
    episode: /^\/\d+\/(episodes\/)?\d+/,
  },
  simplecast: {
    domains: ['simplecast.com'],
    host: /^(?!(feeds|player|api|cdn|image|www)\.)[\w-]+\.simplecast\.com$/,
    episode: /^\/episodes\/[\w-]+/,
  },
  transistor: {
    domains: ['transistor.fm'],
    host: /(^|\.)transistor\.fm$/,
    episode: /^\/(s|e|episodes)\/[\w-]+/,
  },
  libsyn: {
    domains: ['libsyn.com'],
    host: /^(?!(html5-player|traffic|feeds|www|secure|static)\.)[\w-]+\.libsyn\.com$/,
    episode: /^\/(?!(rss|page|category|size|webpage|website)(\/|$))[\w-]{3,}\/?$/,
  },
  captivate: {
    domains: ['captivate.fm'],
    host: /^(?!(player|feeds|www|app)\.)[\w-]+\.captivate\.fm$/,
    episode: /^\/episode\/[\w-]+/,
  },
  acast: {
    domains: ['acast.com'],
    host: /(^|\.)acast\.com$/,
    episode: /^\/(s\/[^/]+\/[^/?]+|[^/]+\/episodes\/[^/?]+)/,
  },
  castbox: {
    domains: ['castbox.fm'],
    host: /^(www\.)?castbox\.fm$/,
    episode: /^\/(episode\/.+-id\d+-id\d+|vb\/\d+)/,
  },
  podchaser: {
    domains: ['podchaser.com'],
    host: /^(www\.)?podchaser\.com$/,
    episode: /^\/podcasts\/[\w-]+\/episodes\/[\w-]+/,
  },
  listennotes: {
    domains: ['listennotes.com'],
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
  youtube: { domains: ['youtube.com', 'youtu.be'], host: /^(m\.)?youtube\.com$|^youtu\.be$/ },
  youtubeMusic: { domains: ['youtube.com'], host: /^music\.youtube\.com$/ },
  soundcloud: { domains: ['soundcloud.com'], host: /^(m\.)?soundcloud\.com$/ },
  substack: { domains: ['substack.com'], host: /(^|\.)substack\.com$/ },
} satisfies Record<string, { domains: readonly string[]; host: RegExp }>;

/** Whether a lower-case host name is this domain or one of its subdomains. */
export function inDomain(host: string, domains: readonly string[]): boolean {
  return domains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}
