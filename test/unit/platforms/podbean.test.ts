import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('Podbean', () => {
  it('finds the episode on a show site’s /e/ page, without the show glued to the title', () => {
    const detection = detectSynthetic(
      'podbean-episode.html',
      'https://gardenhour.podbean.com/e/episode-42-soil-and-seeds/',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'podbean' });
    expect(detection.episode).toMatchObject({
      title: 'Episode 42: Soil and Seeds',
      show: 'The Garden Hour',
      feedUrl: 'https://feed.podbean.com/gardenhour/feed.xml',
    });
    expect(detection.evidence).toContain('twitter player card of a podcast host');
  });

  it('knows Podbean’s share pages', () => {
    const detection = detectHtml('<title>x</title>', 'https://www.podbean.com/ew/pb-abcde-12f3a4b');
    expect(detection).toMatchObject({ kind: 'episode', platform: 'podbean' });
  });

  it('calls a show site’s home page a show', () => {
    const detection = detectHtml(
      '<meta property="og:site_name" content="The Garden Hour">',
      'https://gardenhour.podbean.com/',
    );
    expect(detection).toMatchObject({ kind: 'show', episode: { show: 'The Garden Hour' } });
  });
});
