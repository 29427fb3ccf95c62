import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('Simplecast', () => {
  it('finds the episode on a simplecast.com show site', () => {
    const detection = detectSynthetic(
      'simplecast-episode.html',
      'https://designdetails.simplecast.com/episodes/designing-for-trust',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'simplecast' });
    expect(detection.episode).toMatchObject({
      title: 'Designing for Trust',
      show: 'Design Details',
      feedUrl: 'https://feeds.simplecast.com/abc123',
    });
  });

  it('leaves its player and feed hosts alone: they are not show sites', () => {
    expect(
      detectHtml('<title>x</title>', 'https://player.simplecast.com/episodes/x').platform,
    ).not.toBe('simplecast');
  });

  it('calls a show site’s home page a show', () => {
    expect(detectHtml('<title>x</title>', 'https://designdetails.simplecast.com/').kind).toBe(
      'show',
    );
  });
});
