/**
 * When to remind the person to back up. Uninstalling the extension deletes its IndexedDB, so
 * the backup file is the only copy that survives; but a reminder after every quote would be
 * noise. Remind when much changed, or when some change has waited long.
 */
import type { LibraryData } from '../../core/model';

/** Episodes and quotes added or edited since the last backup that make a reminder due. */
export const REMIND_AFTER_CHANGES = 20;
/** A change older than this without a backup makes a reminder due, however small. */
export const REMIND_AFTER_DAYS = 7;

export interface BackupStatus {
  lastBackupAt: string | null;
  /** Episodes and quotes added or edited after the last backup (all of them when none). */
  changed: number;
  reminder: boolean;
}

export function backupStatus(
  data: LibraryData,
  lastBackupAt: string | null,
  now: Date,
): BackupStatus {
  const since = lastBackupAt === null ? Number.NEGATIVE_INFINITY : Date.parse(lastBackupAt);
  let changed = 0;
  let oldestChange = Number.POSITIVE_INFINITY;
  for (const record of [...data.episodes, ...data.quotes]) {
    const at = Date.parse(record.updatedAt);
    // A record with an unreadable time can't be shown to be saved: count it as changed.
    if (Number.isNaN(at) || at > since) {
      changed++;
      if (!Number.isNaN(at)) oldestChange = Math.min(oldestChange, at);
    }
  }
  const waitedDays = (now.getTime() - oldestChange) / 86_400_000;
  const reminder =
    changed >= REMIND_AFTER_CHANGES || (changed > 0 && waitedDays >= REMIND_AFTER_DAYS);
  return { lastBackupAt, changed, reminder };
}
