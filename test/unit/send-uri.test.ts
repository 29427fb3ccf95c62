/**
 * The app links of "Send to Obsidian" and "Send to Logseq" (issue 14): the parameters come
 * back exactly as given, for short and long notes and for names with spaces, slashes and
 * non-Latin letters; a long note goes through the clipboard.
 */
import { describe, expect, it } from 'vitest';
import { logseqQuickCaptureUri } from '../../src/core/send/logseq';
import { MAX_URI_LENGTH, obsidianNewUri, vaultPath } from '../../src/core/send/obsidian';

/** The URI's parameters as an app reads them (`+` is not a space to Obsidian). */
function params(uri: string): Record<string, string> {
  const query = uri.slice(uri.indexOf('?') + 1);
  expect(query).not.toMatch(/[ +]/);
  return Object.fromEntries(
    query.split('&').map((pair) => {
      const [key = '', value = ''] = pair.split('=');
      return [key, decodeURIComponent(value)];
    }),
  );
}

describe('obsidianNewUri', () => {
  it('carries a short note in the URI and overwrites the same file', () => {
    const link = obsidianNewUri(
      { vault: 'Notes', folder: 'Podcasts' },
      'Show - Title.md',
      '# Hi\n',
    );
    expect(link.viaClipboard).toBe(false);
    expect(link.uri.startsWith('obsidian://new?')).toBe(true);
    expect(params(link.uri)).toEqual({
      vault: 'Notes',
      file: 'Podcasts/Show - Title',
      overwrite: 'true',
      content: '# Hi\n',
    });
  });

  it('keeps spaces, slashes in the folder, non-Latin letters and symbols', () => {
    const markdown = '# Ёжик & co: 50% "off" #tag?a=b\n\nこんにちは 😀';
    const link = obsidianNewUri(
      { vault: 'My Vault ü', folder: '/Podcasts/日本語 notes//' },
      'Ö1 - Ümlaut & Co.md',
      markdown,
    );
    expect(params(link.uri)).toEqual({
      vault: 'My Vault ü',
      file: 'Podcasts/日本語 notes/Ö1 - Ümlaut & Co',
      overwrite: 'true',
      content: markdown,
    });
  });

  it('sends a long note through the clipboard', () => {
    const long = 'x'.repeat(MAX_URI_LENGTH);
    const link = obsidianNewUri({ vault: 'V', folder: '' }, 'A.md', long);
    expect(link.viaClipboard).toBe(true);
    expect(link.uri.length).toBeLessThan(200);
    expect(params(link.uri)).toEqual({
      vault: 'V',
      file: 'A',
      overwrite: 'true',
      clipboard: 'true',
    });
  });

  it('leaves out the vault when none is named, and never climbs out of it', () => {
    expect(
      params(obsidianNewUri({ vault: ' ', folder: '../../etc/./x' }, 'N.md', 'y').uri),
    ).toEqual({ file: 'etc/x/N', overwrite: 'true', content: 'y' });
    expect(vaultPath('a\\b', 'c.md')).toBe('a/b/c');
  });
});

describe('logseqQuickCaptureUri', () => {
  it('carries title, page and outline, or a paste hint when too long', () => {
    const short = logseqQuickCaptureUri(
      'Épisode 1 / 2',
      'https://e.com/a b',
      '- one\n  - two',
      'Paste',
    );
    expect(short.uri.startsWith('logseq://x-callback-url/quickCapture?')).toBe(true);
    expect(params(short.uri)).toEqual({
      title: 'Épisode 1 / 2',
      url: 'https://e.com/a b',
      content: '- one\n  - two',
    });
    const long = logseqQuickCaptureUri('T', 'https://e.com', '- x'.repeat(2000), 'Paste it');
    expect(long.viaClipboard).toBe(true);
    expect(params(long.uri).content).toBe('Paste it');
  });
});
