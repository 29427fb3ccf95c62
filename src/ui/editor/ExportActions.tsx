/**
 * The popup's export buttons: Export Markdown, Copy as rich text, Send to Obsidian, Send to
 * Logseq (issue 14). Only the buttons are in the first render; what they do loads on the first
 * click (export-to.ts), with the template chosen in the library.
 */
import { useState } from 'preact/hooks';
import { reason, t } from '../i18n';
import type { ExportDeps, ExportTarget } from './export-to';
import type { Notice } from '../components/Notice';

interface Props extends ExportDeps {
  /** The stored episode (created from the page first when needed); null: nothing to export. */
  episodeId: () => Promise<string | null>;
  onNotice: (notice: Notice) => void;
}

const BUTTONS: [ExportTarget, string][] = [
  ['download', 'popupExport'],
  ['rich', 'sendCopyRich'],
  ['obsidian', 'sendToObsidian'],
  ['logseq', 'sendToLogseq'],
];

export function ExportActions({ episodeId, onNotice, ...deps }: Props) {
  const [busy, setBusy] = useState(false);

  const run = async (target: ExportTarget) => {
    setBusy(true);
    try {
      const id = await episodeId();
      const { exportTo } = await import('./export-to');
      const notice = id === null ? null : await exportTo(target, id, deps);
      if (notice) onNotice(notice);
    } catch (error) {
      onNotice({ text: t('exportFailed', reason(error)), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {BUTTONS.map(([target, label]) => (
        <button key={target} type="button" disabled={busy} onClick={() => void run(target)}>
          {t(label)}
        </button>
      ))}
    </>
  );
}
