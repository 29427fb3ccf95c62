import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('Buzzsprout', () => {
  it('finds the episode, its show, its feed and its file', () => {
    const detection = detectSynthetic(
      'buzzsprout-episode.html',
      'https://www.buzzsprout.com/11234/episodes/15839112-how-we-grew',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'buzzsprout' });
    expect(detection.episode).toMatchObject({
      title: 'How We Grew to 100k Shows',
      show: 'Buzzcast',
      feedUrl: 'https://feeds.buzzsprout.com/11234.rss',
      audioUrl: 'https://www.buzzsprout.com/11234/episodes/15839112-how-we-grew.mp3',
    });
  });

  it('reads the older episode URLs without /episodes/', () => {
    expect(detectHtml('<title>x</title>', 'https://www.buzzsprout.com/11234/15839112').kind).toBe(
      'episode',
    );
  });

  it('calls the show’s page a show', () => {
    expect(detectHtml('<title>Buzzcast</title>', 'https://www.buzzsprout.com/11234').kind).toBe(
      'show',
    );
  });
});
