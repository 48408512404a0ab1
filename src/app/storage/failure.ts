/**
 * What can go wrong with the browser's storage, told apart, and every
 * sentence the page says about it: what failed and what still works, in a
 * student's words. The one place for this wording, so a translation has one
 * place to go.
 *
 * Browsers report storage failures tersely: Chrome's quota error has an empty
 * message, a page without IndexedDB fails with "Cannot read properties of
 * undefined". None of that reaches the page as is.
 */

/**
 * - unavailable: no IndexedDB, or it cannot be opened (storage turned off, a
 *   sandbox, some private modes): nothing can be kept, everything else works.
 * - quota: the site's storage is full.
 * - other: anything else, with the browser's own words as detail.
 */
export type StorageFailure = 'unavailable' | 'quota' | 'other';

/** The clause after "…: " that says why; a StorageError's message, so that "<what failed>: <message>." reads right. */
export function storageCause(kind: StorageFailure, detail = ''): string {
  switch (kind) {
    case 'unavailable':
      return 'this browser does not let the lab store anything (private mode, or storage turned off?)';
    case 'quota':
      return 'the browser’s storage for this site is full';
    case 'other':
      return detail ? `the browser’s storage failed (${detail.replace(/[.\s]+$/, '')})` : 'the browser’s storage failed without saying why';
  }
}

export class StorageError extends Error {
  constructor(
    readonly kind: StorageFailure,
    /** The browser's own words, if it gave any (for "other"). */
    readonly detail = '',
  ) {
    super(storageCause(kind, detail));
    this.name = 'StorageError';
  }
}

/**
 * The kind of a storage failure. `opening`: the error came from opening the
 * database, where any failure means storage is unavailable (a quota error
 * there is still a full disk).
 */
export function asStorageError(e: unknown, opening = false): StorageError {
  if (e instanceof StorageError) return e;
  const name = typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
  const message = typeof e === 'object' && e !== null && 'message' in e ? String(e.message) : e === undefined || e === null ? '' : String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return new StorageError('quota');
  if (opening || name === 'SecurityError') return new StorageError('unavailable');
  return new StorageError('other', (message || name).slice(0, 120));
}

/** What the page was doing when storage failed. */
export type StorageTask =
  | 'list-models'
  | 'save-model'
  | 'load-model'
  | 'delete-model'
  | 'keep-upload'
  | 'list-runs'
  | 'read-runs'
  | 'save-runs'
  | 'import-runs'
  | 'rename-run'
  | 'delete-run';

const FAILED: Record<StorageTask, string> = {
  'list-models': 'Saved models cannot be listed',
  'save-model': 'The model was not saved',
  'load-model': 'The saved model cannot be read',
  'delete-model': 'The saved model was not removed',
  'keep-upload': 'The uploaded model is in use, but it was not kept in this browser',
  'list-runs': 'The run history cannot be read',
  'read-runs': 'The runs cannot be read',
  'save-runs': 'The runs were not kept in the history',
  'import-runs': 'The runs were not imported',
  'rename-run': 'The run was not renamed',
  'delete-run': 'The run was not deleted',
};

const MODELS_STILL: Record<StorageFailure, string> = {
  unavailable: 'You can still train, draw, and download the network as a file.',
  quota: 'Delete saved models or runs you no longer need, or download the network as a file.',
  other: 'Try again; you can still download the network as a file.',
};

const RUNS_STILL: Record<StorageFailure, string> = {
  unavailable: 'Runs still train and show their curves, but are not kept.',
  quota: 'Delete runs or saved models you no longer need; runs still train meanwhile.',
  other: 'Try again; runs still train meanwhile.',
};

/** The sentence for a failed storage task: what failed, why, and what still works. */
export function storageProblem(task: StorageTask, e: unknown): string {
  const err = asStorageError(e);
  const still = task.endsWith('-models') || task.endsWith('-model') || task === 'keep-upload' ? MODELS_STILL : RUNS_STILL;
  return `${FAILED[task]}: ${err.message}. ${still[err.kind]}`;
}

/** Shown at the models panel while storage is unavailable, instead of the saved list. */
export const MODELS_NOT_KEPT =
  'Saving is unavailable in this browser (private mode, or storage turned off?): models can still be trained, uploaded from a file and downloaded as a file, but are not kept here.';

/** Shown at the history panel while storage is unavailable: it keeps nothing, and says so. */
export const RUNS_NOT_KEPT =
  'Runs are not being kept: this browser does not let the lab store anything (private mode, or storage turned off?). Runs still train and show their curves, but none is listed here.';
