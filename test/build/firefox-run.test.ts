/**
 * The Firefox build installs and starts in Debian's firefox-esr, headless, through `web-ext
 * run` (playwright-core cannot drive Debian's Firefox). It opens the demo episode page so the
 * content script runs too. What this proves: the add-on installs, its background script and
 * content script load without a JavaScript error. Clicks, the sidebar and the popup are driven
 * in test/e2e-firefox/ (see the README's Firefox notes).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/browser';
import { servePages, type PageServer } from '../support/server';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** How long Firefox may take to start and install the add-on on a busy machine. */
const INSTALL_TIMEOUT_MS = 45_000;
/** After installing: time for the background script and the page's content script to run. */
const SETTLE_MS = 5_000;
const INSTALLED = 'as a temporary add-on';

let server: PageServer;
beforeAll(async () => {
  server = await servePages(join(REPO_ROOT, 'test/fixtures/demo'));
});
afterAll(() => server?.close());

function runFirefox(startUrl: string): Promise<string> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(
      `Firefox not found at ${FIREFOX_PATH}. Install it with "sudo apt-get install -y firefox-esr", or set FIREFOX_PATH.`,
    );
  }
  const child = spawn(
    join(REPO_ROOT, 'node_modules/.bin/web-ext'),
    [
      'run',
      '--source-dir',
      join(REPO_ROOT, 'dist-firefox'),
      `--firefox=${FIREFOX_PATH}`,
      '--no-input',
      '--no-reload',
      '--verbose',
      `--start-url=${startUrl}`,
    ],
    { env: { ...process.env, MOZ_HEADLESS: '1' }, detached: true },
  );
  let log = '';
  const stop = () => {
    // web-ext and the Firefox it started share a process group: end them together.
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  let timer = setTimeout(stop, INSTALL_TIMEOUT_MS);
  const onOutput = (chunk: Buffer) => {
    const installedBefore = log.includes(INSTALLED);
    log += chunk.toString();
    if (!installedBefore && log.includes(INSTALLED)) {
      clearTimeout(timer);
      timer = setTimeout(stop, SETTLE_MS);
    }
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);
  return new Promise((resolve) => {
    child.on('exit', () => {
      clearTimeout(timer);
      resolve(log);
    });
  });
}

describe('the Firefox build in firefox-esr', () => {
  it('installs as a temporary add-on and runs without a JavaScript error', async () => {
    const log = await runFirefox(`${server.origin}/episode.html`);
    expect(log).toContain(INSTALLED);
    // The project's own folder may be named "earmark" (CI tests a copy in such a folder), and
    // web-ext prefixes each line with its own path inside it: leave the folder out of the match.
    const ours = log
      .split('\n')
      .map((line) => line.replaceAll(REPO_ROOT, '<project>'))
      .filter((line) => /moz-extension:|earmark/i.test(line) && /error/i.test(line));
    expect(ours).toEqual([]);
  }, 60_000);
});
