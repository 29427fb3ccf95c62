/**
 * Least privilege, read off the built manifests (issue 8): what ships is what is checked.
 * Runs after `npm run build` and `npm run build:firefox`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/browser';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js: string[] }[];
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
}

const builds = [
  ['Chrome', 'dist'],
  ['Firefox', 'dist-firefox'],
] as const;

const ALL_SITES = /^(<all_urls>|\*:\/\/\*\/\*|https?:\/\/\*\/\*|\*:\/\/\*\/.*|https?:\/\/\*\/.*)$/;
const ALLOWED_PERMISSIONS = new Set([
  'activeTab',
  'scripting',
  'contextMenus',
  'storage',
  'sidePanel',
]);

describe.each(builds)('the %s build', (_browser, dir) => {
  const manifest = JSON.parse(
    readFileSync(join(REPO_ROOT, dir, 'manifest.json'), 'utf8'),
  ) as Manifest;

  it('is Manifest V3', () => {
    expect(manifest.manifest_version).toBe(3);
  });

  it('asks only for the permissions the README explains, and never for tabs', () => {
    for (const permission of manifest.permissions ?? []) {
      expect(ALLOWED_PERMISSIONS, `unexpected permission ${permission}`).toContain(permission);
    }
    expect(manifest.permissions).not.toContain('tabs');
  });

  it('has each permission explained in the README permission table', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('## Permissions, and why'),
      readme.indexOf('## Your data'),
    );
    for (const permission of manifest.permissions ?? []) {
      expect(table, `README does not explain ${permission}`).toMatch(
        new RegExp(`^\\| \`${permission}\``, 'm'),
      );
    }
  });

  it('reaches all sites only through the optional permission', () => {
    for (const pattern of manifest.host_permissions ?? []) expect(pattern).not.toMatch(ALL_SITES);
    for (const script of manifest.content_scripts ?? []) {
      for (const pattern of script.matches) expect(pattern).not.toMatch(ALL_SITES);
    }
    expect(manifest.optional_host_permissions ?? []).toEqual(
      expect.arrayContaining(['https://*/*', 'http://*/*']),
    );
  });

  it('exposes nothing to web pages or other extensions, and loads no remote code', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    // Declared, not left to the browser, and nothing but the extension's own scripts: Firefox's
    // MV3 default adds `upgrade-insecure-requests`, which turns a feed's http address into https.
    expect(manifest.content_security_policy).toEqual({
      extension_pages: "script-src 'self'; object-src 'self'",
    });
    const text = JSON.stringify(manifest);
    expect(text).not.toMatch(/https?:\/\/(?!\*)[^"]*\.js/);
  });

  it('ships a small start-up content script without detection, the watch part and the rest, each as one self-contained file', () => {
    const files = manifest.content_scripts?.flatMap((s) => s.js) ?? [];
    expect(files).toEqual(['src/content/boot.js']);
    // The later parts are injected by the background (scripting.executeScript), not declared.
    for (const file of [...files, 'src/content/watch.js', 'src/content/main.js']) {
      const code = readFileSync(join(REPO_ROOT, dir, file), 'utf8');
      expect(code, file).not.toMatch(/\bimport\s*\(/);
      expect(code, file).not.toMatch(/^\s*import\s/m);
    }
    // Detection is not in the start-up script: a page its first look is sure of runs none
    // until the person acts (issue 16). Its layers' evidence names would be there if it were.
    const boot = readFileSync(join(REPO_ROOT, dir, 'src/content/boot.js'), 'utf8');
    expect(boot).not.toContain('json-ld PodcastEpisode');
    expect(readFileSync(join(REPO_ROOT, dir, 'src/content/watch.js'), 'utf8')).toContain(
      'json-ld PodcastEpisode',
    );
  });

  it('asks for host access only where it declares content scripts', () => {
    const declared = new Set(manifest.content_scripts?.flatMap((s) => s.matches) ?? []);
    expect(new Set(manifest.host_permissions ?? [])).toEqual(declared);
  });
});
