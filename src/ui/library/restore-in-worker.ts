/**
 * Starts a restore in its own worker and relays its progress. A worker that dies (out of
 * memory, say) ends as a failure: its transaction aborted, so nothing was written.
 */
import { showUpgradeBlocked } from '../upgrade-blocked';
import type { RestoreOutcome, RestoreProgress, RestoreWorkerMessage } from './restore-backup';

export function restoreInWorker(
  file: Blob,
  onProgress: (progress: RestoreProgress) => void,
): Promise<RestoreOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./restore-worker.ts', import.meta.url), {
      type: 'module',
    });
    const finish = (outcome: RestoreOutcome) => {
      worker.terminate();
      resolve(outcome);
    };
    worker.addEventListener('message', (event: MessageEvent<RestoreWorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'blocked') showUpgradeBlocked();
      else finish(message.outcome);
    });
    worker.addEventListener('error', (event) => {
      finish({
        kind: 'failed',
        message: event.message || 'The restore stopped unexpectedly; nothing was written',
      });
    });
    worker.postMessage({ file });
  });
}
