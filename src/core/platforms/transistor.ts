import { EPISODE_ADDRESSES } from './addresses';
import type { DetectedEpisode } from './types';
import { parseClock } from '../time';
import { urlAdapter, hostedFields } from './adapter';
import { toIsoDate } from './dates';
import type { Page } from './page';
import { clean, roleOf } from './text';
import { transistorEmbedFields } from './transistor-embed';

/**
 * Transistor: share pages (`share.transistor.fm/s/<id>`), embed pages (`/e/<id>`, read from
 * their player's data: transistor-embed.ts) and show sites (`<show>.transistor.fm/episodes/
 * <slug>`). og:title reads "Show | Episode"; the page names its creators and guests with
 * their roles.
 */
export const transistor = urlAdapter({
  platform: 'transistor',
  ...EPISODE_ADDRESSES.transistor,
  show: /^\/?$/,
  spa: true,
  fields: (page) => {
    const embed = transistorEmbedFields(page);
    if (embed) return embed;
    const hosted = hostedFields(page);
    const metadata = [...page.doc.querySelectorAll('.site-episode-metadata > *')].slice(0, 8);
    const clock = metadata.map((el) => el.textContent ?? '').find((t) => /\d:\d\d/.test(t));
    return {
      title: page.text('.site-episode-title') || hosted.title,
      show: hosted.show,
      publishedAt: toIsoDate(page.text('.site-episode-metadata time'), page.lang),
      durationSec: clock ? (parseClock(clock) ?? undefined) : undefined,
      participants: people(page),
    };
  },
});

function people(page: Page): DetectedEpisode['participants'] {
  const list = [...page.doc.querySelectorAll('.site-person')].slice(0, 20).map((el) => {
    const name = clean(el.querySelector('.site-person-name')?.textContent);
    const role = roleOf(clean(el.querySelector('.site-person-role')?.textContent));
    return role ? { name, role } : { name };
  });
  const named = list.filter((p) => p.name);
  return named.length ? named : undefined;
}
