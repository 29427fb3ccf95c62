/**
 * The template language's syntax (issue 14): Markdown with Mustache-style tags.
 *
 * - `{{name}}` puts a value in; `{{#name}}…{{/name}}` repeats for each item of a list, or
 *   shows its inside once when a value is there; `{{^name}}…{{/name}}` shows it when not;
 *   `{{! a comment }}` is left out.
 * - A section tag alone on its line takes the whole line with it, as in Mustache, so a
 *   template reads like the Markdown it makes.
 *
 * Nothing else: no HTML escaping modes (`{{{x}}}`, `{{&x}}`), partials or delimiter changes,
 * because values never go into the Markdown source (render.ts); they are refused with the
 * place they are at. This file only reads the template; which names exist is model.ts's.
 *
 * What the template's own text becomes (render.ts; the editor's help says the same):
 * - Its Markdown is parsed, then written again: what it means stays, its characters may
 *   not. A rule first in a list item (`- ***`) is written `* ---`, since `- ---` would be one
 *   rule; a `-` line under text is a heading's underline in the template already, and is
 *   written `## …`. The property tests compare meanings, not bytes.
 * - Its own HTML is text: `<b>` comes out as those characters, with a value inside it as
 *   text. Templates make Markdown, so no export holds HTML, whoever wrote it.
 * - Its own links are kept only when they go to a web address (http, https), as a value's;
 *   otherwise their text stays. A value can't go in an image or a link definition.
 */

/** Where a problem is: 1-based line and column in the template. */
export interface TemplatePlace {
  line: number;
  column: number;
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly place: TemplatePlace | null,
  ) {
    super(place ? `Line ${place.line}, column ${place.column}: ${message}` : message);
    this.name = 'TemplateError';
  }
}

export type TemplateNode =
  | { type: 'text'; value: string }
  | { type: 'value'; name: string; place: TemplatePlace }
  | {
      type: 'section';
      name: string;
      inverted: boolean;
      children: TemplateNode[];
      place: TemplatePlace;
    };

const TAG = /\{\{([#^/!]?)\s*([\s\S]*?)\s*\}\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function placeAt(source: string, offset: number): TemplatePlace {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The line around `[start, end)` when only white space shares it with the tag. */
function standaloneLine(source: string, start: number, end: number): [number, number] | null {
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = source.indexOf('\n', end);
  if (lineEnd === -1) lineEnd = source.length;
  const before = source.slice(lineStart, start);
  const after = source.slice(end, lineEnd);
  if (before.trim() !== '' || after.trim() !== '') return null;
  return [lineStart, lineEnd === source.length ? lineEnd : lineEnd + 1];
}

/**
 * Reads a template into nodes. Throws TemplateError, with the line and column, for a tag it
 * does not know, a section left open or closed twice, or a `{{` without its `}}`.
 */
export function parseTemplate(source: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: { node: Extract<TemplateNode, { type: 'section' }>; into: TemplateNode[] }[] = [];
  let into = root;
  let cursor = 0;
  const pushText = (value: string) => {
    if (value !== '') into.push({ type: 'text', value });
  };

  for (const match of source.matchAll(TAG)) {
    const [whole, sigil = '', body = ''] = match;
    let start = match.index;
    let end = start + whole.length;
    const place = placeAt(source, start);
    if (sigil === '#' || sigil === '^' || sigil === '/' || sigil === '!') {
      const line = standaloneLine(source, start, end);
      if (line) [start, end] = line;
    }
    pushText(source.slice(cursor, start));
    cursor = end;
    if (sigil === '!') continue;
    if (
      body.startsWith('{') ||
      body.startsWith('&') ||
      body.startsWith('>') ||
      body.startsWith('=')
    ) {
      throw new TemplateError(
        `"${whole}" is not supported: use {{name}}, {{#name}}…{{/name}} or {{^name}}…{{/name}}.`,
        place,
      );
    }
    if (!NAME.test(body)) {
      throw new TemplateError(
        body === '' ? 'An empty {{ }} tag.' : `"${body}" is not a variable name.`,
        place,
      );
    }
    if (sigil === '#' || sigil === '^') {
      const node = {
        type: 'section' as const,
        name: body,
        inverted: sigil === '^',
        children: [],
        place,
      };
      into.push(node);
      stack.push({ node, into });
      into = node.children;
    } else if (sigil === '/') {
      const open = stack.pop();
      if (!open)
        throw new TemplateError(`{{/${body}}} closes a section that was not opened.`, place);
      if (open.node.name !== body) {
        throw new TemplateError(
          `{{/${body}}} closes {{#${open.node.name}}} (line ${open.node.place.line}); close that first.`,
          place,
        );
      }
      into = open.into;
    } else {
      into.push({ type: 'value', name: body, place });
    }
  }
  const rest = source.slice(cursor);
  const unclosed = rest.indexOf('{{');
  if (unclosed !== -1) {
    throw new TemplateError('"{{" without its "}}".', placeAt(source, cursor + unclosed));
  }
  pushText(rest);
  const open = stack.pop();
  if (open) {
    throw new TemplateError(
      `{{#${open.node.name}}} is never closed with {{/${open.node.name}}}.`,
      open.node.place,
    );
  }
  return root;
}
