import { describe, expect, it } from 'vitest';
import { TOKEN_CLOSE, TOKEN_OPEN, fillTokens } from '../../src/core/template/tokens';

const token = (n: number) => `${TOKEN_OPEN}${n}${TOKEN_CLOSE}`;

describe('fillTokens', () => {
  it('replaces every token by its value, in place', () => {
    const text = `${token(0)} said "${token(12)}" at ${token(3)}`;
    expect(fillTokens(text, (i) => `<${i}>`)).toBe('<0> said "<12>" at <3>');
  });

  it('leaves text without tokens as it is', () => {
    expect(fillTokens('no values here', () => 'x')).toBe('no values here');
    expect(fillTokens('', () => 'x')).toBe('');
  });

  it('handles tokens side by side, at both ends, and values that look like tokens', () => {
    expect(fillTokens(`${token(1)}${token(2)}`, (i) => String(i * 10))).toBe('1020');
    // A value is never read again as a token: it is written out as it is.
    expect(fillTokens(`a${token(0)}b`, () => token(7))).toBe(`a${token(7)}b`);
  });

  it('gives what a replace with the token pattern gives, on generated text', () => {
    const pattern = /\uE000(\d+)\uE001/g;
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 200; round++) {
      let text = '';
      for (let part = next() % 12; part > 0; part--) {
        text += next() % 3 === 0 ? token(next() % 500) : 'words \n\t*_['.slice(0, next() % 11);
      }
      const fill = (i: number) => `v${i % 7}`;
      expect(fillTokens(text, fill)).toBe(text.replace(pattern, (_, i: string) => fill(Number(i))));
    }
  });
});
