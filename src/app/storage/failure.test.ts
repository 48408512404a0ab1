import { describe, expect, it } from 'vitest';
import { StorageError, asStorageError, storageProblem } from './failure.ts';
import { recordStore, storageAvailability } from './idb.ts';
import type { StorageTask } from './failure.ts';

const TASKS: StorageTask[] = [
  'list-models',
  'save-model',
  'load-model',
  'delete-model',
  'keep-upload',
  'list-runs',
  'read-runs',
  'save-runs',
  'import-runs',
  'rename-run',
  'delete-run',
];

describe('storage failures', () => {
  it('tell a full disk from Chrome’s quota error, which has an empty message', () => {
    expect(asStorageError(new DOMException('', 'QuotaExceededError')).kind).toBe('quota');
    expect(asStorageError(new Error('Quota exceeded.')).kind).toBe('quota');
    expect(asStorageError(new DOMException('The operation is insecure.', 'SecurityError')).kind).toBe('unavailable');
    expect(asStorageError(new TypeError("Cannot read properties of undefined (reading 'open')"), true).kind).toBe('unavailable');
    expect(asStorageError(new DOMException('Version change transaction was aborted.', 'AbortError'))).toMatchObject({
      kind: 'other',
      detail: 'Version change transaction was aborted.',
    });
  });

  it('say what failed, why and what still works, with one full stop each, for every task and kind', () => {
    for (const task of TASKS) {
      for (const e of [new StorageError('unavailable'), new DOMException('', 'QuotaExceededError'), new Error('disk on fire.'), null]) {
        const text = storageProblem(task, e);
        expect(text).toMatch(/^[A-Z][\s\S]*: [\s\S]+\. [A-Z][\s\S]+\.$/);
        expect(text).not.toMatch(/\.\.|: \.|undefined|null|Cannot read/);
      }
    }
    expect(storageProblem('save-model', new DOMException('', 'QuotaExceededError'))).toBe(
      'The model was not saved: the browser’s storage for this site is full. Delete saved models or runs you no longer need, or download the network as a file.',
    );
    expect(storageProblem('save-runs', new StorageError('unavailable'))).toBe(
      'The runs were not kept in the history: this browser does not let the lab store anything (private mode, or storage turned off?). Runs still train and show their curves, but are not kept.',
    );
    expect(storageProblem('delete-run', new Error('disk on fire.'))).toBe(
      'The run was not deleted: the browser’s storage failed (disk on fire). Try again; runs still train meanwhile.',
    );
  });

  it('compose after another lead as a clause (the auto-save writes "<what>: <message>.")', () => {
    expect(`The run could not be saved to the run history: ${new StorageError('quota').message}.`).toBe(
      'The run could not be saved to the run history: the browser’s storage for this site is full.',
    );
  });
});

describe('a page without IndexedDB', () => {
  it('fails every storage call as "unavailable" and says so to the panels', async () => {
    expect(typeof indexedDB).toBe('undefined');
    const store = recordStore('test', 1, 'things');
    await expect(store.list((v) => ({ ok: true, value: v }))).rejects.toMatchObject({ name: 'StorageError', kind: 'unavailable' });
    await expect(store.remove(1)).rejects.toMatchObject({ kind: 'unavailable' });
    expect(storageAvailability()).toBe('unavailable');
  });
});
