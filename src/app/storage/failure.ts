/**
 * What can go wrong with the browser's storage, told apart, and every
 * sentence the page says about it: what failed and what still works, in a
 * student's words and the page's language (the `storage` catalogue).
 *
 * Browsers report storage failures tersely: Chrome's quota error has an empty
 * message, a page without IndexedDB fails with "Cannot read properties of
 * undefined". None of that reaches the page as is.
 */
import { i18n } from '../../i18n/index.ts';

/**
 * - unavailable: no IndexedDB, or it cannot be opened (storage turned off, a
 *   sandbox, some private modes): nothing can be kept, everything else works.
 * - quota: the site's storage is full.
 * - other: anything else, with the browser's own words as detail.
 */
export type StorageFailure = 'unavailable' | 'quota' | 'other';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageFailure,
    /** The browser's own words, if it gave any (for "other"). */
    readonly detail = '',
  ) {
    // For logs: the page says it with storageCause().
    super(detail ? `${kind}: ${detail}` : kind);
    this.name = 'StorageError';
  }
}

/**
 * The clause after "…: " that says why storage failed, in the page's
 * language ("the browser’s storage for this site is full"), for any error a
 * storage call threw.
 */
export function storageCause(e: unknown): string {
  const { kind, detail } = asStorageError(e);
  if (kind !== 'other') return i18n.t(`storage.cause.${kind}`);
  const d = detail.replace(/[.\s]+$/, '');
  return d ? i18n.t('storage.cause.other', { detail: d }) : i18n.t('storage.cause.otherSilent');
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

const forModels = (task: StorageTask): boolean => task.endsWith('-models') || task.endsWith('-model') || task === 'keep-upload';

/** The sentence for a failed storage task: what failed, why, and what still works. */
export function storageProblem(task: StorageTask, e: unknown): string {
  const { kind } = asStorageError(e);
  return i18n.t('storage.problem', {
    failed: i18n.t(`storage.failed.${task}`),
    cause: storageCause(e),
    still: i18n.t(forModels(task) ? `storage.modelsStill.${kind}` : `storage.runsStill.${kind}`),
  });
}

/** Shown at the models panel while storage is unavailable, instead of the saved list. */
export const modelsNotKept = (): string => i18n.t('storage.modelsNotKept');

/** Shown at the history panel while storage is unavailable: it keeps nothing, and says so. */
export const runsNotKept = (): string => i18n.t('storage.runsNotKept');
