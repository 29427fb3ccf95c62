// @vitest-environment node
/**
 * Golden files: the reference overview's episode (test/fixtures/real/reference/episode-overview-example.txt)
 * rebuilt as data, rendered, and compared byte for byte with files reviewed by eye and
 * committed under test/golden/. A change to the output must change those files in the same
 * commit, where a reviewer sees it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderOverviewMarkdown } from '../../src/core/markdown';
import { referenceEpisode, referenceQuotes } from '../golden/reference-episode';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../golden');
const golden = (name: string): string => readFileSync(join(GOLDEN_DIR, name), 'utf8');

describe('the episode overview of the reference example', () => {
  it('renders in the reference shape by default', () => {
    expect(renderOverviewMarkdown(referenceEpisode, referenceQuotes)).toBe(
      golden('episode-overview.md'),
    );
  });

  it('renders for a note-taking app: front matter, quotes by speaker, one level down, no prefix', () => {
    const episode = { ...referenceEpisode, publishedAt: '2019-05-30' };
    const markdown = renderOverviewMarkdown(episode, referenceQuotes, {
      frontMatter: true,
      quoteGrouping: 'speaker',
      headingOffset: 1,
      titlePrefix: '',
    });
    expect(markdown).toBe(golden('episode-overview-obsidian.md'));
  });
});
