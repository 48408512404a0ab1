/**
 * Saved models in IndexedDB, so they survive a reload. Weights are stored
 * as Float32Arrays (structured clone keeps them binary, ~440 KB a model).
 */
import type { SavedModel } from '../../model/modelFile.ts';
import { recordStore } from '../storage/idb.ts';

const DB_NAME = 'mnist-lab';
const DB_VERSION = 1;
const MODELS = 'models';

export interface StoredModel extends SavedModel {
  id: number;
}

/** What the list shows; the weights stay in the database until loaded. */
export type ModelSummary = Omit<StoredModel, 'params'>;

const { transact } = recordStore(DB_NAME, DB_VERSION, MODELS);

export function saveModel(m: SavedModel): Promise<number> {
  return transact('readwrite', (s) => {
    const q = s.add(m);
    return () => Number(q.result);
  });
}

export async function listModels(): Promise<ModelSummary[]> {
  const all = await transact('readonly', (s) => {
    const q = s.getAll() as IDBRequest<StoredModel[]>;
    return () => q.result;
  });
  return all.map(({ params: _p, ...rest }) => rest).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export function getModel(id: number): Promise<StoredModel | undefined> {
  return transact('readonly', (s) => {
    const q = s.get(id) as IDBRequest<StoredModel | undefined>;
    return () => q.result;
  });
}

export function deleteModel(id: number): Promise<void> {
  return transact('readwrite', (s) => {
    s.delete(id);
    return () => undefined;
  });
}
