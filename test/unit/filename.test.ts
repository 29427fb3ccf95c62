/**
 * File names for exported overviews: readable, and safe to create on Windows, macOS and Linux
 * whatever the show and the title say.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_LENGTH, overviewFileName } from '../../src/core/markdown';

const named = (show: string, title: string, publishedAt: string | null = null) => ({
  id: 'ep-1x2y',
  show,
  title,
  publishedAt,
});

/** Characters Windows forbids in a name (macOS forbids `:` and Linux `/`; both are here). */
// eslint-disable-next-line no-control-regex -- control characters are among the forbidden.
const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/;
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const utf8Length = (s: string) => new TextEncoder().encode(s).length;

describe('overviewFileName', () => {
  it('is "<show> - <title>.md" by default', () => {
    expect(overviewFileName(named('The Show', 'Episode one'))).toBe('The Show - Episode one.md');
  });

  it('is the title alone when there is no show', () => {
    expect(overviewFileName(named('', 'Episode one'))).toBe('Episode one.md');
  });

  it('follows a pattern with the date and the id', () => {
    const episode = named('Show', 'Title', '2024-05-01T08:00:00Z');
    expect(overviewFileName(episode, '<date> <show> - <title>')).toBe('2024-05-01 Show - Title.md');
    expect(overviewFileName(episode, '<id>.md')).toBe('ep-1x2y.md');
    expect(overviewFileName(named('Show', 'Title'), '<date> - <title>')).toBe('Title.md');
  });

  it('replaces the characters that some system forbids', () => {
    expect(overviewFileName(named('AC/DC', 'Why? Because: "reasons" <3 | *a\\b*'))).toBe(
      "AC-DC - Why Because - 'reasons' 3 - a-b.md",
    );
  });

  it('drops control characters and direction overrides that disguise the extension', () => {
    expect(overviewFileName(named('', 'tab\there\u0007\u202eexe.md'))).toBe('tab here exe.md.md');
  });

  it('never ends the name with a dot or a space, nor starts it with one', () => {
    expect(overviewFileName(named(' .hidden ', 'Title... '))).toBe('hidden - Title.md');
  });

  it("keeps Windows' device names from being the name", () => {
    expect(overviewFileName(named('', 'CON'))).toBe('_CON.md');
    expect(overviewFileName(named('', 'nul.txt'))).toBe('_nul.txt.md');
    expect(overviewFileName(named('', 'Com1 '))).toBe('_Com1.md');
    expect(overviewFileName(named('', 'Console'))).toBe('Console.md');
  });

  it('is never empty', () => {
    expect(overviewFileName(named('', ''))).toBe('Episode overview.md');
    expect(overviewFileName(named('...', '???'))).toBe('Episode overview.md');
    expect(overviewFileName(named('Show', 'Title'), '')).toBe('Title.md');
  });

  it(`cuts long names to ${MAX_FILE_NAME_LENGTH} characters between letters as people see them`, () => {
    const long = overviewFileName(named('Show', 'word '.repeat(100)));
    expect(long.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(long).toMatch(/^Show - word word .*word\.md$/);
    const flags = overviewFileName(named('', '🇫🇷'.repeat(100)));
    expect(flags.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
    expect(flags.replace(/\.md$/, '')).toMatch(/^(🇫🇷)+$/u);
  });

  it('stays within the 255 bytes most file systems allow, in any script', () => {
    const name = overviewFileName(named('', '東京'.repeat(100)));
    expect(utf8Length(name)).toBeLessThanOrEqual(255);
    expect(name).toMatch(/^(東京)+東?\.md$/);
  });

  it('is a safe name for any show, title and pattern (property)', () => {
    const anyText = fc.string({ unit: 'binary', maxLength: 300 });
    const pattern = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('<show> - <title>', '<date> <title>.md', '<id>', '', '.', 'CON'),
      anyText,
    );
    fc.assert(
      fc.property(anyText, anyText, fc.option(anyText), pattern, (show, title, date, p) => {
        const name = overviewFileName({ id: 'ep-1', show, title, publishedAt: date }, p);
        const stem = name.slice(0, -'.md'.length);
        expect(name.endsWith('.md')).toBe(true);
        expect(stem.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
        expect(utf8Length(name)).toBeLessThanOrEqual(255);
        expect(name).not.toMatch(FORBIDDEN);
        expect(stem).not.toMatch(/^[\s.]|[\s.]$/);
        expect(stem.split('.')[0]).not.toMatch(RESERVED);
        // Well-formed UTF-16: no half of a surrogate pair left by a cut.
        expect(name).toBe(Buffer.from(name, 'utf8').toString('utf8'));
      }),
      { numRuns: 1000 },
    );
  });
});
