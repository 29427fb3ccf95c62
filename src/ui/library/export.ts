/**
 * Files the library hands the person: Markdown overviews (one file or a zip) and the JSON
 * backup. The Markdown serialiser, the zip writer and the backup format load on first use
 * (docs/decisions/0004-markdown-serialiser-loads-on-export.md): the list opens without them.
 */
import type { Episode, LibraryData, Quote } from '../../core/model';
import {
  DEFAULT_SETTINGS,
  overviewOptionsFrom,
  templateChoiceFrom,
  type ExportDefaults,
  type TemplateSetting,
} from './settings';

export interface DownloadFile {
  name: string;
  blob: Blob;
}

export type MarkdownExportMode = 'file' | 'zip';

/** `2026-11-26`, in the person's own time zone: the day they made the file. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Between overviews in one file: a thematic break, with blank lines so it can't be a heading. */
const OVERVIEW_SEPARATOR = '\n---\n\n';

/**
 * The overviews of `episodes`. One episode as one file gets its own name and the person's
 * defaults; several in one file are joined by thematic breaks, without YAML front matter (a
 * note app reads front matter only at the very top); a zip holds one file per episode.
 */
export async function markdownExport(
  episodes: readonly Episode[],
  quotesOf: (episodeId: string) => readonly Quote[],
  defaults: ExportDefaults,
  mode: MarkdownExportMode,
  now: Date,
  template: TemplateSetting = DEFAULT_SETTINGS.template,
): Promise<DownloadFile & { fileNames: Map<string, string> }> {
  const [{ overviewFileName }, { exporterFor }] = await Promise.all([
    import('../../core/markdown'),
    import('../../core/template/choice'),
  ]);
  const options = overviewOptionsFrom(defaults);
  // One compile for the whole export (issue 16: 500 episodes at the speed of a backup).
  const exporter = exporterFor(templateChoiceFrom(template), options);
  const render = (episode: Episode, frontMatter?: boolean) =>
    exporter(episode, [...quotesOf(episode.id)], frontMatter).markdown;
  // The same episode always gets the same name: a re-export replaces its file.
  const fileNames = new Map(episodes.map((e) => [e.id, overviewFileName(e)]));

  if (mode === 'zip') {
    const { zipTextFiles } = await import('../../core/zip');
    const files = episodes.map((e) => ({ name: fileNames.get(e.id)!, text: render(e) }));
    const zip = zipTextFiles(files, { modified: now });
    return {
      name: `Earmark overviews ${localDate(now)}.zip`,
      blob: new Blob([zip], { type: 'application/zip' }),
      fileNames,
    };
  }
  if (episodes.length === 1) {
    const [episode] = episodes as [Episode];
    return {
      name: fileNames.get(episode.id)!,
      blob: new Blob([render(episode)], { type: 'text/markdown;charset=utf-8' }),
      fileNames,
    };
  }
  const text = episodes.map((e) => render(e, false)).join(OVERVIEW_SEPARATOR);
  return {
    name: `Earmark overviews ${localDate(now)}.md`,
    blob: new Blob([text], { type: 'text/markdown;charset=utf-8' }),
    fileNames,
  };
}

/** Episode id → the file name of its last export, from the store's meta (anything else is dropped). */
export function exportedFilesFrom(stored: unknown): Record<string, string> {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return {};
  return Object.fromEntries(
    Object.entries(stored).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * Which files of an export are new and which replace one exported before under the same name
 * (`previous`: episode id → file name, kept in the store's meta), by file name, in export order.
 */
export function newAndReplaced(
  fileNames: ReadonlyMap<string, string>,
  previous: Readonly<Record<string, string>>,
): { added: string[]; replaced: string[] } {
  const added: string[] = [];
  const replaced: string[] = [];
  for (const [id, name] of fileNames) (previous[id] === name ? replaced : added).push(name);
  return { added, replaced };
}

/** The whole library as a backup file (docs/backup-format.md). */
export async function backupExport(data: LibraryData, now: Date): Promise<DownloadFile> {
  const { serializeBackup } = await import('../../core/backup');
  return {
    name: `earmark-backup-${localDate(now)}.json`,
    blob: new Blob([serializeBackup(data, now.toISOString())], {
      type: 'application/json;charset=utf-8',
    }),
  };
}
