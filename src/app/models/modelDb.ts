/**
 * Saved models in IndexedDB, so they survive a reload. Weights are stored
 * as Float32Arrays (structured clone keeps them binary, ~440 KB a model).
 */
import type { SavedModel } from '../../model/modelFile.ts';

const DB_NAME = 'mnist-lab';
const DB_VERSION = 1;
const MODELS = 'models';

export interface StoredModel extends SavedModel {
  id: number;
}

/** What the list shows; the weights stay in the database until loaded. */
export type ModelSummary = Omit<StoredModel, 'params'>;

let dbPromise: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  dbPromise ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(MODELS)) db.createObjectStore(MODELS, { keyPath: 'id', autoIncrement: true });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      dbPromise = null;
      reject(new Error(`the browser's storage (IndexedDB) is unavailable: ${req.error?.message ?? 'unknown error'}`));
    };
  });
  return dbPromise;
}

function request<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(MODELS, mode);
        const req = run(tx.objectStore(MODELS));
        tx.oncomplete = () => resolve(req.result);
        tx.onerror = () => reject(tx.error ?? new Error('storage error'));
        tx.onabort = () => reject(tx.error ?? new Error('storage transaction aborted (is the disk full?)'));
      }),
  );
}

export async function saveModel(m: SavedModel): Promise<number> {
  return Number(await request('readwrite', (s) => s.add(m)));
}

export async function listModels(): Promise<ModelSummary[]> {
  const all = await request<StoredModel[]>('readonly', (s) => s.getAll() as IDBRequest<StoredModel[]>);
  return all.map(({ params: _p, ...rest }) => rest).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export async function getModel(id: number): Promise<StoredModel | undefined> {
  return request<StoredModel | undefined>('readonly', (s) => s.get(id) as IDBRequest<StoredModel | undefined>);
}

export async function deleteModel(id: number): Promise<void> {
  await request('readwrite', (s) => s.delete(id));
}
