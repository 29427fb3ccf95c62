import type { Platform } from '../model';
import type { Page } from './page';
import { clean, splitPair, withoutShow, withoutSuffix } from './text';
import { finding, type Fields, type PlatformAdapter } from './types';

export interface UrlRules {
  platform: Platform;
  /** Tested against the lower-case host name. */
  host: RegExp;
  /** Tested against `pathname + search`. */
  episode: RegExp;
  show?: RegExp;
  spa?: boolean;
  /** What the platform's markup says; the generic layers fill in the rest. */
  fields?: (page: Page) => Fields;
  /** The show's name on a show page, when the episode fields would not give it. */
  showName?: (page: Page) => string;
}

/**
 * An adapter for a platform whose URLs say what a page is (most podcast hosts): an episode
 * URL is strong evidence, a show URL marks a show page, anything else on the host is left to
 * the generic layers.
 */
export function urlAdapter(rules: UrlRules): PlatformAdapter {
  const { platform, host, episode, show, spa, fields = hostedFields, showName } = rules;
  return {
    platform,
    ...(spa ? { spa } : {}),
    matches: (page) => host.test(page.url.hostname.toLowerCase()),
    read(page) {
      const where = page.url.pathname + page.url.search;
      if (episode.test(where))
        return finding('episode', 0.9, `${platform} episode URL`, fields(page));
      if (show?.test(where)) {
        const name = showName?.(page) || fields(page).show || clean(page.doc.title);
        return finding('show', 0.85, `${platform} show URL`, { title: name, show: name });
      }
      return null;
    },
  };
}

/**
 * Podcast hosts publish one site per show: og:site_name is the show, and the title carries
 * the show name too ("Episode | Show").
 */
export function hostedFields(page: Page): Fields {
  const show = clean(page.meta('og:site_name'));
  const title = clean(page.meta('og:title') || page.doc.title);
  return { title: withoutShow(title, show), show };
}

/**
 * Directory sites title their pages "Episode - Show - Site": the pieces, or the heading and
 * the whole title when the title does not split that way.
 */
export function directoryFields(page: Page, site: RegExp): Fields {
  const title = withoutSuffix(clean(page.meta('og:title') || page.doc.title), site);
  const pair = splitPair(title, ' - ');
  return { title: page.text('h1') || pair?.[0] || title, show: pair?.[1] ?? '' };
}
