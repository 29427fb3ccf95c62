import browser from 'webextension-polyfill';
import type { PageKind } from '../core/detect';

const EPISODE_COLOR = '#7c3aed';
/** A page that is not an episode: the same count, in a colour that claims nothing. */
const PAGE_COLOR = '#6b7280';

/**
 * The toolbar icon says what the page is: a podcast episode (a dot, then the number of quotes
 * saved for it), a page the person saved quotes from that is not an episode (the number, and
 * a title that says "page", issue 20), or nothing. Media pages that are not known podcasts
 * get no claim.
 */
export async function showBadge(tabId: number, kind: PageKind, quoteCount: number): Promise<void> {
  const episode = kind === 'episode';
  const text = quoteCount > 0 ? String(quoteCount) : episode ? '•' : '';
  const title = episode
    ? browser.i18n.getMessage('badgeEpisode', [String(quoteCount)])
    : quoteCount > 0
      ? browser.i18n.getMessage('badgePage', [String(quoteCount)])
      : browser.i18n.getMessage('actionTitle');
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: episode ? EPISODE_COLOR : PAGE_COLOR }),
    browser.action.setTitle({ tabId, title }),
  ]);
}
