import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('WordPress podcast plugins', () => {
  it('finds a PowerPress episode post with its download link and podcast feed', () => {
    const detection = detectSynthetic(
      'wordpress-powerpress-episode.html',
      'https://growlocal.example/2024/04/episode-12-composting-at-home/',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'generic' });
    expect(detection.evidence).toContain('powerpress player');
    expect(detection.episode).toMatchObject({
      title: 'Episode 12: Composting at Home',
      show: 'Grow Local',
      feedUrl: 'https://growlocal.example/feed/podcast/',
      audioUrl: 'https://media.blubrry.com/growlocal/growlocal.example/wp-content/uploads/ep12.mp3',
      publishedAt: '2024-04-02T08:00:00+00:00',
    });
  });

  it('finds a Seriously Simple Podcasting episode with its duration', () => {
    const detection = detectSynthetic(
      'wordpress-ssp-episode.html',
      'https://railtalk.example/podcast/talking-trains-with-ada/',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'generic' });
    expect(detection.evidence).toContain('seriously simple podcasting player');
    expect(detection.episode).toMatchObject({
      title: 'Talking Trains with Ada',
      show: 'Rail Talk',
      durationSec: 33 * 60 + 6,
      audioUrl: 'https://railtalk.example/podcast-download/311/talking-trains.mp3',
    });
  });

  it('does not look for plugin markup on a site that is not WordPress', () => {
    const detection = detectHtml(
      '<div class="powerpress_player"></div><title>A post</title>',
      'https://static.example/a-post',
    );
    expect(detection.kind).toBe('none');
  });
});
