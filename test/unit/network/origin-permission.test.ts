// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  holdsOrigins,
  requestOrigins,
  type PermissionsApi,
} from '../../../src/network/origin-permission';

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

describe('host access already held (the automatic look)', () => {
  /** The browser's permissions holding `held`, recording what was checked and asked. */
  function holding(held: string[]) {
    const calls = { checked: [] as string[][], asked: 0 };
    const api: PermissionsApi = {
      contains: async ({ origins }) => {
        calls.checked.push(origins);
        return origins.every((o) => held.includes(o));
      },
      request: async () => {
        calls.asked += 1;
        return true;
      },
    };
    return { api, calls };
  }

  it('holds an origin the browser granted, without asking', async () => {
    const { api, calls } = holding(['https://feeds.example.com/*']);
    expect(await holdsOrigins(api, ['https://feeds.example.com/show.xml'])).toBe(true);
    expect(calls).toEqual({ checked: [['https://feeds.example.com/*']], asked: 0 });
  });

  it('does not hold an origin the browser would have to prompt for', async () => {
    const { api, calls } = holding(['https://feeds.example.com/*']);
    expect(await holdsOrigins(api, ['https://other.example.org/show.xml'])).toBe(false);
    expect(calls.asked).toBe(0);
  });

  it('needs the https twin of an http address too, as the click would ask for it', async () => {
    const http = holding(['http://feeds.example.com/*']);
    expect(await holdsOrigins(http.api, ['http://feeds.example.com/show.xml'])).toBe(false);
    // Where the manifest grants the http origin, no https twin is needed.
    const local = holding(['http://127.0.0.1/*']);
    expect(
      await holdsOrigins(local.api, ['http://127.0.0.1:8000/feed.xml'], ['http://127.0.0.1/*']),
    ).toBe(true);
  });
});
