// @vitest-environment node
/**
 * The rooms' borders are lint rules (eslint.config.js). Each probe below is a small file put
 * at a path in src/ (linted as text, never written) that one rule must refuse, beside a probe
 * the same rule must let through, so a rule that silently stopped matching fails here.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first run loads the config and the parsers: seconds on a busy machine, once.
  await eslint.lintText('', { filePath: `${root}/src/core/probe.ts` });
}, 60_000);

/** The rule ids a probe file at `path` breaks. */
async function broken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const imports = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

describe('lint: the rooms of src/', () => {
  it.each([
    ['src/core/probe.ts', '../store/store'],
    ['src/core/platforms/probe.ts', '../../store/store'],
    ['src/core/platforms/probe.ts', '../../ui/api'],
    ['src/core/probe.ts', '../background/app'],
    ['src/core/probe.ts', '../content/main'],
    ['src/core/platforms/probe.ts', '../../messages/schemas'],
    ['src/core/probe.ts', '../browser/download'],
    ['src/core/probe.ts', 'webextension-polyfill'],
    ['src/ui/probe.ts', '../background/capture'],
    ['src/ui/editor/probe.ts', '../../background/app'],
    ['src/messages/probe.ts', '../content/main'],
    ['src/messages/probe.ts', '../browser/tab-client'],
    ['src/content/probe.ts', '../store/store'],
    ['src/content/probe.ts', '../browser/tab-client'],
    ['src/ui/words/probe.ts', 'preact/compat'],
  ])('refuses %s importing %s', async (path, from) => {
    expect(await broken(path, imports(from))).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['src/core/platforms/probe.ts', '../detect'],
    ['src/core/probe.ts', './model'],
    ['src/ui/editor/probe.ts', '../../browser/download'],
    ['src/ui/probe.ts', '../messages/protocol'],
    ['src/messages/probe.ts', '../core/model'],
    ['src/content/probe.ts', '../browser/clipboard'],
    ['src/background/probe.ts', '../store/store'],
    ['src/ui/words/probe.ts', 'preact/hooks'],
  ])('lets %s import %s', async (path, from) => {
    expect(await broken(path, imports(from))).toEqual([]);
  });

  it.each(['document', 'navigator', 'window', 'chrome', 'location'])(
    'refuses the browser global %s in core',
    async (name) => {
      const code = `export const probe = () => ${name};\n`;
      expect(await broken('src/core/platforms/probe.ts', code)).toEqual(['no-restricted-globals']);
      expect(await broken('src/content/probe.ts', code)).toEqual(
        name === 'chrome' ? ['no-restricted-globals'] : [],
      );
    },
  );

  it('lets core take a Document as a parameter', async () => {
    const code = 'export const title = (doc: Document): string => doc.title;\n';
    expect(await broken('src/core/probe.ts', code)).toEqual([]);
  });
});
