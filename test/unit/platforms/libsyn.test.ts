import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('Libsyn', () => {
  it('finds the episode on a show site, with its embedded player and feed', () => {
    const detection = detectSynthetic(
      'libsyn-episode.html',
      'https://sscpodcast.libsyn.com/the-goddess-of-everything-else',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'libsyn' });
    expect(detection.episode).toMatchObject({
      title: 'The Goddess of Everything Else',
      show: 'Slate Star Codex Podcast',
      feedUrl: 'https://sscpodcast.libsyn.com/rss',
    });
    expect(detection.evidence).toContain('embedded episode player (html5-player.libsyn.com)');
  });

  it('does not take the feed or a page of the archive for an episode', () => {
    expect(detectHtml('<title>x</title>', 'https://sscpodcast.libsyn.com/rss').kind).toBe('none');
    expect(detectHtml('<title>x</title>', 'https://sscpodcast.libsyn.com/page/2').kind).toBe(
      'show',
    );
  });
});
