/**
 * An export's YAML front matter (the overview's and every template's), in the one style every
 * reader agrees on: strings double-quoted on one line with JSON's escapes, so YAML 1.1 and
 * 1.2 parsers read the same (`no`, `0o7`, `2024-01-01` and `1:20` are not strings to all of
 * them), and no line can read as `---`.
 *
 * Front matter is mostly strings and lists of strings under plain keys. Those are written
 * here directly; anything else goes through the YAML library, whose output for the plain
 * cases is the same byte for byte (test/unit/front-matter.test.ts). Why not always the
 * library: building its document costs more than the rest of a short note's front matter
 * (issue 14's 5 ms per note), and most of that is for cases that never occur here.
 */
import { stringify as stringifyYaml } from 'yaml';

/** Keys the library writes without quotes: no reading of them as null, a boolean or a number. */
const PLAIN_KEY = /^[A-Za-z_][\w-]*(?: [\w-]+)*$/;
const SPECIAL_KEY = /^(?:null|true|false|yes|no|on|off|y|n)$/i;

/** The values as a front matter block: `---`, the YAML, `---` and a blank line. */
export function frontMatterBlock(values: Readonly<Record<string, unknown>>): string {
  return `---\n${simpleYaml(values) ?? libraryYaml(values)}---\n\n`;
}

/** The YAML library's output with the export's options. */
export function libraryYaml(values: Readonly<Record<string, unknown>>): string {
  return stringifyYaml(values, {
    defaultStringType: 'QUOTE_DOUBLE',
    defaultKeyType: 'PLAIN',
    lineWidth: 0,
    // One line per string, with JSON's escapes: folded over lines, yaml 2.9 writes a space
    // after blank lines as `\\ ` (a backslash), and the value reads back changed.
    doubleQuotedAsJSON: true,
  });
}

/**
 * The same YAML for plain keys whose values are strings, lists of strings, booleans and safe
 * integers; null for anything else.
 */
export function simpleYaml(values: Readonly<Record<string, unknown>>): string | null {
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (!PLAIN_KEY.test(key) || SPECIAL_KEY.test(key)) return null;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        out += `${key}: []\n`;
        continue;
      }
      out += `${key}:\n`;
      for (const item of value) {
        if (typeof item !== 'string') return null;
        out += `  - ${JSON.stringify(item)}\n`;
      }
      continue;
    }
    const scalar = simpleScalar(value);
    if (scalar === null) return null;
    out += `${key}: ${scalar}\n`;
  }
  return out === '' ? null : out;
}

function simpleScalar(value: unknown): string | null {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'boolean') return String(value);
  if (Number.isSafeInteger(value) && !Object.is(value, -0)) return String(value);
  return null;
}
