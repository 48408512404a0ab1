/**
 * Saved models in IndexedDB, so they survive a reload. Weights are stored
 * as Float32Arrays (structured clone keeps them binary, ~440 KB a model).
 * What comes back is checked with the saved model's schema (model/modelSchema.ts):
 * a record that fails it is listed as damaged, never shown or loaded.
 */
import type { SavedModel } from '../../model/modelFile.ts';
import { readStoredModel } from '../../model/modelSchema.ts';
import type { Checked } from '../../shared/validate.ts';
import type { DamagedRecord } from '../storage/idb.ts';
import { recordStore } from '../storage/idb.ts';

const DB_NAME = 'mnist-lab';
const DB_VERSION = 1;
const MODELS = 'models';

export interface StoredModel extends SavedModel {
  id: number;
}

/** What the list shows; the weights stay in the database until loaded. */
export type ModelSummary = Omit<StoredModel, 'params'>;

export interface ModelListing {
  /** Newest first. */
  models: ModelSummary[];
  damaged: DamagedRecord[];
}

const store = recordStore(DB_NAME, DB_VERSION, MODELS);
const read = readStoredModel;

export function saveModel(m: SavedModel): Promise<number> {
  return store.transact('readwrite', (s) => {
    const q = s.add(m);
    return () => Number(q.result);
  });
}

export async function listModels(): Promise<ModelListing> {
  const { valid, damaged } = await store.list(read);
  const models = valid.map(({ params: _p, ...rest }): ModelSummary => rest).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  return { models, damaged };
}

/** The model with its weights; a failed check says which field is damaged; undefined if it is gone. */
export function getModel(id: number): Promise<Checked<StoredModel> | undefined> {
  return store.get(id, read);
}

/** Removes a model, or a damaged record by its key. */
export function deleteModel(key: IDBValidKey): Promise<void> {
  return store.remove(key);
}
