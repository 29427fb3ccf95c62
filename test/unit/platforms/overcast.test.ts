import { describe, expect, it } from 'vitest';
import { detectHtml } from './load-page';

describe('Overcast', () => {
  it('takes /+ID for an episode, also with a moment after it', () => {
    const html = `<meta property="og:title" content="An Episode — A Show">`;
    const detection = detectHtml(html, 'https://overcast.fm/+5K6jP2BDE/1:02:05');
    expect(detection).toMatchObject({
      kind: 'episode',
      platform: 'overcast',
      episode: { title: 'An Episode', show: 'A Show' },
    });
  });

  it('takes an iTunes-id page for a show', () => {
    expect(detectHtml('<title>x</title>', 'https://overcast.fm/itunes1234567/a-show').kind).toBe(
      'show',
    );
  });
});
