/**
 * A zip of text files, for exporting many episode overviews at once (issue 6, issue 7).
 * Built with fflate (small, no dependencies, synchronous): a few hundred Markdown files take
 * milliseconds, so a worker would cost more than it saves.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface TextFile {
  /** A file name without folders (`overviewFileName` gives one). */
  name: string;
  text: string;
}

/**
 * The names, with ` (2)`, ` (3)`… before the extension where a name repeats. Names that
 * differ only in case or Unicode form count as the same, because Windows and macOS file
 * systems would put them in one file.
 */
export function uniqueFileNames(names: readonly string[]): string[] {
  const key = (name: string) => name.normalize('NFC').toLowerCase();
  const taken = new Set<string>();
  return names.map((name) => {
    const dot = name.lastIndexOf('.');
    const stem = dot > 0 ? name.slice(0, dot) : name;
    const extension = dot > 0 ? name.slice(dot) : '';
    let candidate = name;
    for (let n = 2; taken.has(key(candidate)); n++) candidate = `${stem} (${n})${extension}`;
    taken.add(key(candidate));
    return candidate;
  });
}

export interface ZipOptions {
  /** The modification time written for every file; zip stores local time from 1980 on. */
  modified?: Date;
}

/** One zip holding each file as UTF-8, at the top level, with repeated names made unique. */
export function zipTextFiles(
  files: readonly TextFile[],
  options: ZipOptions = {},
): Uint8Array<ArrayBuffer> {
  const names = uniqueFileNames(files.map((f) => f.name));
  const entries: Zippable = {};
  const mtime = options.modified ?? new Date();
  files.forEach((file, i) => {
    entries[names[i]!] = [strToU8(file.text), { mtime }];
  });
  return zipSync(entries, { level: 6 });
}
