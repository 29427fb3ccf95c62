import { useEffect, useState } from 'preact/hooks';
import type { BackupProblem, MergeCounts } from '../../core/backup';
import type { RestoreOutcome, RestoreProgress } from './restore-backup';
import { reason, t } from '../i18n';
import type { LibraryApi, StorageHealth } from './api';
import type { BackupStatus } from './backup-reminder';
import { formatBytes, formatCount, formatDateTime } from '../format';

interface Props {
  api: LibraryApi;
  status: BackupStatus;
  hasData: boolean;
  onBackup: () => Promise<void>;
  /** Reloads the library after a restore wrote to it. */
  onRestored: () => Promise<void>;
}

/** What a restore did, or why it wrote nothing, or how far it is (it runs in a worker). */
type RestoreReport = { file: string } & (
  RestoreOutcome | { kind: 'working'; progress: RestoreProgress }
);

/** Backup and restore, and how the browser is keeping the data. */
export function BackupView(props: Props) {
  const { api, status } = props;
  const [report, setReport] = useState<RestoreReport | null>(null);
  const [busy, setBusy] = useState(false);

  const [restoring, setRestoring] = useState(false);

  const restore = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    // The same file can be chosen again after fixing it.
    input.value = '';
    if (!file || restoring) return;
    setRestoring(true);
    setReport({ file: file.name, kind: 'working', progress: { phase: 'reading' } });
    const outcome = await api.restore(file, (progress) =>
      setReport({ file: file.name, kind: 'working', progress }),
    );
    setReport({ file: file.name, ...outcome });
    try {
      if (outcome.kind === 'done') await props.onRestored();
    } finally {
      setRestoring(false);
    }
  };

  return (
    <>
      <section class="panel-section" aria-labelledby="backup-heading">
        <h2 id="backup-heading">{t('libraryBackupHeading')}</h2>
        <p>{t('libraryBackupWhy')}</p>
        <p class={status.reminder ? 'reminder' : 'muted'}>
          {status.lastBackupAt
            ? t(
                'libraryLastBackup',
                formatDateTime(status.lastBackupAt),
                formatCount(status.changed),
              )
            : t('libraryNeverBackedUp')}
        </p>
        <button
          type="button"
          class="primary"
          disabled={busy || !props.hasData}
          onClick={async () => {
            setBusy(true);
            await props.onBackup();
            setBusy(false);
          }}
        >
          {t('libraryBackupButton')}
        </button>
      </section>

      <section class="panel-section" aria-labelledby="restore-heading">
        <h2 id="restore-heading">{t('libraryRestoreHeading')}</h2>
        <p>{t('libraryRestoreWhy')}</p>
        <label class="file">
          <span>{t('libraryRestoreLabel')}</span>{' '}
          <input
            type="file"
            accept=".json,application/json"
            disabled={restoring}
            onChange={(event) => void restore(event.currentTarget as HTMLInputElement)}
          />
        </label>
        {report && <Report report={report} />}
      </section>

      <StorageSection api={api} />
    </>
  );
}

function Report({ report }: { report: RestoreReport }) {
  if (report.kind === 'working')
    return <RestoreProgressView file={report.file} progress={report.progress} />;
  if (report.kind === 'failed') {
    return (
      <p class="notice error" role="alert">
        {t('libraryRestoreFailed', report.file, reason(report.message))}
      </p>
    );
  }
  if (report.kind === 'refused') {
    return (
      <div class="restore-report" role="alert">
        <p class="notice error">
          {t('libraryRestoreRefused', report.file, formatCount(report.errors.length))}
        </p>
        <Problems problems={report.errors} label={t('libraryRestoreErrorsLabel')} />
      </div>
    );
  }
  const rows: [string, MergeCounts][] = [
    [t('libraryRestoreEpisodes'), report.episodes],
    [t('libraryRestoreQuotes'), report.quotes],
  ];
  return (
    <div class="restore-report" role="status">
      <p>{t('libraryRestoreDone', report.file)}</p>
      <table class="counts">
        <thead>
          <tr>
            <th scope="col">
              <span class="sr-only">{t('libraryRestoreKind')}</span>
            </th>
            <th scope="col">{t('libraryRestoreAdded')}</th>
            <th scope="col">{t('libraryRestoreUpdated')}</th>
            <th scope="col">{t('libraryRestoreUnchanged')}</th>
            <th scope="col">{t('libraryRestoreRejected')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, counts]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{formatCount(counts.added)}</td>
              <td>{formatCount(counts.updated)}</td>
              <td>{formatCount(counts.unchanged)}</td>
              <td>{formatCount(counts.rejected)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.changes.length > 0 && (
        <>
          <h3 class="problems-label">{t('libraryRestoreChangesLabel')}</h3>
          <ul class="problems" aria-label={t('libraryRestoreChangesLabel')}>
            {report.changes.map((change, i) => (
              <li key={i}>{change}</li>
            ))}
          </ul>
        </>
      )}
      {report.rejected.length > 0 && (
        <Problems problems={report.rejected} label={t('libraryRestoreRejectedLabel')} />
      )}
      {report.adjusted.length > 0 && (
        <Problems problems={report.adjusted} label={t('libraryRestoreAdjustedLabel')} />
      )}
    </div>
  );
}

/** How far a running restore is: a bar while records are written, and in words. */
function RestoreProgressView({ file, progress }: { file: string; progress: RestoreProgress }) {
  const words =
    progress.phase === 'reading'
      ? t('libraryRestoreReading', file)
      : progress.phase === 'checking'
        ? t('libraryRestoreChecking', file)
        : t(
            'libraryRestoreWriting',
            file,
            formatCount(progress.written),
            formatCount(progress.total),
          );
  return (
    <div class="restore-progress">
      {/* No value until records are written: reading and checking can't say how far they are. */}
      <progress
        aria-label={t('libraryRestoreProgress')}
        max={progress.phase === 'writing' ? Math.max(progress.total, 1) : undefined}
        value={progress.phase === 'writing' ? progress.written : undefined}
      />
      <p class="muted" role="status">
        {words}
      </p>
    </div>
  );
}

/** Each problem with its place in the file (`quotes[12].timeSec`), as parseBackup says it. */
function Problems({ problems, label }: { problems: BackupProblem[]; label: string }) {
  return (
    <>
      <h3 class="problems-label">{label}</h3>
      <ul class="problems" aria-label={label}>
        {problems.map((p, i) => (
          <li key={i}>
            {p.path ? <code>{p.path}</code> : t('libraryRestoreWholeFile')}: {p.message}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Usage and quota, and the browser's promise (or not) to keep the data under pressure. */
function StorageSection({ api }: { api: LibraryApi }) {
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const [asked, setAsked] = useState<boolean | null | undefined>(undefined);
  useEffect(() => {
    api.storage
      .health()
      .then(setHealth, () => setHealth({ usage: null, quota: null, persisted: null }));
  }, []);

  const ask = async () => {
    const granted = await api.storage.persist();
    setAsked(granted);
    setHealth(await api.storage.health());
  };

  return (
    <section class="panel-section" aria-labelledby="storage-heading">
      <h2 id="storage-heading">{t('libraryStorageHeading')}</h2>
      {health === null ? (
        <p class="muted">{t('libraryLoading')}</p>
      ) : (
        <>
          <p class="storage-usage">
            {health.usage !== null && health.quota !== null
              ? t('libraryStorageUsage', formatBytes(health.usage), formatBytes(health.quota))
              : t('libraryStorageUnknown')}
          </p>
          <p class="storage-persisted">
            {health.persisted === true
              ? t('libraryPersisted')
              : health.persisted === false
                ? t('libraryNotPersisted')
                : t('libraryPersistUnknown')}
          </p>
          {health.persisted !== true && (
            <button type="button" onClick={() => void ask()}>
              {t('libraryPersistButton')}
            </button>
          )}
          {asked !== undefined && (
            <p class="persist-answer" role="status">
              {asked === true
                ? t('libraryPersistGranted')
                : asked === false
                  ? t('libraryPersistDenied')
                  : t('libraryPersistUnknown')}
            </p>
          )}
          <p class="muted">{t('libraryUninstallWarning')}</p>
        </>
      )}
    </section>
  );
}
