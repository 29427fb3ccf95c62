/**
 * The template language (issue 14): every preset renders the reference episode to its golden
 * file (the overview preset to the overview's own golden file, byte for byte), and a broken
 * template or an unknown variable is refused with where it is.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Episode } from '../../src/core/model';
import { TEMPLATE_PRESETS, TEMPLATE_PRESET_IDS } from '../../src/core/template/presets';
import { compileTemplate, renderTemplate } from '../../src/core/template/render';
import { TemplateError } from '../../src/core/template/syntax';
import { referenceEpisode, referenceQuotes } from '../golden/reference-episode';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../golden');
const golden = (name: string): string => readFileSync(join(GOLDEN_DIR, name), 'utf8');
/** The reference episode with what it lacks for a note app's properties. */
const episode: Episode = { ...referenceEpisode, publishedAt: '2019-05-30', durationSec: 2400 };
const render = (template: string, e = episode, quotes = referenceQuotes) =>
  renderTemplate(compileTemplate(template), e, quotes);

function errorOf(template: string): TemplateError {
  try {
    render(template);
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error('the template was not refused');
}

describe('the preset templates, on the reference episode', () => {
  it('the overview preset writes exactly the episode overview', () => {
    expect(render(TEMPLATE_PRESETS.overview, referenceEpisode)).toBe(golden('episode-overview.md'));
  });
  it.each(['obsidian', 'logseq', 'plain'] as const)('%s matches its golden file', (id) => {
    expect(render(TEMPLATE_PRESETS[id])).toBe(golden(`template-${id}.md`));
  });
});

describe('times, in the one format of the episode (issue 19)', () => {
  const line = '{{duration}}\n\n{{#quotes}}\n- {{time}}\n{{/quotes}}';
  it('are m:ss in an episode under an hour', () => {
    expect(render(line)).toBe('40:00\n\n- 4:10\n- 12:30\n- 18:45\n- 26:05\n');
  });
  it('carry the hours, every one of them, in an episode an hour or longer', () => {
    expect(render(line, { ...episode, durationSec: 3725 })).toBe(
      '1:02:05\n\n- 0:04:10\n- 0:12:30\n- 0:18:45\n- 0:26:05\n',
    );
  });
  it('carry the hours when a quote is past the hour and the length is not known', () => {
    const late = referenceQuotes.map((q, i) => (i === 0 ? { ...q, timeSec: 3725 } : q));
    expect(render(line, { ...episode, durationSec: null }, late)).toBe(
      '- 0:04:10\n- 0:12:30\n- 0:18:45\n- 1:02:05\n',
    );
  });
});

describe("sections made from the feed's chapters", () => {
  const template =
    '{{#sections}}\n- {{heading}}{{#time}} at [{{time}}]({{timeLink}}){{/time}}\n{{/sections}}';
  it('say where they start and link there; a section of your own has no time', () => {
    const chapters = {
      ...episode,
      sections: [episode.sections[0]!, { id: 'c1', heading: 'Part two', notes: '', startSec: 754 }],
    };
    expect(render(template, chapters)).toBe(
      '- What are MLEs\n' +
        '- Part two at [12:34](https://www.oreilly.com/radar/podcast/what-machine-learning-engineers-need-to-know/#t=754)\n',
    );
  });
  it('carry the hours when a chapter starts past the hour and the length is not known', () => {
    const late = {
      ...episode,
      durationSec: null,
      sections: [
        { id: 'c1', heading: 'Early', notes: '', startSec: 250 },
        { id: 'c2', heading: 'Late', notes: '', startSec: 3725 },
      ],
    };
    expect(render('{{#sections}}\n- {{time}}\n{{/sections}}', late, [])).toBe(
      '- 0:04:10\n- 1:02:05\n',
    );
  });
});

describe('a template of your own', () => {
  it('puts values in, repeats lists and shows a section only when its value is there', () => {
    const template =
      '# {{title}}\n\n{{#participants}}\n- {{name}}, {{role}}\n{{/participants}}\n\n{{^hasReferences}}No references.{{/hasReferences}}{{#date}}Published {{date}}{{/date}}\n';
    expect(render(template, { ...episode, references: [] })).toBe(
      '# What Machine Learning Engineers need to Know\n\n- Ben Lorica, host\n- Paco Nathan, guest\n- Jesse Anderson, guest\n\nNo references.Published 2019-05-30\n',
    );
  });

  it('sees the outer values inside a list, and the item first', () => {
    expect(render('{{#references}}{{title}} / {{show}}{{/references}}')).toBe(
      "O'Reilly Media: What Machine Learning Engineers need to Know / O'Reilly Media\n",
    );
  });

  it('writes a value as text, even when it is Markdown or HTML', () => {
    const hostile = { ...episode, title: '<script>x</script> **b** [l](javascript:x)' };
    expect(render('## {{title}}', hostile)).toBe(
      '## \\<script>x\\</script> \\*\\*b\\*\\* \\[l]\\(javascript:x)\n',
    );
  });

  it("writes the template's own HTML as text, a value in it too: an export holds no HTML", () => {
    expect(render('<b>{{show}}</b> <i>x</i>\n\n<div>\n{{show}}\n</div>')).toBe(
      "\\<b>O'Reilly Media\\</b> \\<i>x\\</i>\n\n\\<div>\nO'Reilly Media\n\\</div>\n",
    );
  });

  it("keeps the template's own link only when it goes to a web address", () => {
    expect(render('[a](https://example.com/x) [b](javascript:x) [c]() [d](notes.md)')).toBe(
      '[a](https://example.com/x) b c d\n',
    );
  });

  it('leaves no trace of an empty value: no stray space, blank line or underlined heading', () => {
    const undated = { ...episode, publishedAt: null };
    expect(render('{{title}}\n{{date}}\n---', undated)).toBe(
      '## What Machine Learning Engineers need to Know\n',
    );
    expect(render('{{title}} {{date}}\n{{date}}\nend', undated)).toBe(
      'What Machine Learning Engineers need to Know\nend\n',
    );
    expect(render('## {{date}}\n\nText', undated)).toBe('Text\n');
  });

  it('keeps a link only when its address is a web address', () => {
    expect(render('[{{title}}]({{url}})', { ...episode, url: 'javascript:alert(1)' })).toBe(
      'What Machine Learning Engineers need to Know\n',
    );
  });

  it('writes typed front matter, leaving out what is empty', () => {
    const out = render('---\ntitle: {{title}}\ntags: {{tags}}\ndate: {{date}}\n---\nBody', {
      ...episode,
      publishedAt: null,
    });
    expect(out).toBe(
      '---\ntitle: "What Machine Learning Engineers need to Know"\ntags:\n  - "podcast"\n  - "machine-learning"\n---\n\nBody\n',
    );
  });
});

describe('one compiled template for many episodes', () => {
  it('renders each as a template compiled for it alone, and keeps its parsed pieces unchanged', () => {
    const other: Episode = {
      ...episode,
      title: 'Another *title* with [brackets](x)',
      show: '',
      sections: episode.sections.slice(1),
      references: [],
    };
    const otherQuotes = referenceQuotes.slice(0, 2).map((q) => ({ ...q, note: '- a\n- b' }));
    for (const id of TEMPLATE_PRESET_IDS) {
      const template = compileTemplate(TEMPLATE_PRESETS[id]);
      const first = renderTemplate(template, episode, referenceQuotes);
      const kept = structuredClone([...template.pieces!]);
      expect(renderTemplate(template, other, otherQuotes)).toBe(
        render(TEMPLATE_PRESETS[id], other, otherQuotes),
      );
      expect(renderTemplate(template, episode, referenceQuotes)).toBe(first);
      // The pieces the first render parsed are as they were, beside any the second added.
      const now = new Map(template.pieces!);
      for (const [key, blocks] of kept) expect(now.get(key), key).toEqual(blocks);
    }
  });
});

describe('a broken template', () => {
  it('names an unknown variable, where it is and what there is', () => {
    const error = errorOf('# {{title}}\n\nBy {{author}}');
    expect(error.place).toEqual({ line: 3, column: 4 });
    expect(error.message).toContain('Unknown variable "author"');
    expect(error.message).toContain('title, show, url');
  });

  it('knows a quote variable only inside a list of quotes', () => {
    expect(errorOf('{{text}}').message).toContain('Unknown variable "text"');
    expect(() => render('{{#quotes}}{{text}}{{/quotes}}')).not.toThrow();
  });

  it('says a list needs a section', () => {
    expect(errorOf('{{quotes}}').message).toContain('{{#quotes}}');
  });

  it('finds a section left open, one closed in the wrong order, and a lone "{{"', () => {
    expect(errorOf('a\n{{#quotes}}\n{{text}}').place).toEqual({ line: 2, column: 1 });
    expect(errorOf('{{#quotes}}{{#sections}}{{/quotes}}').message).toContain('close that first');
    expect(errorOf('{{/quotes}}').message).toContain('not opened');
    expect(errorOf('ok {{title}} then {{title').place).toEqual({ line: 1, column: 19 });
  });

  it('refuses the Mustache forms it does not have', () => {
    expect(errorOf('{{{title}}}').message).toContain('not supported');
    expect(errorOf('{{> partial}}').message).toContain('not supported');
  });

  it('refuses a value in an image', () => {
    expect(errorOf('![x]({{url}})').message).toContain('image');
  });
});
