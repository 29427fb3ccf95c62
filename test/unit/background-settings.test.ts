// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SETTINGS_KEY, floatingButtonEnabled } from '../../src/background/settings';

const storeWith = (meta: Record<string, unknown>) => ({
  getMeta: async <T>(key: string) => meta[key] as T | undefined,
});

describe('floatingButtonEnabled', () => {
  it.each([
    ['no settings saved yet', {}, true],
    ['the library page switched it off', { [SETTINGS_KEY]: { floatingButton: false } }, false],
    ['the library page switched it on', { [SETTINGS_KEY]: { floatingButton: true } }, true],
    ['settings without the field', { [SETTINGS_KEY]: { exportDefaults: {} } }, true],
    ['a damaged record', { [SETTINGS_KEY]: 'garbage' }, true],
    ['a non-boolean value', { [SETTINGS_KEY]: { floatingButton: 'no' } }, true],
  ])('with %s: %s', async (_name, meta, expected) => {
    expect(await floatingButtonEnabled(storeWith(meta))).toBe(expected);
  });

  it('keeps the button when the database cannot be read', async () => {
    const broken = { getMeta: async () => Promise.reject(new Error('closed')) };
    expect(await floatingButtonEnabled(broken)).toBe(true);
  });
});
