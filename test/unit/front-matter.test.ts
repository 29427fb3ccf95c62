/**
 * Front matter written without the YAML library (src/core/front-matter.ts) is the library's
 * output byte for byte, and reads back as the values; what it can't write goes to the library.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { frontMatterBlock, libraryYaml, simpleYaml } from '../../src/core/front-matter';
import { overviewFrontMatter } from '../../src/core/markdown';
import { TEMPLATE_PRESETS } from '../../src/core/template/presets';
import { compileTemplate, renderTemplateTree } from '../../src/core/template/render';
import { referenceEpisode, referenceQuotes } from '../golden/reference-episode';

const RUNS = Math.max(1000, Number(process.env.EARMARK_PROPERTY_RUNS) || 0);

const keyArb = fc.oneof(
  { arbitrary: fc.constantFrom('title', 'show', 'my key', 'a-b_c', '_x', 'Tags2'), weight: 12 },
  fc.constantFrom('null', 'True', 'yes', 'N', '1', '~'),
  fc.constantFrom('-a', 'a:', 'a #b', ' a', 'a ', 'a  b', '_x', 'é', 'k\n', '[a]', '0x1'),
  fc.string({ maxLength: 8 }),
);
const textArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('', 'no', '2024-01-01', '1:20', '0o7', '---', '"', '\\', '\n\n x', '#', '\u2028'),
);
const valueArb = fc.oneof(
  { arbitrary: textArb, weight: 4 },
  { arbitrary: fc.array(textArb, { maxLength: 4 }), weight: 2 },
  fc.boolean(),
  fc.integer(),
  fc.constantFrom(-0, 1.5, 1e21, Number.MAX_SAFE_INTEGER + 2, null, NaN),
  fc.array(fc.oneof(fc.integer(), fc.boolean()), { minLength: 1, maxLength: 2 }),
  fc.dictionary(fc.constantFrom('x', 'y'), fc.integer(), { maxKeys: 2 }),
);

describe('front matter', () => {
  it('writes what the YAML library writes, or leaves it to the library', () => {
    let written = 0;
    fc.assert(
      fc.property(fc.dictionary(keyArb, valueArb, { maxKeys: 5 }), (values) => {
        const simple = simpleYaml(values);
        if (simple === null) return;
        written += 1;
        expect(simple).toBe(libraryYaml(values));
        expect(parseYaml(simple)).toEqual(values);
      }),
      { numRuns: RUNS },
    );
    // The property says something only if the direct writer is used often.
    expect(written).toBeGreaterThan(RUNS / 10);
  });

  it('writes the overview and the Obsidian note without the library', () => {
    expect(simpleYaml(overviewFrontMatter(referenceEpisode))).not.toBeNull();
    const template = compileTemplate(TEMPLATE_PRESETS.obsidian);
    const { frontMatter } = renderTemplateTree(template, referenceEpisode, referenceQuotes);
    expect(simpleYaml(frontMatter!)).not.toBeNull();
    expect(frontMatterBlock(frontMatter!)).toBe(`---\n${libraryYaml(frontMatter!)}---\n\n`);
  });

  it('leaves keys and values it does not write to the library', () => {
    for (const values of [
      { null: 'a' },
      { yes: 'a' },
      { '1': 'a' },
      { 'a:': 'a' },
      { a: null },
      { a: 1.5 },
      { a: -0 },
      { a: [1] },
      { a: { b: 'c' } },
      {},
    ]) {
      expect(simpleYaml(values), JSON.stringify(values)).toBeNull();
      expect(frontMatterBlock(values)).toBe(`---\n${libraryYaml(values)}---\n\n`);
    }
  });
});
