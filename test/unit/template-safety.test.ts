/**
 * The safety property of the export, for every template (issue 14): whatever a page or a
 * person wrote, rendered through any preset or a generated template of one's own, the
 * Markdown parsed back is the tree the template built (so no value became structure), holds
 * no HTML or image, links only to the episode, its moments and its references, and its front
 * matter parses back to the values. And the blocks a template makes do not change when every
 * one-line value is replaced by a plain word.
 */
import fc from 'fast-check';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { deepLink } from '../../src/core/deeplink';
import { normaliseLine } from '../../src/core/markdown';
import type { Episode, Quote } from '../../src/core/model';
import { TEMPLATE_PRESETS, TEMPLATE_PRESET_IDS } from '../../src/core/template/presets';
import {
  compileTemplate,
  renderTemplate,
  renderTemplateTree,
  type CompiledTemplate,
} from '../../src/core/template/render';
import { TemplateError } from '../../src/core/template/syntax';
import { webHref } from '../../src/core/web-url';
import { makeEpisode, makeQuote } from '../support/records';
import { episodeArb, quotesArb } from './hostile-episode';

const RUNS = Math.max(300, Number(process.env.EARMARK_PROPERTY_RUNS) || 0);

function parse(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [frontmatter(['yaml'])],
    mdastExtensions: [frontmatterFromMarkdown(['yaml'])],
  });
}

function* walk(node: Nodes): Generator<Nodes> {
  yield node;
  if ('children' in node) for (const child of node.children) yield* walk(child);
}

/** What a tree means to a reader: types, text, heading depth, link target. */
function meaning(node: Nodes): unknown {
  if (node.type === 'text') return node.value;
  if (node.type === 'break') return '\n';
  const children: unknown[] = [];
  if ('children' in node) {
    for (const child of node.children.map(meaning)) {
      const last = children[children.length - 1];
      if (typeof child === 'string' && typeof last === 'string')
        children[children.length - 1] = last + child;
      else children.push(child);
    }
  }
  if (node.type === 'heading') return { h: node.depth, children };
  if (node.type === 'link') return { link: node.url, children };
  if (node.type === 'list') return { list: Boolean(node.ordered), children };
  return { [node.type]: children };
}

/** The blocks alone, without their text: what a value must never change. */
function skeleton(node: Nodes): unknown {
  if (node.type === 'text' || node.type === 'break') return null;
  const children = 'children' in node ? node.children.map(skeleton).filter((c) => c !== null) : [];
  return { [node.type]: children };
}

function allowedLinks(episode: Episode, quotes: readonly Quote[]): Set<string> {
  const allowed = new Set<string>();
  const href = webHref(episode.url);
  if (href) allowed.add(href);
  for (const q of quotes) {
    if (q.timeSec !== null) {
      const moment = webHref(deepLink(episode, q.timeSec));
      if (moment) allowed.add(moment);
    }
  }
  for (const r of episode.references) {
    const ref = webHref(r.url);
    if (ref) allowed.add(ref);
  }
  return allowed;
}

/**
 * Next to emphasis a template wrote, mdast-util-to-markdown writes a control character as a
 * character reference, which parsers read as U+FFFD: the text stays text, an invisible
 * character is replaced. Only the custom-template property allows for it.
 */
const controlsAsReplacement = (value: unknown): string =>
  JSON.stringify(value).replace(/\\u00(?:0[0-8bcefBCEF]|1[0-9a-fA-F])|\uFFFD/g, '\uFFFD');

function expectSafe(
  template: CompiledTemplate,
  episode: Episode,
  quotes: Quote[],
  sameText: (a: unknown, b: unknown) => void = (a, b) => expect(a).toEqual(b),
): void {
  const { frontMatter, tree } = renderTemplateTree(template, episode, quotes);
  const markdown = renderTemplate(template, episode, quotes);
  const parsed = parse(markdown);
  const body = { ...parsed, children: parsed.children.filter((n) => n.type !== 'yaml') };
  sameText(meaning(body), meaning(tree));
  const allowed = allowedLinks(episode, quotes);
  for (const node of walk(parsed)) {
    expect(['html', 'image', 'imageReference', 'definition']).not.toContain(node.type);
    if (node.type === 'link') expect(allowed.has(node.url), node.url).toBe(true);
  }
  const yaml = parsed.children.find((n) => n.type === 'yaml');
  if (frontMatter && Object.keys(frontMatter).length > 0) {
    expect(yaml && 'value' in yaml ? parseYaml(yaml.value) : null).toEqual(frontMatter);
  } else {
    expect(yaml).toBeUndefined();
  }
}

/**
 * A render parses its expanded source in pieces, each piece once per template (render.ts,
 * `parseBody`): the tree is the one a parse of the whole source makes.
 */
function expectSameAsWholeParse(
  source: string,
  template: CompiledTemplate,
  episode: Episode,
  quotes: Quote[],
): void {
  const whole = compileTemplate(source, { wholeParse: true });
  expect(renderTemplateTree(template, episode, quotes)).toEqual(
    renderTemplateTree(whole, episode, quotes),
  );
}

/** Every one-line field as a plain word: blocks built from notes stay as they are. */
function plainLines(episode: Episode, quotes: Quote[]): [Episode, Quote[]] {
  // An empty field stays empty: the template may leave out what is empty, or say "Untitled".
  const word = (value: string, plain: string) => (normaliseLine(value) === '' ? value : plain);
  return [
    {
      ...episode,
      title: word(episode.title, 'Title'),
      show: word(episode.show, 'Show'),
      participants: episode.participants.map((p) => ({ ...p, name: word(p.name, 'Name') })),
      sections: episode.sections.map((s) => ({ ...s, heading: word(s.heading, 'Heading') })),
      references: episode.references.map((r) => ({ ...r, title: word(r.title, 'Reference') })),
      tags: episode.tags.map((t) => word(t, 'tag')),
    },
    quotes.map((q) => ({ ...q, text: word(q.text, 'Words') })),
  ];
}

// A template of one's own: Markdown pieces, values and sections in any order.
// No emphasis markers: around values that change which side a marker flanks,
// mdast-util-to-markdown (which writes trees with emphasis) can lose the template's own
// emphasis (`_**{{name}}***` with some names comes back with `__` as text). The values stay
// text there too, but the tree does not round-trip; known, left for a follow-up.
const MARKDOWN_PIECES = [
  '# ',
  '## ',
  '> ',
  '- ',
  '1. ',
  '\n',
  '\n',
  '\n\n',
  '\n\n',
  '[',
  '](',
  ')',
  '`',
  'Text ',
  ': ',
  ' — ',
  '\t',
  '    ',
  '---\n',
  '***',
  '|',
  '<',
  '&amp;',
];
const VALUES = [
  '{{title}}',
  '{{show}}',
  '{{url}}',
  '{{date}}',
  '{{summary}}',
  '{{twoCents}}',
  '{{earmarkId}}',
];
const QUOTE_VALUES = [
  '{{text}}',
  '{{speaker}}',
  '{{time}}',
  '{{timeLink}}',
  '{{note}}',
  '{{section}}',
];

const piece = (values: string[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...MARKDOWN_PIECES), weight: 3 },
    { arbitrary: fc.constantFrom(...values), weight: 2 },
  );
const run = (values: string[]) => fc.array(piece(values), { maxLength: 8 }).map((p) => p.join(''));
const customTemplate = fc
  .array(
    fc.oneof(
      run(VALUES),
      run([...VALUES, ...QUOTE_VALUES]).map((body) => `{{#quotes}}\n${body}\n{{/quotes}}\n`),
      run(['{{name}}', '{{role}}', ...VALUES]).map((b) => `{{#participants}}${b}{{/participants}}`),
      run(['{{heading}}', '{{notes}}']).map((b) => `{{#sections}}\n${b}\n{{/sections}}`),
      run(['{{title}}', '{{url}}']).map((b) => `{{#references}}${b}{{/references}}`),
      run(VALUES).map((b) => `{{^hasQuotes}}${b}{{/hasQuotes}}`),
    ),
    { minLength: 1, maxLength: 5 },
  )
  .map((parts) => parts.join(''));

describe('every template, for any text a page or a person supplies', () => {
  it.each(TEMPLATE_PRESET_IDS)(
    'the %s preset writes values as text only',
    (id) => {
      const template = compileTemplate(TEMPLATE_PRESETS[id]);
      fc.assert(
        fc.property(episodeArb, quotesArb, (episode, quotes) => {
          expectSafe(template, episode, quotes);
          expectSameAsWholeParse(TEMPLATE_PRESETS[id], template, episode, quotes);
          const [plainEpisode, plainQuotes] = plainLines(episode, quotes);
          expect(skeleton(renderTemplateTree(template, episode, quotes).tree)).toEqual(
            skeleton(renderTemplateTree(template, plainEpisode, plainQuotes).tree),
          );
        }),
        { numRuns: RUNS },
      );
    },
    600_000,
  );

  it('writes a noncharacter the same everywhere: beside emphasis too (found by the property)', () => {
    // U+FFFE next to a template's `***` was written as a character reference (read back as
    // U+FFFD) and elsewhere as itself; cleanText makes every noncharacter U+FFFD.
    const episode = makeEpisode('ep', {
      url: 'http://a.aa',
      title: '',
      publishedAt: '\uFFFE',
      createdAt: '2024-05-01T00:00:00.000Z',
      updatedAt: '2024-05-01T00:00:00.000Z',
      participants: [
        { id: 'p0', name: '', role: 'host' as const },
        { id: 'p1', name: '', role: 'host' as const },
      ],
    });
    const template = compileTemplate('{{#participants}}{{date}}***{{/participants}}');
    expectSafe(template, episode, []);
  });

  it('writes a lone `-` on the line after another as text (found by the property)', () => {
    // An indented code block sends the tree to mdast-util-to-markdown, whose patterns escaped only the
    // first of two such lines: the second made the paragraph a setext heading.
    const episode = makeEpisode('ep', {
      url: '',
      title: '',
      participants: [{ id: 'p0', name: '', role: 'host' as const }],
      references: [{ title: '', url: 'https://example.com/episode?id=1&t=2' }],
      createdAt: '2024-05-01T00:00:00.000Z',
      updatedAt: '2024-05-01T00:00:00.000Z',
    });
    const quote = makeQuote('q', 'ep', { text: '', timeSec: null, order: 0 });
    const template = compileTemplate(
      '{{#references}}    {{/references}}' +
        '{{#participants}}{{name}}\n\n- {{/participants}}{{#quotes}}\n{{timeLink}}- \n{{/quotes}}\n',
    );
    expectSafe(template, episode, [quote]);
  });

  it('ends a paragraph without a line break when only white space came after it (found by the property)', () => {
    // "Text" and two spaces make a hard break; the empty value after it left nothing on the
    // last line, and a break that ends a paragraph is written as a backslash a reader sees.
    const episode = makeEpisode('ep', {
      url: 'https://example.com/episode?id=1&t=2',
      createdAt: '2024-05-01T00:00:00.000Z',
      updatedAt: '2024-05-01T00:00:00.000Z',
    });
    const quotes = ['a', 'b'].map((id) => makeQuote(id, 'ep', { text: '', timeSec: null }));
    const template = compileTemplate(
      '{{#quotes}}\nText     \n{{/quotes}}\n{{#quotes}}\n{{section}}\n{{/quotes}}\n',
    );
    expectSafe(template, episode, quotes);
    expect(renderTemplate(template, episode, quotes)).toBe('Text\\\nText\n');
  });

  it('writes nested emphasis and neighbouring code spans as a reader sees them (found by the property)', () => {
    // A loop that repeats `***` nests italic in bold in italic, and one that repeats a code
    // span puts two side by side: written as they were, both read back as something else.
    const participants = [0, 1, 2, 3].map((i) => ({
      id: `p${i}`,
      name: '',
      role: 'host' as const,
    }));
    const episode = makeEpisode('ep', {
      url: '',
      participants,
      createdAt: '2024-05-01T00:00:00.000Z',
      updatedAt: '2024-05-01T00:00:00.000Z',
    });
    const nested = compileTemplate(
      '{{#participants}}***{{date}}&amp;{{/participants}}{{#participants}}***{{/participants}}',
    );
    expectSafe(nested, episode, []);
    expect(renderTemplate(nested, episode, [])).toBe('_**&&&&**_\n');
    const spans = compileTemplate('{{#participants}}[]()`{{/participants}}');
    expectSafe(spans, episode, []);
    expect(renderTemplate(spans, episode, [])).toBe('`[]()[]()`\n');
  });

  it('cuts a date to its day without splitting a character in two (found by the property)', () => {
    const episode = makeEpisode('ep', {
      url: '',
      publishedAt: '1)***𐀀𐀀𐀀',
      participants: [{ id: 'p0', name: '', role: 'host' as const }],
      createdAt: '2024-05-01T00:00:00.000Z',
      updatedAt: '2024-05-01T00:00:00.000Z',
    });
    const template = compileTemplate('{{#participants}}{{date}}***{{/participants}}');
    expectSafe(template, episode, []);
    expect(renderTemplate(template, episode, [])).toContain('𐀀𐀀𐀀');
  });

  it('a template of your own writes values as text only', () => {
    let rendered = 0;
    fc.assert(
      fc.property(customTemplate, episodeArb, quotesArb, (source, episode, quotes) => {
        let template: CompiledTemplate;
        try {
          template = compileTemplate(source);
          expectSafe(template, episode, quotes, (a, b) =>
            expect(controlsAsReplacement(a)).toBe(controlsAsReplacement(b)),
          );
          expectSameAsWholeParse(source, template, episode, quotes);
          rendered++;
        } catch (error) {
          // A template may put a value where none can go (HTML, an image): refused, not written.
          if (!(error instanceof TemplateError)) throw error;
        }
      }),
      { numRuns: RUNS * 3 },
    );
    expect(rendered).toBeGreaterThan(RUNS * 2);
  }, 600_000);
});
