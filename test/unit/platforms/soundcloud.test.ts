import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('SoundCloud', () => {
  it('takes a track filed under the podcast genre for an episode of its uploader', () => {
    const detection = detectSynthetic(
      'soundcloud-podcast-track.html',
      'https://soundcloud.com/makers-radio/episode-3-building-in-public',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'soundcloud' });
    expect(detection.episode).toMatchObject({
      title: 'Episode 3 - Building in Public',
      show: 'Makers Radio',
    });
  });

  it('claims nothing on its own pages that are not tracks', () => {
    expect(detectHtml('<title>x</title>', 'https://soundcloud.com/discover/sets/x').kind).toBe(
      'none',
    );
    expect(detectHtml('<title>x</title>', 'https://soundcloud.com/makers-radio').kind).toBe('none');
  });
});
