/**
 * The restore's worker: the whole restore (JSON.parse of tens of megabytes, the check of every
 * record, the merge and the writes) off the library page's thread, which only shows progress.
 * If the page closes mid-way the worker stops and its open transaction aborts: nothing is
 * half-written.
 */
import { createStore } from '../../store/store';
import { restoreBackup, type RestoreWorkerMessage } from './restore-backup';

/** The part of a dedicated worker's global scope used here (the DOM library types a window). */
interface WorkerScope {
  postMessage(message: RestoreWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  // Only the library page that started this worker can post to it; look all the same.
  const file = (event.data as { file?: unknown } | null)?.file;
  if (!(file instanceof Blob)) {
    scope.postMessage({
      type: 'outcome',
      outcome: { kind: 'failed', message: 'The restore was not given a file.' },
    });
    return;
  }
  void (async () => {
    const store = createStore({ onBlocked: () => scope.postMessage({ type: 'blocked' }) });
    try {
      const outcome = await restoreBackup(store, file, (progress) =>
        scope.postMessage({ type: 'progress', progress }),
      );
      scope.postMessage({ type: 'outcome', outcome });
    } finally {
      // Closed, so an upgrade of the database elsewhere is never kept waiting by this worker.
      await store.close();
    }
  })();
});
