import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('Podchaser', () => {
  it('splits "Episode - Show - Podchaser" into episode and show', () => {
    const detection = detectSynthetic(
      'podchaser-episode.html',
      'https://www.podchaser.com/podcasts/the-science-hour-12345/episodes/why-sleep-matters-67890',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'podchaser' });
    expect(detection.episode).toMatchObject({
      title: 'Why Sleep Matters',
      show: 'The Science Hour',
    });
  });

  it('calls a podcast’s page a show', () => {
    const detection = detectHtml(
      '<title>The Science Hour - Podchaser</title>',
      'https://www.podchaser.com/podcasts/the-science-hour-12345',
    );
    expect(detection.kind).toBe('show');
  });
});
