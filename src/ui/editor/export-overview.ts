import { overviewFileName, renderOverviewMarkdown } from '../../core/markdown';
import type { PopupApi } from '../api';

/**
 * The stored episode as its Markdown overview, downloaded and copied. A module of its own with
 * the serialiser, the popup's largest part: loaded on the first export only. Null when the
 * episode is no longer stored.
 */
export async function exportOverview(
  api: PopupApi,
  episodeId: string,
): Promise<{ fileName: string; copied: boolean } | null> {
  const [episode, quotes] = await Promise.all([
    api.store.episode(episodeId),
    api.store.quotesForEpisode(episodeId),
  ]);
  if (!episode) return null;
  const markdown = renderOverviewMarkdown(episode, quotes);
  const fileName = overviewFileName(episode);
  api.download(fileName, markdown);
  return { fileName, copied: await api.copy(markdown) };
}
