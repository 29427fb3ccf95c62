/**
 * Podcast hosts, by the address forms they publish. One place, so that the feed, embed and
 * Twitter-card layers agree and the bundle holds each pattern once.
 */

/** Feeds served by podcast hosts (tested against `host/path`). */
export const PODCAST_FEED =
  /^(feeds\.(simplecast|transistor|buzzsprout|libsyn|captivate|acast|megaphone|soundcloud|npr|fireside|redcircle|castos|blubrry|pinecast)\.\w+|feed\.podbean\.com|[\w-]+\.libsyn\.com\/rss|[\w-]+\.podbean\.com\/feed|rss\.(art19\.com|acast\.com|com\/podcasts)|anchor\.fm\/s\/|(www\.)?omnycontent\.com|podcasts\.files\.bbci\.co\.uk)|\/(feed\/)?podcast/i;

/** Embedded players of podcast hosts that show one episode (tested against `host/path?query`). */
export const EPISODE_PLAYER =
  /^(player\.simplecast\.com|share\.transistor\.fm\/e\/|embed\.acast\.com\/[^/]+\/|(www\.)?buzzsprout\.com\/\d+\/\d+|html5-player\.libsyn\.com\/embed\/episode|player\.captivate\.fm\/episode|(www\.)?podbean\.com\/(player-v2|media\/player)|open\.spotify\.com\/embed\/episode|embed\.podcasts\.apple\.com\/.*[?&]i=|castbox\.fm\/app\/castbox\/player|player\.megaphone\.fm\/\w|omny\.fm\/shows\/.+\/embed|(anchor\.fm|podcasters\.spotify\.com)\/.*\/embed\/episodes|overcast\.fm\/podcasts\/episode_card)/i;

/** `host/path?query` of a URL string, or '' when it is not a URL. */
export function hostPath(value: string): string {
  const u = URL.parse(value);
  return u ? u.host.toLowerCase() + u.pathname + u.search : '';
}
