import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('Pocket Casts', () => {
  it('finds the episode on a pca.st share page, with the show its title names', () => {
    const detection = detectSynthetic(
      'pocketcasts-episode.html',
      'https://pca.st/episode/c510a66f-f9c0-45c8-bca2-8c0cc1d5f055',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'pocketcasts' });
    expect(detection.episode).toMatchObject({
      title: 'The Sunday Read: A Long Walk',
      show: 'The Daily',
      audioUrl: 'https://dts.podtrac.com/redirect.mp3/sunday-read.mp3',
    });
  });

  it('knows the web player’s episode URL and its short share links', () => {
    for (const url of [
      'https://play.pocketcasts.com/podcasts/2b1a1b40-0c8c-0133-2d9d-0d11918ab357/c510a66f-f9c0-45c8-bca2-8c0cc1d5f055',
      'https://pca.st/9mjo6ijv',
    ]) {
      expect(detectHtml('<title>An episode</title>', url).kind).toBe('episode');
    }
  });

  it('calls a podcast’s page a show', () => {
    const detection = detectHtml(
      '<title>The Daily - Pocket Casts</title>',
      'https://pca.st/podcast/2b1a1b40-0c8c-0133-2d9d-0d11918ab357',
    );
    expect(detection).toMatchObject({ kind: 'show', platform: 'pocketcasts' });
  });

  it('claims nothing on its other pages', () => {
    expect(detectHtml('<title>Discover</title>', 'https://pocketcasts.com/discover').kind).toBe(
      'none',
    );
  });
});
