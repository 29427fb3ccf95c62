import { EPISODE_ADDRESSES } from './addresses';
import { urlAdapter } from './adapter';

/**
 * podcasts.apple.com: `/podcast/<slug>/id<show>?i=<episode>` is an episode, without `i` the
 * show. The live heading and show link come first (the app navigates without reloading);
 * the `schema:episode` JSON-LD fills in dates and duration.
 */
export const apple = urlAdapter({
  platform: 'apple',
  ...EPISODE_ADDRESSES.apple,
  show: /\/podcast\/(.+\/)?id\d+/,
  spa: true,
  // A show page's heading is the show; its first show link may be a recommendation.
  showName: (page) => page.text('h1'),
  fields: (page) => ({
    // The 2023 design's h1 also holds the show name in a second span.
    title: page.text('.headings__title, .product-header__title') || page.text('h1'),
    show: page.text(
      '.headings__subtitles a, .product-header__identity a, a[href*="/podcast/"]:not([href*="i="])',
    ),
  }),
});
