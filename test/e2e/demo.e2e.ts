/**
 * `npm run demo` is the first thing a new person runs: its headless path (no display) must
 * capture a quote and write the exported overview and a screenshot where it says.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, removeDir } from '../support/browser';

const output = mkdtempSync(join(tmpdir(), 'earmark-demo-'));
afterAll(() => removeDir(output));

describe('the demo', () => {
  it('runs headless and writes the exported Markdown and a popup screenshot', async () => {
    const { stdout } = await promisify(execFile)(
      join(REPO_ROOT, 'node_modules/.bin/tsx'),
      [join(REPO_ROOT, 'scripts/demo.ts'), '--headless'],
      { cwd: REPO_ROOT, env: { ...process.env, EARMARK_DEMO_OUTPUT: output }, timeout: 90_000 },
    );
    expect(stdout).toContain('Exported Markdown:');
    const markdown = readdirSync(output).find((name) => name.endsWith('.md'));
    expect(markdown).toBe(
      'The Margin Notes Podcast - Episode 12 - Listening with a pen in hand.md',
    );
    const text = readFileSync(join(output, markdown!), 'utf8');
    expect(text).toContain('"While listening, with the time next to every line."');
    expect(text).toContain('Timestamps turn listening notes into an index');
    expect(existsSync(join(output, 'popup.png'))).toBe(true);
  });
});
