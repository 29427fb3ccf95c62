/**
 * The episode overview, example by example: what each part looks like, what is left out when
 * empty, what each option does, and how hostile text comes out. The shape as a whole is pinned
 * by the golden files (markdown-golden.test.ts); safety for any input by markdown-safety.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  DEFAULT_OVERVIEW_OPTIONS,
  normaliseBlocks,
  normaliseLine,
  quotesInTimeOrder,
  renderOverviewMarkdown,
} from '../../src/core/markdown';
import type { Episode, Quote } from '../../src/core/model';
import { makeEpisode, makeQuote } from '../support/records';

const STAMP = '2024-05-01T10:00:00.000Z';

function episode(overrides: Partial<Episode> = {}): Episode {
  return makeEpisode('ep-1', {
    url: 'https://podcasts.example.com/show/episode-1',
    title: 'Episode one',
    show: 'The Show',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  });
}

function quote(overrides: Partial<Quote> = {}): Quote {
  return makeQuote('q-1', 'ep-1', {
    text: 'Words worth keeping.',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...overrides,
  });
}

const ann = { id: 'p-ann', name: 'Ann Example', role: 'host' as const };

describe('renderOverviewMarkdown', () => {
  it('needs only a title and an address: a heading and the link to the episode', () => {
    expect(renderOverviewMarkdown(episode(), [])).toBe(
      '# Podcast Episode Overview: Episode one\n\n' +
        'The original podcast episode can be found here: ' +
        '[The Show: Episode one](https://podcasts.example.com/show/episode-1)\n',
    );
  });

  it('leaves out the parts that have nothing in them', () => {
    const markdown = renderOverviewMarkdown(episode({ twoCents: '  \n\n ' }), []);
    for (const heading of ['Participants', 'My 2 cents', 'Quotes', 'References']) {
      expect(markdown).not.toContain(heading);
    }
  });

  it('keeps a section the person created even before it has notes', () => {
    const markdown = renderOverviewMarkdown(
      episode({ sections: [{ id: 's', heading: 'Later', notes: '' }] }),
      [],
    );
    expect(markdown).toContain('\n## Later\n');
  });

  it('names a missing title and the show only when there is one', () => {
    const markdown = renderOverviewMarkdown(episode({ title: ' ', show: '' }), []);
    expect(markdown).toContain('# Podcast Episode Overview: Untitled episode\n');
    expect(markdown).toContain('[Untitled episode](https://podcasts.example.com/show/episode-1)');
  });

  it('lists the participants with their roles', () => {
    const markdown = renderOverviewMarkdown(
      episode({ participants: [ann, { id: 'p-bo', name: 'Bo', role: 'co-host' }] }),
      [],
    );
    expect(markdown).toContain('## Participants\n\n- Ann Example (host)\n- Bo (co-host)\n');
  });

  it('shows a quote in quotation marks with its speaker and a link to its moment', () => {
    const markdown = renderOverviewMarkdown(episode({ participants: [ann] }), [
      quote({ speakerId: 'p-ann', timeSec: 3725.9 }),
    ]);
    expect(markdown).toContain(
      '## Quotes\n\n> "Words worth keeping." — Ann Example ' +
        '([1:02:05](https://podcasts.example.com/show/episode-1#t=3725))\n',
    );
  });

  it("links a quote's moment in the platform's own format", () => {
    const markdown = renderOverviewMarkdown(
      episode({ platform: 'youtube', url: 'https://www.youtube.com/watch?v=abc' }),
      [quote({ timeSec: 75 })],
    );
    // `\&`: the serialiser escapes every `&` that could start a character reference.
    expect(markdown).toContain('([1:15](https://www.youtube.com/watch?v=abc\\&t=75))');
  });

  it('writes times as the popup does: with hours only in an episode an hour or longer', () => {
    const short = renderOverviewMarkdown(episode({ durationSec: 59 * 60 }), [
      quote({ timeSec: 75 }),
    ]);
    expect(short).toContain('([1:15](');
    const long = renderOverviewMarkdown(episode({ durationSec: 3600 }), [quote({ timeSec: 75 })]);
    expect(long).toContain('([0:01:15](');
    // No known duration: a moment past the hour says the episode is that long, for every quote.
    const unknown = renderOverviewMarkdown(episode({ durationSec: null }), [
      quote({ id: 'q-a', timeSec: 75 }),
      quote({ id: 'q-b', timeSec: 3725 }),
    ]);
    expect(unknown).toContain('([0:01:15](');
    expect(unknown).toContain('([1:02:05](');
  });

  it('shows a quote without a time, or with timestamps off, without a link', () => {
    const untimed = renderOverviewMarkdown(episode(), [quote()]);
    expect(untimed).toContain('> "Words worth keeping."\n');
    const off = renderOverviewMarkdown(episode(), [quote({ timeSec: 12 })], { timestamps: false });
    expect(off).toContain('> "Words worth keeping."\n');
  });

  it("shows the person's note under the quote", () => {
    const markdown = renderOverviewMarkdown(episode(), [quote({ note: 'Check this.\nLater.' })]);
    expect(markdown).toContain('> "Words worth keeping."\n>\n> Check this.\\\n> Later.\n');
  });

  it("puts a section's quotes under its notes, and every quote in the list once more", () => {
    const markdown = renderOverviewMarkdown(
      episode({ sections: [{ id: 's', heading: 'Part one', notes: 'Notes.' }] }),
      [quote({ sectionId: 's' })],
    );
    expect(markdown).toContain('## Part one\n\nNotes.\n\n> "Words worth keeping."\n\n## Quotes\n');
    expect(markdown.match(/Words worth keeping/g)).toHaveLength(2);
  });

  it('can leave quotes out of the sections, or leave out the list of quotes', () => {
    const sections = [{ id: 's', heading: 'Part one', notes: '' }];
    const noInline = renderOverviewMarkdown(episode({ sections }), [quote({ sectionId: 's' })], {
      quotesInSections: false,
    });
    expect(noInline.match(/Words worth keeping/g)).toHaveLength(1);
    const noList = renderOverviewMarkdown(episode({ sections }), [quote({ sectionId: 's' })], {
      quoteList: false,
    });
    expect(noList).not.toContain('## Quotes');
  });

  it('ignores quotes that belong to another episode', () => {
    const markdown = renderOverviewMarkdown(episode(), [quote({ episodeId: 'ep-other' })]);
    expect(markdown).not.toContain('Words worth keeping');
  });

  it('orders quotes by time, untimed last, capture order breaking ties', () => {
    const quotes = [
      quote({ id: 'a', timeSec: null, order: 0 }),
      quote({ id: 'b', timeSec: 30, order: 2 }),
      quote({ id: 'c', timeSec: 30, order: 1 }),
      quote({ id: 'd', timeSec: 5, order: 3 }),
    ];
    expect(quotesInTimeOrder(quotes).map((q) => q.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('groups the quotes by section, the ones without a section last', () => {
    const markdown = renderOverviewMarkdown(
      episode({ sections: [{ id: 's', heading: 'Part one', notes: '' }] }),
      [
        quote({ id: 'a', text: 'In part one.', sectionId: 's' }),
        quote({ id: 'b', text: 'Loose.' }),
      ],
      { quoteGrouping: 'section', quotesInSections: false },
    );
    expect(markdown).toContain(
      '## Quotes\n\n### Part one\n\n> "In part one."\n\n### Other quotes\n\n> "Loose."\n',
    );
  });

  it('groups the quotes by speaker, naming each speaker once', () => {
    const markdown = renderOverviewMarkdown(
      episode({ participants: [ann] }),
      [quote({ id: 'a', text: 'Mine.', speakerId: 'p-ann' }), quote({ id: 'b', text: 'Whose?' })],
      { quoteGrouping: 'speaker' },
    );
    expect(markdown).toContain(
      '## Quotes\n\n### Ann Example\n\n> "Mine."\n\n### Unattributed\n\n> "Whose?"\n',
    );
  });

  it('shifts every heading by the offset, never past level 6', () => {
    const markdown = renderOverviewMarkdown(episode({ twoCents: 'Mine.' }), [], {
      headingOffset: 2,
    });
    expect(markdown).toMatch(/^### Podcast Episode Overview/);
    expect(markdown).toContain('\n#### My 2 cents\n');
    const deep = renderOverviewMarkdown(episode({ twoCents: 'Mine.' }), [], { headingOffset: 9 });
    expect(deep).toMatch(/^###### Podcast/);
    expect(deep).toContain('\n###### My 2 cents\n');
  });

  it('uses the title prefix given, or none', () => {
    expect(renderOverviewMarkdown(episode(), [], { titlePrefix: 'Notes: ' })).toMatch(
      /^# Notes: Episode one\n/,
    );
    expect(renderOverviewMarkdown(episode(), [], { titlePrefix: '' })).toMatch(/^# Episode one\n/);
    expect(DEFAULT_OVERVIEW_OPTIONS.titlePrefix).toBe('Podcast Episode Overview: ');
  });

  it('makes lines starting with a bullet into a list, the text around them paragraphs', () => {
    const summary = 'Intro:\n- one\n  * two\n• three\nAfter.\n-x\n1. not a list';
    expect(renderOverviewMarkdown(episode({ summary }), [])).toContain(
      'Intro:\n\n- one\n- two\n- three\n\nAfter.\\\n-x\\\n1\\. not a list\n',
    );
  });

  it("continues a bullet's item with the indented lines right after it", () => {
    const notes = '- Most people think so.\n  The rationale is this.\n\n  A paragraph.';
    const markdown = renderOverviewMarkdown(
      episode({ sections: [{ id: 's', heading: 'Part one', notes }] }),
      [],
    );
    expect(markdown).toContain(
      '## Part one\n\n- Most people think so.\\\n  The rationale is this.\n\nA paragraph.\n',
    );
  });

  it("writes bullets in my 2 cents and in a quote's note too", () => {
    const markdown = renderOverviewMarkdown(episode({ twoCents: '* mine' }), [
      quote({ note: 'Why:\n- because' }),
    ]);
    expect(markdown).toContain('## My 2 cents\n\n- mine\n');
    expect(markdown).toContain('> "Words worth keeping."\n>\n> Why:\n>\n> - because\n');
  });

  it('keeps two bullet runs apart when a blank line separates them', () => {
    // Two lists; the serialiser changes the bullet so that no reader joins them into one.
    const markdown = renderOverviewMarkdown(episode({ summary: '- a\n\n- b' }), []);
    expect(markdown).toContain('\n\n- a\n\n* b\n');
  });

  it('lists the references as links', () => {
    const markdown = renderOverviewMarkdown(
      episode({ references: [{ title: 'Paper', url: 'https://example.org/paper.pdf' }] }),
      [],
    );
    expect(markdown).toContain('## References\n\n- [Paper](https://example.org/paper.pdf)\n');
  });
});

describe('renderOverviewMarkdown with hostile text', () => {
  it('makes only web addresses into links; any other address stays plain text', () => {
    const markdown = renderOverviewMarkdown(
      episode({
        url: 'javascript:alert(1)',
        references: [
          { title: 'Click', url: 'javascript:alert(document.cookie)' },
          { title: 'Data', url: 'data:text/html,<script>alert(1)</script>' },
        ],
      }),
      [quote({ timeSec: 10 })],
    );
    expect(markdown).not.toMatch(/\]\(/);
    expect(markdown).toContain('The Show: Episode one (javascript:alert(1))');
    expect(markdown).toContain('- Click (javascript:alert(document.cookie))');
    expect(markdown).toContain('> "Words worth keeping." (0:10)');
  });

  it('writes HTML in page text as text, never as a tag', () => {
    const markdown = renderOverviewMarkdown(
      episode({ title: '<script>alert(1)</script>', summary: '<img src=x onerror=alert(1)>' }),
      [],
    );
    expect(markdown).toContain('\\<script>alert(1)\\</script>');
    expect(markdown).toContain('\\<img src=x onerror=alert(1)>');
  });

  it('keeps the text of a list item text: HTML, Markdown and a second bullet are escaped', () => {
    const markdown = renderOverviewMarkdown(
      episode({ summary: '- <script>alert(1)</script>\n- - nested?\n- # heading\n- [ ] task' }),
      [],
    );
    expect(markdown).toContain(
      '- \\<script>alert(1)\\</script>\n- \\- nested?\n- \\# heading\n- \\[ ] task\n',
    );
  });

  it('escapes Markdown that would become structure: headings, quotes, lists, links, code', () => {
    const markdown = renderOverviewMarkdown(
      episode({ summary: '# not a heading\n> not a quote\n1. not a list\n[x](javascript:y)\n```' }),
      [],
    );
    expect(markdown).toContain(
      '\\# not a heading\\\n\\> not a quote\\\n1\\. not a list\\\n\\[x]\\(javascript:y)\\\n\\`\\`\\`\n',
    );
  });

  it('escapes what GitHub-flavoured renderers would read as tables, strikethrough or links', () => {
    const markdown = renderOverviewMarkdown(
      episode({
        summary: 'a | b\n--|--\n~~gone~~ www.example.com https://example.com me@example.com',
      }),
      [],
    );
    expect(markdown).toContain(
      'a \\| b\\\n\\--\\|--\\\n\\~\\~gone\\~\\~ www\\.example.com https\\://example.com me\\@example.com',
    );
  });

  it('keeps a backslash at the end of a line a backslash', () => {
    const markdown = renderOverviewMarkdown(episode({ summary: 'C:\\\nnext' }), []);
    expect(markdown).toContain('C:\\\\\\\nnext');
  });

  it('writes front matter with every value double-quoted, so no YAML reader retypes it', () => {
    const markdown = renderOverviewMarkdown(
      episode({
        title: 'no',
        show: '0o17',
        publishedAt: '2024-05-01',
        participants: [{ id: 'p', name: 'null', role: 'guest' }],
        tags: ['1:20', 'yes'],
      }),
      [],
      { frontMatter: true },
    );
    const [, yaml] = /^---\n([\s\S]*?)---\n\n# /.exec(markdown) ?? [];
    expect(yaml).toBe(
      'title: "no"\nshow: "0o17"\nurl: "https://podcasts.example.com/show/episode-1"\n' +
        'date: "2024-05-01"\nparticipants:\n  - "null"\ntags:\n  - "1:20"\n  - "yes"\n' +
        'earmark: "ep-1"\n',
    );
    expect(parseYaml(yaml!, { version: '1.1' })).toEqual({
      title: 'no',
      show: '0o17',
      url: 'https://podcasts.example.com/show/episode-1',
      date: '2024-05-01',
      participants: ['null'],
      tags: ['1:20', 'yes'],
      earmark: 'ep-1',
    });
  });

  it('writes a front matter value with blank lines and spaces after them as it is', () => {
    // Found by the safety property: folded over lines, the YAML writer put a backslash there.
    const name = '#<script>alert(1)</script><div>\n\n \n';
    const markdown = renderOverviewMarkdown(
      episode({ participants: [{ id: 'p', name, role: 'host' }] }),
      [],
      { frontMatter: true },
    );
    const [, yaml] = /^---\n([\s\S]*?)---\n\n# /.exec(markdown) ?? [];
    expect(parseYaml(yaml!)).toMatchObject({ participants: [name] });
    expect(parseYaml(yaml!, { version: '1.1' })).toMatchObject({ participants: [name] });
  });

  it('keeps a front matter value with a line `---` in it inside the front matter', () => {
    const markdown = renderOverviewMarkdown(episode({ title: 'a\n---\nb: c' }), [], {
      frontMatter: true,
    });
    expect(markdown.split('\n').filter((line) => line === '---')).toHaveLength(2);
  });
});

describe('whitespace in the text the overview shows', () => {
  it('turns every run of spaces, tabs and line breaks in a one-line field into one space', () => {
    expect(normaliseLine('  Ann\t\tand\r\nBo \u2028 ')).toBe('Ann and Bo');
    expect(normaliseLine('no\u00a0break')).toBe('no\u00a0break');
  });

  it('keeps paragraphs and line breaks of a multi-line field, dropping blank lines', () => {
    expect(normaliseBlocks('one\n  two  \n\n\n three\r\n')).toEqual([
      { type: 'paragraph', lines: ['one', 'two'] },
      { type: 'paragraph', lines: ['three'] },
    ]);
    expect(normaliseBlocks(' \n\t\n')).toEqual([]);
  });

  it('reads bullets after leading spaces, and only with text after the marker', () => {
    expect(normaliseBlocks('  -   a  b \n*\tc\n- \n-\n•d\n  e')).toEqual([
      { type: 'list', items: [['a b'], ['c']] },
      { type: 'paragraph', lines: ['-', '-', '•d', 'e'] },
    ]);
    expect(normaliseBlocks('- a\n\tb\n   c\nd\n  e')).toEqual([
      { type: 'list', items: [['a', 'b', 'c']] },
      { type: 'paragraph', lines: ['d', 'e'] },
    ]);
  });

  it('replaces what a UTF-8 file cannot hold or a parser would replace', () => {
    expect(normaliseLine('a\ud800b\u0000c')).toBe('a\ufffdb\ufffdc');
  });
});
