// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../src/core/detect';
import {
  MAX_EPISODE_URL,
  canonicalEpisodeUrl,
  episodeIdForUrl,
  seedFromDetection,
} from '../../src/core/episode';

const detection: Detection = { kind: 'episode', platform: null, score: 1, evidence: [] };

describe('an episode known by a very long address', () => {
  const long = `https://player.example/listen/ep-12?state=${'x'.repeat(10_000)}&utm_source=mail#t=60`;

  it('is named by a bounded form, the same for the page and its stored record', () => {
    const canonical = canonicalEpisodeUrl(long);
    expect(canonical.length).toBeLessThanOrEqual(MAX_EPISODE_URL);
    expect(canonical).toBe('https://player.example/listen/ep-12');
    const seed = seedFromDetection(long, 'Episode 12', detection);
    expect(seed.url).toBe(canonical);
    expect(episodeIdForUrl(seed.url)).toBe(episodeIdForUrl(long));
    expect(canonicalEpisodeUrl(canonical)).toBe(canonical);
  });

  it('keeps as much of a long path as fits, without splitting an escape', () => {
    const path = `https://podcast.example/${'%C3%A9'.repeat(1_000)}`;
    const canonical = canonicalEpisodeUrl(path);
    expect(canonical.length).toBeLessThanOrEqual(MAX_EPISODE_URL);
    expect(canonical).toMatch(/^https:\/\/podcast\.example\/(%C3%A9)+$/);
    expect(canonicalEpisodeUrl(canonical)).toBe(canonical);
  });

  it('leaves ordinary addresses as they were named before', () => {
    expect(canonicalEpisodeUrl('https://Podcast.example/ep/3/?utm_source=x&b=2&a=1')).toBe(
      'https://podcast.example/ep/3/?a=1&b=2',
    );
    expect(seedFromDetection('https://podcast.example/ep/3', 't', detection).url).toBe(
      'https://podcast.example/ep/3',
    );
  });
});
