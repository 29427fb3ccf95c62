import browser from 'webextension-polyfill';
import type { PageKind } from '../core/detect';

/**
 * The toolbar icon says what the page is: a podcast episode (with the number of quotes saved
 * for it) or nothing. Media pages that are not known podcasts get no claim.
 */
export async function showBadge(tabId: number, kind: PageKind, quoteCount: number): Promise<void> {
  const episode = kind === 'episode';
  const text = episode ? (quoteCount > 0 ? String(quoteCount) : '•') : '';
  const title = episode
    ? browser.i18n.getMessage('badgeEpisode', [String(quoteCount)])
    : browser.i18n.getMessage('actionTitle');
  await Promise.all([
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setBadgeBackgroundColor({ tabId, color: '#7c3aed' }),
    browser.action.setTitle({ tabId, title }),
  ]);
}
