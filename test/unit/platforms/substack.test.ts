import { describe, expect, it } from 'vitest';
import { readFixture } from '../../support/fixtures';
import { detectPodcastPage } from '../../../src/core/detect';
import { detectSynthetic, parsePage } from './load-page';

describe('Substack', () => {
  it('finds a podcast post on a publication’s own domain', () => {
    const detection = detectSynthetic(
      'substack-podcast-post.html',
      'https://fieldnotes.example/p/episode-8-writing-in-public',
    );
    expect(detection).toMatchObject({ kind: 'episode', platform: 'substack' });
    expect(detection.episode).toMatchObject({
      title: 'Episode 8: Writing in Public',
      show: 'Field Notes',
    });
  });

  it('leaves a written post alone, though it has a feed and the podcast host’s markup', () => {
    const doc = parsePage(readFixture('pages', 'not-podcast-substack.html'));
    const detection = detectPodcastPage(
      doc,
      'https://map.simonsarris.com/p/the-most-precious-resource-is-agency',
    );
    expect(detection).toMatchObject({ kind: 'none', platform: null });
  });
});
