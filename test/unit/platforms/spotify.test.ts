import { describe, expect, it } from 'vitest';
import { detectPodcastPage } from '../../../src/core/detect';
import { readFixture } from '../../support/fixtures';
import { detectHtml, parsePage } from './load-page';

const EPISODE = 'https://open.spotify.com/episode/64TORH3xleuD1wcnFsrH1E';

describe('Spotify', () => {
  it('reads the live episode heading and show link of the page', () => {
    const detection = detectPodcastPage(
      parsePage(readFixture('pages', 'spotify-episode.html')),
      EPISODE,
    );
    expect(detection.episode).toMatchObject({
      title: 'Hasty Treat - Modules in Node',
      show: 'Syntax - Tasty Web Development Treats',
    });
  });

  it('after navigating in the app, ignores the meta tags of the episode it left', () => {
    // The app moved to another episode: the live page changed, the meta tags did not.
    const doc = parsePage(readFixture('pages', 'spotify-episode.html'));
    doc.querySelector('main [data-testid="episodeTitle"]')!.textContent = 'Another Episode';
    doc.querySelector('main [data-testid="showTitle"]')!.textContent = 'Another Show';
    const detection = detectPodcastPage(
      doc,
      'https://open.spotify.com/episode/0000000000000000000001',
    );
    expect(detection.kind).toBe('episode');
    expect(detection.evidence).toContain('stale metadata ignored');
    expect(detection.episode).toMatchObject({ title: 'Another Episode', show: 'Another Show' });
    // Duration and date belonged to the previous episode: better none than wrong.
    expect(detection.episode?.durationSec).toBeUndefined();
    expect(detection.episode?.publishedAt).toBeUndefined();
  });

  it('reads its localised URLs', () => {
    expect(
      detectHtml('<title>x</title>', 'https://open.spotify.com/intl-de/episode/abc').kind,
    ).toBe('episode');
  });

  it('calls a show page a show and a song page media', () => {
    const show = detectHtml(
      '<main><h1>Syntax</h1></main>',
      'https://open.spotify.com/show/4kYCRYJ3yK5DQbP5tbfZby',
    );
    expect(show).toMatchObject({ kind: 'show', episode: { title: 'Syntax', show: 'Syntax' } });
    expect(detectHtml('<title>x</title>', 'https://open.spotify.com/track/abc').kind).toBe('media');
  });
});
