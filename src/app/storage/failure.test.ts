import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { StorageError, asStorageError, storageCause, storageProblem } from './failure.ts';
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

afterEach(() => void i18n.changeLanguage('en'));

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

  it('say why as a clause after another lead (the auto-save writes "<what>: <cause>.")', () => {
    expect(storageCause(new StorageError('quota'))).toBe('the browser’s storage for this site is full');
    expect(storageCause(new Error('disk on fire.'))).toBe('the browser’s storage failed (disk on fire)');
    expect(storageCause(new DOMException('', 'AbortError'))).toBe('the browser’s storage failed (AbortError)');
    expect(storageCause(undefined)).toBe('the browser’s storage failed without saying why');
  });

  it('say it in Brazilian Portuguese on a page in Portuguese', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(storageProblem('save-model', new DOMException('', 'QuotaExceededError'))).toBe(
      'O modelo não foi salvo: o armazenamento do navegador para este site está cheio. Exclua modelos salvos ou treinos de que não precisa mais, ou baixe a rede como arquivo.',
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
