import { describe, expect, it } from 'vitest';
import { fromExtensionRoot, sameExtensionFile } from '../../src/core/extension-path';

describe('a file from the extension root', () => {
  it('starts with one slash, so no browser resolves it against the calling page', () => {
    expect(fromExtensionRoot('src/content/main.js')).toBe('/src/content/main.js');
    expect(fromExtensionRoot('/src/content/main.js')).toBe('/src/content/main.js');
    expect(fromExtensionRoot('//src/content/main.js')).toBe('/src/content/main.js');
  });

  it('resolves to the root from any page of the extension', () => {
    const sidebar = 'moz-extension://uuid/src/ui/sidepanel/index.html';
    expect(new URL('src/content/main.js', sidebar).pathname).toBe(
      '/src/ui/sidepanel/src/content/main.js',
    );
    expect(new URL(fromExtensionRoot('src/content/main.js'), sidebar).pathname).toBe(
      '/src/content/main.js',
    );
  });

  it('is the same file with or without the leading slash', () => {
    expect(sameExtensionFile('src/content/boot.js', '/src/content/boot.js')).toBe(true);
    expect(sameExtensionFile('src/content/boot.js', '/src/content/main.js')).toBe(false);
  });
});
