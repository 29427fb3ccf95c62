import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('episode players embedded in a show’s own site (issue 20)', () => {
  it('finds a player a website builder placed through an embed service’s iframe', () => {
    // Synthetic page: see its comment and test/fixtures/pages/README.md.
    const detection = detectSynthetic(
      'squarespace-embedly-episode.html',
      'https://www.rootsandshoots.example/blog/gardening-in-small-spaces',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'generic' });
    expect(detection.evidence).toContain('embedded episode player (player.simplecast.com)');
    expect(detection.episode).toMatchObject({
      title: 'Ep. 14: Gardening in small spaces',
      show: 'Roots & Shoots',
    });
  });

  it('finds a player whose address a lazy embed keeps in data-src until it scrolls into view', () => {
    const detection = detectHtml(
      `<title>Our chat with Ana</title>
       <iframe data-src="https://open.spotify.com/embed/episode/4rOoJ6Egrf8K2IrywzwOMk"></iframe>`,
      'https://blog.example/posts/ana',
    );
    expect(detection.kind).toBe('episode');
    expect(detection.evidence).toContain('embedded episode player (open.spotify.com)');
  });

  it('does not take an embed service’s video or a non-podcast address for a podcast player', () => {
    const detection = detectHtml(
      `<title>A video post</title>
       <iframe src="https://cdn.embedly.com/widgets/media.html?src=https%3A%2F%2Fwww.youtube.com%2Fembed%2Fabc&url=javascript%3Aalert(1)"></iframe>`,
      'https://blog.example/posts/video',
    );
    expect(detection.evidence.join(' ')).not.toContain('embedded episode player');
  });
});
