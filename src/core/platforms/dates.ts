/**
 * Publication dates as pages write them. ISO dates pass through; a written date ("August 1,
 * 2023", Apple's Spanish "8 ago 2023") is read with the month names of the page's language,
 * which Intl supplies, so no month tables live in the bundle.
 */

const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})\.?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+)?(\d{4})$/u;
const MONTH_DAY_YEAR = /^(\p{L}+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u;

/** ISO 8601 (as given, or `YYYY-MM-DD` for a written date), or '' when it cannot be read. */
export function toIsoDate(text: string, lang = 'en'): string {
  const value = text.trim().slice(0, 60);
  if (ISO.test(value)) return value;
  let day: string | undefined;
  let month: string | undefined;
  let year: string | undefined;
  let m = DAY_MONTH_YEAR.exec(value);
  if (m) [, day, month, year] = m;
  else if ((m = MONTH_DAY_YEAR.exec(value))) [, month, day, year] = m;
  if (!day || !month || !year) return '';
  const index = monthIndex(month, lang) ?? (lang.startsWith('en') ? null : monthIndex(month, 'en'));
  const d = Number(day);
  if (index === null || d < 1 || d > 31) return '';
  return `${year}-${String(index + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f.]/g, '')
    .toLowerCase();
}

/**
 * 0-based month whose name the word is, or a unique ≥3-letter prefix of ("ago" of "agosto",
 * "févr" of "février"). Only the long names are asked for: each Intl formatter costs
 * milliseconds the first time a page uses a language.
 */
function monthIndex(word: string, lang: string): number | null {
  const w = fold(word);
  if (w.length < 3) return null;
  let found: number | null = null;
  try {
    const format = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
    for (let i = 0; i < 12; i++) {
      const name = fold(format.format(Date.UTC(2000, i, 15)));
      if (name === w) return i;
      if (name.startsWith(w)) {
        if (found !== null) return null; // ambiguous ("jui" is juin or juillet)
        found = i;
      }
    }
  } catch {
    return null; // an invalid language tag from the page
  }
  return found;
}
