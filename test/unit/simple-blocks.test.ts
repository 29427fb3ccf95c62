/**
 * The template's shortcut past the Markdown parser (src/core/template/simple-blocks.ts): every
 * tree it builds is the tree mdast-util-from-markdown makes of the same text, and it builds
 * one for the presets' pieces, so a preset's first render needs no parse.
 */
import fc from 'fast-check';
import type { Nodes, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { TEMPLATE_PRESETS } from '../../src/core/template/presets';
import { compileTemplate, renderTemplateTree } from '../../src/core/template/render';
import { simpleBlocks } from '../../src/core/template/simple-blocks';
import { referenceEpisode, referenceQuotes } from '../golden/reference-episode';

const RUNS = Math.max(3000, Number(process.env.EARMARK_PROPERTY_RUNS) || 0);

function parsed(source: string): RootContent[] {
  const strip = (node: Nodes): void => {
    delete node.position;
    if ('children' in node) node.children.forEach(strip);
  };
  const tree = fromMarkdown(source);
  strip(tree);
  return tree.children;
}

/** A value's token, as render.ts puts it in the source. */
const T = (n: number) => `\uE000${n}\uE001`;

// Fragments that make the forms the shortcut builds, the ones it must leave to the parser,
// and the characters around which Markdown changes its mind.
const FRAGMENTS = [
  '# ',
  '## ',
  '###### ',
  '####### ',
  '#',
  '> ',
  '>',
  '- ',
  '-',
  '1. ',
  '2) ',
  '\n',
  '\n',
  '\n\n',
  '\n\n',
  '[',
  '](',
  ')',
  '(',
  ']',
  'Text',
  'word ',
  ' ',
  '  ',
  T(0),
  T(1),
  T(12),
  '=',
  '===',
  '---',
  '*',
  '_',
  '!',
  '![',
  '`',
  '<b>',
  '&amp;',
  '&',
  '\\',
  ':',
  ' — ',
  '\t',
  'https://example.com/a?b=c#d',
  '"',
  "'",
  '\u00a0',
  '\u0001',
  'é',
  '😀',
  '~~~',
  '|',
  '+ ',
  '[a]: b',
  '*b*',
  '_b_',
  '**',
  ' "title"',
  '<https://x.y>',
  '\r\n',
  '    ',
  '0',
];

const pieceArb = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 14 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '\n', '#', '>', '-', '[', ']', '(', ')', '1', '.'),
    maxLength: 30,
  }),
);

describe('simpleBlocks', () => {
  it('builds the same tree as the parser, or leaves the text to it', () => {
    let built = 0;
    fc.assert(
      fc.property(pieceArb, (piece) => {
        const blocks = simpleBlocks(piece);
        if (blocks === null) return;
        built += 1;
        expect(blocks).toEqual(parsed(piece));
      }),
      { numRuns: RUNS },
    );
    // The property says something only if the shortcut is taken often.
    expect(built).toBeGreaterThan(RUNS / 10);
  });

  // Logseq's outline nests lists with tabs: the parser reads it (one piece per episode).
  it.each(['overview', 'obsidian', 'plain'] as const)('builds every piece of %s', (id) => {
    const template = compileTemplate(TEMPLATE_PRESETS[id]);
    renderTemplateTree(template, referenceEpisode, referenceQuotes);
    renderTemplateTree(template, { ...referenceEpisode, show: '', sections: [] }, []);
    expect(template.pieces!.size).toBeGreaterThan(0);
    for (const piece of template.pieces!.keys()) {
      const blocks = simpleBlocks(piece);
      expect(blocks, piece).not.toBeNull();
      expect(blocks).toEqual(parsed(piece));
    }
  });

  it('leaves everything else to the parser', () => {
    for (const piece of [
      '*a*',
      'a *b*',
      'a __b__',
      'a_b',
      'a  \nb',
      'a\\',
      '`a`',
      '<b>',
      'a &amp; b',
      '![a](b)',
      '> a\nb',
      '- a\nb',
      '- a\n\n- b',
      '- a\n  b',
      '[a]: b',
      '[a]',
      '[a](b "t")',
      '[a](<b>)',
      '# a #',
      '#a',
      '1. a',
      'a\n===',
      'a\n---',
      '    code',
      ' a',
      'a\n- b',
      'a\n> b',
      '[](b)',
      '[a]()',
      '[a](b c)',
      '[[a]](b)',
      'a\tb',
      '~~~\na\n~~~',
      '- # a',
      '> > a',
      '- ',
    ]) {
      expect(simpleBlocks(piece), piece).toBeNull();
    }
  });
});
