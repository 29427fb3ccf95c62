import { describe, expect, it } from 'vitest';
import { detectHtml } from './load-page';

describe('Transistor', () => {
  it('takes an episode of a show site for an episode, without the show in its title', () => {
    const detection = detectHtml(
      `<meta property="og:site_name" content="Build Your SaaS">
       <meta property="og:title" content="Build Your SaaS | Pricing lessons">`,
      'https://buildyoursaas.transistor.fm/episodes/pricing-lessons',
    );
    expect(detection).toMatchObject({
      kind: 'episode',
      platform: 'transistor',
      episode: { title: 'Pricing lessons', show: 'Build Your SaaS' },
    });
  });

  it('takes a show site’s home page for the show', () => {
    expect(detectHtml('<title>x</title>', 'https://buildyoursaas.transistor.fm/').kind).toBe(
      'show',
    );
  });
});
