/**
 * The library page's settings, kept in the store's `meta` record `settings` (see
 * docs/decisions/0003-settings-in-indexeddb.md). Other views read them through `readSettings`:
 * a record written by an older or newer version, or damaged, still gives usable settings.
 */
import type { OverviewOptions, QuoteGrouping } from '../../core/markdown';
import { TEMPLATE_PRESET_IDS, type TemplatePresetId } from '../../core/template/presets';

export const SETTINGS_KEY = 'settings';
export const LAST_BACKUP_KEY = 'lastBackupAt';
/** Episode id → the file name of its last Markdown export, to tell new files from updates. */
export const EXPORTED_FILES_KEY = 'exportedFiles';

/** The export's template: a preset, or the person's own text (kept when they switch away). */
export interface TemplateSetting {
  choice: TemplatePresetId | 'custom';
  custom: string;
}

/** Where "Send to Obsidian" writes: a vault's name and a folder in it (both may be empty). */
export interface ObsidianSetting {
  vault: string;
  folder: string;
}

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
  /**
   * The transcript panel looks in the feed the page names on its own, and goes on to its
   * episode's transcript and chapters, where the browser needs no prompt for them (issue 13;
   * src/ui/words/look-automatically.ts). Off unless switched on: these are network requests
   * the person did not click for.
   */
  findTranscriptsAutomatically: boolean;
  template: TemplateSetting;
  obsidian: ObsidianSetting;
}

export const DEFAULT_SETTINGS: Readonly<LibrarySettings> = Object.freeze({
  exportDefaults: Object.freeze({ frontMatter: false, timestamps: true, quoteGrouping: 'time' }),
  floatingButton: true,
  detectAllSites: false,
  findTranscriptsAutomatically: false,
  template: Object.freeze({ choice: 'overview', custom: '' }),
  obsidian: Object.freeze({ vault: '', folder: 'Podcasts' }),
});

const GROUPINGS: readonly QuoteGrouping[] = ['time', 'section', 'speaker'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function flag(value: unknown, fallback: boolean): boolean {
  return typeof value === 'boolean' ? value : fallback;
}

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

const TEMPLATE_CHOICES: readonly TemplateSetting['choice'][] = [...TEMPLATE_PRESET_IDS, 'custom'];

/** Settings from a stored value, field by field: whatever is missing or wrong is the default. */
export function readSettings(value: unknown): LibrarySettings {
  const stored = isRecord(value) ? value : {};
  const exportStored = isRecord(stored.exportDefaults) ? stored.exportDefaults : {};
  const defaults = DEFAULT_SETTINGS.exportDefaults;
  const grouping = exportStored.quoteGrouping;
  const templateStored = isRecord(stored.template) ? stored.template : {};
  const obsidianStored = isRecord(stored.obsidian) ? stored.obsidian : {};
  return {
    exportDefaults: {
      frontMatter: flag(exportStored.frontMatter, defaults.frontMatter),
      timestamps: flag(exportStored.timestamps, defaults.timestamps),
      quoteGrouping: GROUPINGS.find((g) => g === grouping) ?? defaults.quoteGrouping,
    },
    floatingButton: flag(stored.floatingButton, DEFAULT_SETTINGS.floatingButton),
    detectAllSites: flag(stored.detectAllSites, DEFAULT_SETTINGS.detectAllSites),
    findTranscriptsAutomatically: flag(
      stored.findTranscriptsAutomatically,
      DEFAULT_SETTINGS.findTranscriptsAutomatically,
    ),
    template: {
      choice: TEMPLATE_CHOICES.find((c) => c === templateStored.choice) ?? 'overview',
      custom: text(templateStored.custom, ''),
    },
    obsidian: {
      vault: text(obsidianStored.vault, DEFAULT_SETTINGS.obsidian.vault),
      folder: text(obsidianStored.folder, DEFAULT_SETTINGS.obsidian.folder),
    },
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

/** The template an export uses, as the core takes it. */
export function templateChoiceFrom(
  setting: TemplateSetting,
): { preset: TemplatePresetId } | { custom: string } {
  return setting.choice === 'custom' ? { custom: setting.custom } : { preset: setting.choice };
}
