// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { requestOrigins, type PermissionsApi } from '../../../src/network/origin-permission';

/** The browser's permissions, recording what one click asked for. */
function permissions(): PermissionsApi & { asked: string[][] } {
  const asked: string[][] = [];
  return {
    asked,
    contains: async () => false,
    request: async ({ origins }) => {
      asked.push(origins);
      return true;
    },
  };
}

describe('host access asked at the click', () => {
  it('asks once for every origin, each once', async () => {
    const browser = permissions();
    await requestOrigins(browser, [
      'https://feeds.example.com/a.xml',
      'https://feeds.example.com/b.vtt',
      'https://cdn.example.org/c.json',
    ]);
    expect(browser.asked).toEqual([['https://feeds.example.com/*', 'https://cdn.example.org/*']]);
  });

  it('asks for an http address’s https origin too, where its host may redirect it', async () => {
    const browser = permissions();
    await requestOrigins(browser, ['http://feeds.example.com/show.xml']);
    expect(browser.asked).toEqual([['http://feeds.example.com/*', 'https://feeds.example.com/*']]);
  });

  it('asks for no https origin where the manifest already grants the http one', async () => {
    const browser = permissions();
    await requestOrigins(browser, ['http://127.0.0.1:8000/feed.xml'], ['http://127.0.0.1/*']);
    expect(browser.asked).toEqual([['http://127.0.0.1/*']]);
  });
});
