/**
 * Rich text (issue 14): the HTML made from an export's tree reads back, in a DOM, as the same
 * headings, quotes and links, and any text a page or a person wrote is text in it, never an
 * element or an attribute.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { overviewTree } from '../../src/core/markdown';
import { treeToHtml } from '../../src/core/rich-text';
import { TEMPLATE_PRESETS } from '../../src/core/template/presets';
import { compileTemplate, renderTemplateTree } from '../../src/core/template/render';
import { referenceEpisode, referenceQuotes } from '../golden/reference-episode';
import { episodeArb, quotesArb } from './hostile-episode';

const ALLOWED = new Set([
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'P',
  'A',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'BR',
  'HR',
  'EM',
  'STRONG',
  'CODE',
  'PRE',
]);

function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
}

describe('treeToHtml', () => {
  it('gives the reference overview its headings, quotes and links', () => {
    const doc = parseHtml(treeToHtml(overviewTree(referenceEpisode, referenceQuotes)));
    const headings = [...doc.querySelectorAll('h1, h2')].map((h) => h.textContent);
    expect(headings).toEqual([
      'Podcast Episode Overview: What Machine Learning Engineers need to Know',
      'Participants',
      'What are MLEs',
      'Domain expertise',
      'Role of uncertainty',
      'Pipeline maturity',
      'My 2 cents',
      'Quotes',
      'References',
    ]);
    expect(doc.querySelectorAll('blockquote')).toHaveLength(7);
    expect(doc.querySelector('blockquote')?.textContent).toContain('— Ben Lorica (4:10)');
    const links = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toContain(
      'https://www.oreilly.com/radar/podcast/what-machine-learning-engineers-need-to-know/#t=250',
    );
  });

  it('holds hostile text as text: only the elements of the tree, links to web addresses', () => {
    const template = compileTemplate(TEMPLATE_PRESETS.obsidian);
    fc.assert(
      fc.property(episodeArb, quotesArb, (episode, quotes) => {
        for (const tree of [
          overviewTree(episode, quotes),
          renderTemplateTree(template, episode, quotes).tree,
        ]) {
          const doc = parseHtml(treeToHtml(tree));
          for (const element of doc.body.querySelectorAll('*')) {
            expect(ALLOWED.has(element.tagName), element.tagName).toBe(true);
            for (const attribute of element.getAttributeNames()) expect(attribute).toBe('href');
            const href = element.getAttribute('href');
            if (href !== null) expect(href).toMatch(/^https?:\/\//);
          }
        }
      }),
      { numRuns: 200 },
    );
  }, 600_000);
});
