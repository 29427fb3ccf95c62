import { describe, expect, it } from 'vitest';
import { detectHtml, detectSynthetic } from './load-page';

describe('Listen Notes', () => {
  it('splits "Episode - Show - Listen Notes" and keeps its audio link', () => {
    const detection = detectSynthetic(
      'listennotes-episode.html',
      'https://www.listennotes.com/podcasts/tech-tonic/inside-the-chip-shortage-9f8e7d6c5b4a/',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'listennotes' });
    expect(detection.episode).toMatchObject({
      title: 'Inside the Chip Shortage',
      show: 'Tech Tonic',
      audioUrl: 'https://www.listennotes.com/e/p/9f8e7d6c5b4a/',
    });
  });

  it('calls a podcast’s page, one segment under /podcasts/, a show', () => {
    const detection = detectHtml(
      '<title>Tech Tonic - Listen Notes</title>',
      'https://www.listennotes.com/podcasts/tech-tonic-2yFcN4IQrtc/',
    );
    expect(detection.kind).toBe('show');
  });
});
