/**
 * What the popup's export buttons do (issue 14): download Markdown, copy as rich text, send to
 * Obsidian or Logseq, each with the template chosen in the library. Loaded on the first click
 * with the serialiser and the template engine, so that the popup's first render carries only
 * the buttons (bench: sizes, popup ≤ 30 kB). The Markdown goes on the clipboard first: whatever
 * an app does, the note is not lost.
 */
import { TemplateError } from '../../core/template/syntax';
import { reason, t } from '../i18n';
import { exportEpisode, type ExportStore } from './episode-export';
import type { Notice } from '../components/Notice';
import { copyRich, openAppLink } from './send-to-app';

export type ExportTarget = 'download' | 'rich' | 'obsidian' | 'logseq';

export interface ExportDeps {
  store: ExportStore;
  download: (fileName: string, text: string) => void;
  /** Puts plain text on the clipboard; false where the browser refuses. */
  copy: (text: string) => Promise<boolean>;
}

/** Exports the stored episode to `target`; the notice says what happened. Null: it is gone. */
export async function exportTo(
  target: ExportTarget,
  episodeId: string,
  deps: ExportDeps,
): Promise<Notice | null> {
  try {
    return await run(target, episodeId, deps);
  } catch (error) {
    // A broken template is the person's to fix, where they wrote it; nothing was sent.
    if (error instanceof TemplateError) {
      return { text: t('exportTemplateBroken', error.message), error: true };
    }
    return { text: t('exportFailed', reason(error)), error: true };
  }
}

async function run(
  target: ExportTarget,
  episodeId: string,
  { store, download, copy }: ExportDeps,
): Promise<Notice | null> {
  const exported = await exportEpisode(store, episodeId);
  if (!exported) return null;
  const { markdown, fileName } = exported;
  if (target === 'download') {
    download(fileName, markdown);
    const copied = await copy(markdown);
    return { text: t(copied ? 'popupExported' : 'popupExportedNoClipboard', fileName) };
  }
  if (target === 'rich') {
    const { treeToHtml } = await import('../../core/rich-text');
    if (await copyRich(treeToHtml(exported.tree), markdown)) return { text: t('sendRichCopied') };
    await copy(markdown);
    return { text: t('sendRichRefused'), error: true };
  }
  const copied = await copy(markdown);
  const link =
    target === 'obsidian'
      ? (await import('../../core/send/obsidian')).obsidianNewUri(
          exported.settings.obsidian,
          fileName,
          markdown,
        )
      : (await import('../../core/send/logseq')).logseqQuickCaptureUri(
          exported.title,
          exported.url,
          markdown,
          t('sendLogseqPasteHint'),
        );
  if (link.viaClipboard && !copied) return { text: t('sendTooLongNoClipboard'), error: true };
  const app = t(target === 'obsidian' ? 'sendAppObsidian' : 'sendAppLogseq');
  if (await openAppLink(link.uri)) {
    return { text: t(link.viaClipboard ? 'sendOpenedViaClipboard' : 'sendOpened', app) };
  }
  return { text: t(copied ? 'sendNotOpened' : 'sendNotOpenedNoClipboard', app), error: true };
}
