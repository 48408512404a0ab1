/**
 * Saving, listing, loading, downloading and uploading models. The weights
 * travel between the worker and IndexedDB or a file; the page never keeps
 * them in the store. Everything read from a file or from storage has been
 * through its schema before it is used or listed.
 */
import { architectureOf } from '../model/architecture.ts';
import type { SavedModel } from '../model/modelFile.ts';
import { decodeModelFile, encodeModelFile } from '../model/modelFile.ts';
import { MAX_NAME } from '../shared/validate.ts';
import { downloadText } from './download.ts';
import { withReason } from './format.ts';
import { trainer, predictDrawing } from './lab.ts';
import * as db from './models/modelDb.ts';
import { asStorageError, storageProblem } from './storage/failure.ts';
import { storageAvailability } from './storage/idb.ts';
import { useLab, workerBusy } from './store/index.ts';

const say = (kind: 'error' | 'info', text: string) => useLab.getState().setModelsMessage({ kind, text });

/** Said when a model is loaded or uploaded while the worker trains: the worker would refuse it. */
const BUSY = 'A model cannot be loaded while the network is training (a run, a race or a range test): stop it, or wait until it ends, then try again.';

export async function refreshSavedModels(): Promise<void> {
  try {
    const { models, damaged } = await db.listModels();
    useLab.getState().setSavedModels(models, damaged);
  } catch (e) {
    // Unavailable storage has its own standing notice at the panel; other failures are news.
    if (asStorageError(e).kind !== 'unavailable') say('error', storageProblem('list-models', e));
  }
}

/** A name for a model: the one typed, trimmed, else `fallback`; null (and a message) when it is too long. */
function modelName(typed: string, fallback: string): string | null {
  const name = typed.trim() || fallback;
  if (name.length <= MAX_NAME) return name;
  say('error', `A model name can have at most ${MAX_NAME} characters; this one has ${name.length.toLocaleString('en')}. Shorten it, then save again.`);
  return null;
}

/** The model the worker holds now, as a file's contents; null (and a message) if there is none. */
async function currentModel(typedName: string): Promise<SavedModel | null> {
  const current = useLab.getState().model;
  if (!current) {
    say('error', 'There is no model yet: train one first.');
    return null;
  }
  const name = modelName(typedName, current.name);
  if (name === null) return null;
  const reply = await trainer.getParams();
  if (!reply?.params) {
    say('error', 'The worker holds no weights (was the page reset?).');
    return null;
  }
  return {
    name,
    savedAt: new Date().toISOString(),
    arch: architectureOf(current.settings),
    settings: current.settings,
    metrics: current.metrics,
    params: reply.params,
  };
}

/** Saves the model the worker holds now, under `name`. */
export async function saveCurrentModel(name: string): Promise<void> {
  const model = await currentModel(name);
  if (!model) return;
  try {
    await db.saveModel(model);
    say('info', `Saved “${model.name}”.`);
    await refreshSavedModels();
  } catch (e) {
    say('error', storageProblem('save-model', e));
  }
}

/** Downloads the model the worker holds now as a file: works without storage. */
export async function downloadCurrentModel(name: string): Promise<void> {
  const model = await currentModel(name);
  if (model) downloadModelFile(model);
}

async function adoptModel(m: SavedModel): Promise<boolean> {
  const reply = await trainer.loadParams(
    m.arch,
    m.params.map((p) => p.slice()),
  );
  if (!reply?.ok) {
    say('error', withReason('The model could not be loaded', reply?.message ?? 'the worker stopped'));
    return false;
  }
  useLab.getState().setModel({ source: 'loaded', name: m.name, settings: m.settings, metrics: m.metrics });
  predictDrawing();
  return true;
}

/** A saved model with its weights, or null after saying why not. */
async function readSaved(id: number): Promise<SavedModel | null> {
  try {
    const r = await db.getModel(id);
    if (!r) {
      say('error', 'That saved model is no longer in this browser’s storage.');
      return null;
    }
    if (!r.ok) {
      say('error', withReason('That saved model is damaged and cannot be used: remove it from the list', r.message));
      await refreshSavedModels();
      return null;
    }
    return r.value;
  } catch (e) {
    say('error', storageProblem('load-model', e));
    return null;
  }
}

export async function loadSavedModel(id: number): Promise<void> {
  if (workerBusy(useLab.getState())) return say('error', BUSY);
  const m = await readSaved(id);
  if (m && (await adoptModel(m))) say('info', `Loaded “${m.name}”: draw a digit to ask it.`);
}

/** Removes a saved model, or a damaged record, by its key in the database. */
export async function deleteSavedModel(key: IDBValidKey): Promise<void> {
  try {
    await db.deleteModel(key);
  } catch (e) {
    say('error', storageProblem('delete-model', e));
  }
  await refreshSavedModels();
}

function downloadModelFile(m: SavedModel): void {
  downloadText(encodeModelFile(m), `${m.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'model'}.mnistlab.json`, 'application/json');
}

export async function downloadSavedModel(id: number): Promise<void> {
  const m = await readSaved(id);
  if (m) downloadModelFile(m);
}

/**
 * Reads a model file; a valid one is put to use, then kept in the list.
 * Nothing is stored unless the file is valid and the worker took it: a
 * refused load (the network is training) leaves the list as it was.
 */
export async function uploadModelFile(file: File): Promise<void> {
  if (workerBusy(useLab.getState())) return say('error', BUSY);
  if (file.size > 20 * 1024 * 1024) return say('error', `“${file.name}” is ${(file.size / 1048576).toFixed(0)} MB: far too large to be a mnist-lab model.`);
  const decoded = decodeModelFile(await file.text());
  if (!decoded.ok) return say('error', `“${file.name}”: ${decoded.message}`);
  const model = decoded.model;
  if (!(await adoptModel(model))) return;
  if (storageAvailability() === 'unavailable') return say('info', `Loaded “${model.name}” from the file; it is not kept, as this browser cannot store it.`);
  try {
    await db.saveModel(model);
    say('info', `Uploaded and loaded “${model.name}”.`);
    await refreshSavedModels();
  } catch (e) {
    say('error', storageProblem('keep-upload', e));
  }
}
