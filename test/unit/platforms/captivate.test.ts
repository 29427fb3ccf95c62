import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('Captivate', () => {
  it('finds the episode on a captivate.fm show site', () => {
    const detection = detectSynthetic(
      'captivate-episode.html',
      'https://indiehour.captivate.fm/episode/pricing-your-first-product',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'captivate' });
    expect(detection.episode).toMatchObject({
      title: 'Pricing Your First Product',
      show: 'The Indie Hour',
      feedUrl: 'https://feeds.captivate.fm/indie-hour/',
    });
  });

  it('calls the site’s home page a show, and leaves the player host alone', () => {
    expect(detectHtml('<title>x</title>', 'https://indiehour.captivate.fm/').kind).toBe('show');
    expect(
      detectHtml('<title>x</title>', 'https://player.captivate.fm/episode/x').platform,
    ).toBeNull();
  });
});
