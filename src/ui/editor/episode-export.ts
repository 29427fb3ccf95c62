/**
 * One episode's export as the person set it up in the library (issue 14): their template,
 * their export settings, the stable file name. Shared by the Export button and the send
 * actions. This module is imported on the first export only: the serialiser and the template
 * engine come with it (docs/decisions/0004).
 */
import type { Root } from 'mdast';
import { normaliseLine, overviewFileName } from '../../core/markdown';
import { exporterFor } from '../../core/template/choice';
import type { Store } from '../../store/store';
import {
  SETTINGS_KEY,
  overviewOptionsFrom,
  readSettings,
  templateChoiceFrom,
  type LibrarySettings,
} from '../library/settings';

export interface EpisodeExportResult {
  markdown: string;
  tree: Root;
  fileName: string;
  title: string;
  url: string;
  settings: LibrarySettings;
}

export type ExportStore = Pick<Store, 'episode' | 'quotesForEpisode' | 'getMeta'>;

/** Null when the episode is not stored. Throws a TemplateError for a broken template. */
export async function exportEpisode(
  store: ExportStore,
  episodeId: string,
): Promise<EpisodeExportResult | null> {
  const [episode, quotes, stored] = await Promise.all([
    store.episode(episodeId),
    store.quotesForEpisode(episodeId),
    store.getMeta<unknown>(SETTINGS_KEY),
  ]);
  if (!episode) return null;
  const settings = readSettings(stored);
  const exporter = exporterFor(
    templateChoiceFrom(settings.template),
    overviewOptionsFrom(settings.exportDefaults),
  );
  const { markdown, tree } = exporter(episode, quotes);
  return {
    markdown,
    tree,
    fileName: overviewFileName(episode),
    title: normaliseLine(episode.title),
    url: episode.url,
    settings,
  };
}
