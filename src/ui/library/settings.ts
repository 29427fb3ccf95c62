/**
 * The library page's settings, kept in the store's `meta` record `settings` (see
 * docs/decisions/0003-settings-in-indexeddb.md). Other views read them through `readSettings`:
 * a record written by an older or newer version, or damaged, still gives usable settings.
 */
import type { OverviewOptions, QuoteGrouping } from '../../core/markdown';

export const SETTINGS_KEY = 'settings';
export const LAST_BACKUP_KEY = 'lastBackupAt';

export interface ExportDefaults {
  frontMatter: boolean;
  timestamps: boolean;
  quoteGrouping: QuoteGrouping;
}

export interface LibrarySettings {
  exportDefaults: ExportDefaults;
  /** The capture button drawn next to a selection on podcast pages. */
  floatingButton: boolean;
  /**
   * The person's choice for "detect on all sites". The permission itself is the truth: the
   * page shows whether it is held, and records here what was last chosen.
   */
  detectAllSites: boolean;
}

export const DEFAULT_SETTINGS: Readonly<LibrarySettings> = Object.freeze({
  exportDefaults: Object.freeze({ frontMatter: false, timestamps: true, quoteGrouping: 'time' }),
  floatingButton: true,
  detectAllSites: false,
});

const GROUPINGS: readonly QuoteGrouping[] = ['time', 'section', 'speaker'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

/** Settings from a stored value, field by field: whatever is missing or wrong is the default. */
export function readSettings(value: unknown): LibrarySettings {
  const stored = isRecord(value) ? value : {};
  const exportStored = isRecord(stored.exportDefaults) ? stored.exportDefaults : {};
  const defaults = DEFAULT_SETTINGS.exportDefaults;
  const grouping = exportStored.quoteGrouping;
  return {
    exportDefaults: {
      frontMatter: flag(exportStored.frontMatter, defaults.frontMatter),
      timestamps: flag(exportStored.timestamps, defaults.timestamps),
      quoteGrouping: GROUPINGS.find((g) => g === grouping) ?? defaults.quoteGrouping,
    },
    floatingButton: flag(stored.floatingButton, DEFAULT_SETTINGS.floatingButton),
    detectAllSites: flag(stored.detectAllSites, DEFAULT_SETTINGS.detectAllSites),
  };
}

/** The overview options an export uses, from the person's defaults. */
export function overviewOptionsFrom(defaults: ExportDefaults): Partial<OverviewOptions> {
  return {
    frontMatter: defaults.frontMatter,
    timestamps: defaults.timestamps,
    quoteGrouping: defaults.quoteGrouping,
  };
}
