/**
 * What went wrong in IndexedDB, said so a person knows what happened and what to do. The
 * original error stays attached as `cause` for debugging.
 */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly reason: 'quota' | 'interrupted' | 'newer-version' | 'unavailable' | 'other',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}

export function toStoreError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  // Our own checks ("no longer in your library") already speak to the person.
  if (error instanceof Error && !(error instanceof DOMException) && error.name === 'Error') {
    return new StoreError(error.message, 'other', { cause: error });
  }
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  switch (name) {
    case 'QuotaExceededError':
      return new StoreError(
        "The browser's storage for Earmark is full. Nothing was saved. Free some disk space or delete episodes you no longer need, then try again.",
        'quota',
        { cause: error },
      );
    case 'AbortError':
    case 'TransactionInactiveError':
      return new StoreError(
        'The save was interrupted. Nothing was saved; try again.',
        'interrupted',
        {
          cause: error,
        },
      );
    case 'VersionError':
      return new StoreError(
        'Your library was written by a newer version of Earmark. Update the extension to open it; nothing was changed.',
        'newer-version',
        { cause: error },
      );
    case 'InvalidStateError':
    case 'UnknownError':
      return new StoreError(
        "The browser's database is not available right now (it may be shutting down or in a private window). Nothing was saved; try again.",
        'unavailable',
        { cause: error },
      );
    default:
      return new StoreError(
        `Saving failed: ${error instanceof Error ? error.message : String(error)}. Nothing was saved.`,
        'other',
        { cause: error },
      );
  }
}
