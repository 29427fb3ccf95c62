import { describe, expect, it } from 'vitest';
import { detectHtml } from './load-page';

describe('Apple Podcasts', () => {
  it('takes a URL with ?i= for an episode and one without for the show', () => {
    const html = '<main><h1>Product Thinking</h1></main>';
    expect(
      detectHtml(html, 'https://podcasts.apple.com/us/podcast/x/id1550800132?i=1000730770603'),
    ).toMatchObject({ kind: 'episode', platform: 'apple' });
    expect(
      detectHtml(html, 'https://podcasts.apple.com/us/podcast/product-thinking/id1550800132'),
    ).toMatchObject({ kind: 'show', platform: 'apple' });
  });

  it('names the show from its link, not "Apple Podcasts" from og:site_name', () => {
    const detection = detectHtml(
      `<meta property="og:site_name" content="Apple Podcasts">
       <h1 class="headings__title">Episode 1</h1>
       <div class="headings__subtitles"><a href="https://podcasts.apple.com/us/podcast/show/id1">The Show</a></div>`,
      'https://podcasts.apple.com/us/podcast/episode-1/id1?i=2',
    );
    expect(detection.episode).toMatchObject({ title: 'Episode 1', show: 'The Show' });
  });
});
