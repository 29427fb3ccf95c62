/**
 * The Firefox build passes `web-ext lint` with no errors (issue 8). The only warnings allowed
 * are innerHTML assignments inside two libraries, each recognised by its own code:
 * Preact's support for `dangerouslySetInnerHTML` (which our lint forbids us to use), and the
 * entity decoder of the Markdown libraries (it decodes `&name;` through a detached element).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/browser';

interface LintMessage {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message?: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

const LIBRARY_INNER_HTML = [
  /dangerouslySetInnerHTML/, // preact/src/diff/props.js
  /innerHTML\s*=\s*\w+;\s*let \w+\s*=\s*\w+\.textContent/, // decode-named-character-reference (DOM build)
  // mdast-util-from-markdown feeds micromark's tokenizer: `parse(o).document().write(chunks)`
  // is micromark's, not the DOM's document.write (the template engine parses templates).
  /\)\.document\(\)\.write\(\w+\(\)\(\w+,\w+,!0\)\)/,
];

describe('web-ext lint on dist-firefox', () => {
  const dir = join(REPO_ROOT, 'dist-firefox');
  const binary = join(REPO_ROOT, 'node_modules/.bin/web-ext');
  let output: string;
  try {
    output = execFileSync(binary, ['lint', '--source-dir', dir, '--output=json', '--no-input'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    // web-ext exits non-zero when it finds errors; the report is still on stdout.
    output = (error as { stdout?: string }).stdout ?? '';
  }
  const report = JSON.parse(output) as LintReport;

  it('reports no errors', () => {
    expect(report.errors).toEqual([]);
  });

  it('warns only where a known library assigns innerHTML (or looks as if it wrote a document)', () => {
    for (const warning of report.warnings) {
      expect(warning.code).toBe('UNSAFE_VAR_ASSIGNMENT');
      const line =
        readFileSync(join(dir, warning.file!), 'utf8').split('\n')[warning.line! - 1] ?? '';
      // Where the warning points (web-ext gives the column), else the line's innerHTML.
      const at = warning.column ?? line.indexOf('innerHTML');
      const around = line.slice(Math.max(0, at - 400), at + 400);
      expect(
        LIBRARY_INNER_HTML.some((pattern) => pattern.test(around)),
        `${warning.message ?? warning.code} in ${warning.file}:${warning.line} is not one of the known library uses`,
      ).toBe(true);
    }
  });
});
