import { saysPodcast, videoTitle } from './youtube';
import { finding, type PlatformAdapter } from './types';

/**
 * music.youtube.com: `/podcast/<id>` is a podcast episode; a `/watch` page plays music
 * unless it says podcast.
 */
export const youtubeMusic: PlatformAdapter = {
  platform: 'youtube-music',
  spa: true,
  matches: (page) => page.host === 'music.youtube.com',
  read(page) {
    const path = page.url.pathname;
    const fields = {
      title: videoTitle(page, / - YouTube Music$/),
      show: page.text('ytmusic-player-bar .byline a, .byline a'),
      audioUrl: null,
    };
    if (/^\/podcast\/[\w-]+/.test(path)) {
      return finding('episode', 0.9, 'youtube music podcast URL', fields);
    }
    if (path !== '/watch') return null;
    return saysPodcast(page)
      ? finding('episode', 0.7, 'youtube music video that says podcast', fields)
      : finding('media', 0.8, 'youtube music video', fields);
  },
};
