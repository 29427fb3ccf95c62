/**
 * "Copy as rich text", "Send to Obsidian" and "Send to Logseq" (issue 14), beside Export.
 * Each uses the template chosen in the library; the Markdown goes on the clipboard first, so
 * whatever an app does, the note is not lost.
 */
import { useState } from 'preact/hooks';
import { reason, t } from '../i18n';
import type { ExportStore } from './episode-export';
import type { Notice } from './Notice';

interface Props {
  store: ExportStore;
  /** The stored episode to send (created from the page first when needed); null: nothing yet. */
  episodeId: () => Promise<string | null>;
  copy: (text: string) => Promise<boolean>;
  onNotice: (notice: Notice) => void;
}

type Target = 'rich' | 'obsidian' | 'logseq';

export function SendActions({ store, episodeId, copy, onNotice }: Props) {
  const [busy, setBusy] = useState(false);

  const send = async (target: Target) => {
    setBusy(true);
    try {
      const id = await episodeId();
      if (id === null) return;
      const [{ exportEpisode }, sending] = await Promise.all([
        import('./episode-export'),
        import('./send-to-app'),
      ]);
      const exported = await exportEpisode(store, id);
      if (!exported) return;
      if (target === 'rich') {
        const { treeToHtml } = await import('../../core/rich-text');
        const copied = await sending.copyRich(treeToHtml(exported.tree), exported.markdown);
        onNotice(
          copied ? { text: t('sendRichCopied') } : { text: t('sendRichRefused'), error: true },
        );
        if (!copied) await copy(exported.markdown);
        return;
      }
      const copied = await copy(exported.markdown);
      const link =
        target === 'obsidian'
          ? (await import('../../core/send/obsidian')).obsidianNewUri(
              exported.settings.obsidian,
              exported.fileName,
              exported.markdown,
            )
          : (await import('../../core/send/logseq')).logseqQuickCaptureUri(
              exported.title,
              exported.url,
              exported.markdown,
              t('sendLogseqPasteHint'),
            );
      if (link.viaClipboard && !copied) {
        onNotice({ text: t('sendTooLongNoClipboard'), error: true });
        return;
      }
      const app = t(target === 'obsidian' ? 'sendAppObsidian' : 'sendAppLogseq');
      const opened = await sending.openAppLink(link.uri);
      onNotice(
        opened
          ? { text: t(link.viaClipboard ? 'sendOpenedViaClipboard' : 'sendOpened', app) }
          : { text: t('sendNotOpened', app), error: true },
      );
    } catch (error) {
      onNotice({ text: t('sendFailed', reason(error)), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" disabled={busy} onClick={() => void send('rich')}>
        {t('sendCopyRich')}
      </button>
      <button type="button" disabled={busy} onClick={() => void send('obsidian')}>
        {t('sendToObsidian')}
      </button>
      <button type="button" disabled={busy} onClick={() => void send('logseq')}>
        {t('sendToLogseq')}
      </button>
    </>
  );
}
