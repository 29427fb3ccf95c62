/**
 * A restore from a backup file, start to end: read, check, merge and write in the store's one
 * transaction. It runs in a worker (restore-worker.ts), so a file of 100,000 quotes never
 * freezes the library page (issue 18); it uses no browser API a worker lacks (no i18n: the
 * page words the progress and the outcome).
 */
import type { BackupProblem, MergeCounts } from '../../core/backup';
import type { Store } from '../../store/store';

/** Where a restore is: the page shows it as it goes. */
export type RestoreProgress =
  | { phase: 'reading' }
  | { phase: 'checking' }
  | { phase: 'writing'; written: number; total: number };

/** What a restore did, or why it wrote nothing. */
export type RestoreOutcome =
  | { kind: 'refused'; errors: BackupProblem[] }
  | { kind: 'failed'; message: string }
  | {
      kind: 'done';
      episodes: MergeCounts;
      quotes: MergeCounts;
      rejected: BackupProblem[];
      adjusted: BackupProblem[];
      changes: string[];
    };

/**
 * Restores `file` into `store`. Never throws: a broken file is refused with its problems, a
 * failed write is reported; either way the transaction wrote nothing (all or nothing).
 */
export async function restoreBackup(
  store: Store,
  file: Blob,
  onProgress: (progress: RestoreProgress) => void = () => undefined,
): Promise<RestoreOutcome> {
  try {
    onProgress({ phase: 'reading' });
    const text = await file.text();
    onProgress({ phase: 'checking' });
    const { parseBackup } = await import('../../core/backup');
    const parsed = parseBackup(text);
    if (!parsed.ok) return { kind: 'refused', errors: parsed.errors };
    // Told about every 1% written, not per record: 100,000 quotes report in steps a
    // progress bar can show, without a message per put.
    let written = 0;
    const plan = await store.importLibrary(parsed.data, (total) => {
      written++;
      if (written === 1 || written % Math.ceil(total / 100) === 0 || written === total) {
        onProgress({ phase: 'writing', written, total });
      }
    });
    return {
      kind: 'done',
      episodes: plan.episodes,
      quotes: plan.quotes,
      rejected: plan.rejected,
      adjusted: plan.adjusted,
      changes: plan.changes,
    };
  } catch (error) {
    return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** What the restore worker tells the page. */
export type RestoreWorkerMessage =
  | { type: 'progress'; progress: RestoreProgress }
  | { type: 'blocked' }
  | { type: 'outcome'; outcome: RestoreOutcome };
