import { EPISODE_ADDRESSES } from './addresses';
import { urlAdapter, hostedFields } from './adapter';
import { clean, withoutSuffix } from './text';

/** Castbox: `/episode/<title>-id<show>-id<episode>` and `/channel/<title>-id<show>`. */
export const castbox = urlAdapter({
  platform: 'castbox',
  ...EPISODE_ADDRESSES.castbox,
  show: /^\/channel\/.+-id\d+/,
  fields: (page) => {
    const hosted = hostedFields(page);
    return {
      title: withoutSuffix(hosted.title ?? '', /\s*[|-]\s*Castbox.*$/i),
      show: page.text('.ep-item-podcast a, .podcast-title, a[href^="/channel/"]'),
      audioUrl: page.href(clean(page.meta('og:audio'))),
    };
  },
});
