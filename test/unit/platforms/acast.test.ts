import { describe, expect, it } from 'vitest';
import { detectHtml } from './load-page';

describe('Acast', () => {
  it('knows the shows.acast.com episode URLs too', () => {
    const detection = detectHtml(
      '<title>Caffeine | Say Why To Drugs on Acast</title>',
      'https://shows.acast.com/saywhytodrugs/episodes/caffeine',
    );
    expect(detection).toMatchObject({
      kind: 'episode',
      platform: 'acast',
      episode: { title: 'Caffeine', show: 'Say Why To Drugs' },
    });
  });

  it('takes a show’s page for the show', () => {
    expect(detectHtml('<title>x</title>', 'https://play.acast.com/s/saywhytodrugs').kind).toBe(
      'show',
    );
  });
});
