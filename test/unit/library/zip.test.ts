// @vitest-environment node
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { uniqueFileNames, zipTextFiles } from '../../../src/core/zip';

describe('unique file names', () => {
  it('numbers a repeated name before its extension', () => {
    expect(uniqueFileNames(['Show - A.md', 'Show - A.md', 'Show - B.md', 'Show - A.md'])).toEqual([
      'Show - A.md',
      'Show - A (2).md',
      'Show - B.md',
      'Show - A (3).md',
    ]);
  });

  it('treats names differing only in case or Unicode form as the same file', () => {
    expect(uniqueFileNames(['Café.md', 'CAFÉ.md'])).toEqual(['Café.md', 'CAFÉ (2).md']);
    expect(uniqueFileNames(['Cafe\u0301.md', 'Café.md'])).toEqual(['Cafe\u0301.md', 'Café (2).md']);
  });

  it('skips a number already used by a real name', () => {
    expect(uniqueFileNames(['A (2).md', 'A.md', 'A.md'])).toEqual(['A (2).md', 'A.md', 'A (3).md']);
  });
});

describe('zip of text files', () => {
  it('holds every file with its exact text and a unique name', () => {
    const files = [
      { name: 'Show - Ep 1.md', text: '# One\n\n“Quoted” — ünïcödé 😀\n' },
      { name: 'Show - Ep 1.md', text: '# Another one with the same title\n' },
      { name: 'Другое шоу - 第二集.md', text: '# Two\n' },
    ];
    const unzipped = unzipSync(zipTextFiles(files, { modified: new Date(2026, 0, 2, 3, 4, 6) }));
    expect(Object.keys(unzipped)).toEqual([
      'Show - Ep 1.md',
      'Show - Ep 1 (2).md',
      'Другое шоу - 第二集.md',
    ]);
    expect(Object.values(unzipped).map((bytes) => strFromU8(bytes))).toEqual(
      files.map((f) => f.text),
    );
  });

  it('is the same bytes for the same files and time, so exports can be compared', () => {
    const files = [{ name: 'a.md', text: 'x' }];
    const modified = new Date(2026, 5, 1);
    expect(zipTextFiles(files, { modified })).toEqual(zipTextFiles(files, { modified }));
  });

  it('makes a valid, empty zip from no files', () => {
    expect(unzipSync(zipTextFiles([]))).toEqual({});
  });
});
