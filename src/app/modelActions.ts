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
import { i18n } from '../i18n/index.ts';
import { downloadText } from './download.ts';
import { loadRefusalText, modelFileProblemText, readProblemText } from './fileWords.ts';
import { count, num, withReason } from './format.ts';
import { trainer, predictDrawing } from './lab.ts';
import * as db from './models/modelDb.ts';
import { asStorageError, storageProblem } from './storage/failure.ts';
import { storageAvailability } from './storage/idb.ts';
import { useLab, workerBusy } from './store/index.ts';

/** Shows a message at the panel; `text` words it when shown (see Notice). */
const say = (kind: 'error' | 'info', text: () => string) => useLab.getState().setModelsMessage({ kind, text });

/** Said when a model is loaded or uploaded while the worker trains: the worker would refuse it. */
const busy = () => i18n.t('models.messages.busy');

export async function refreshSavedModels(): Promise<void> {
  try {
    const { models, damaged } = await db.listModels();
    useLab.getState().setSavedModels(models, damaged);
  } catch (e) {
    // Unavailable storage has its own standing notice at the panel; other failures are news.
    if (asStorageError(e).kind !== 'unavailable') say('error', () => storageProblem('list-models', e));
  }
}

/** A name for a model: the one typed, trimmed, else `fallback`; null (and a message) when it is too long. */
function modelName(typed: string, fallback: string): string | null {
  const name = typed.trim() || fallback;
  if (name.length <= MAX_NAME) return name;
  say('error', () => i18n.t('models.messages.nameTooLong', { max: MAX_NAME, length: count(name.length) }));
  return null;
}

/** The model the worker holds now, as a file's contents; null (and a message) if there is none. */
async function currentModel(typedName: string): Promise<SavedModel | null> {
  const current = useLab.getState().model;
  if (!current) {
    say('error', () => i18n.t('models.messages.noModel'));
    return null;
  }
  const name = modelName(typedName, current.name);
  if (name === null) return null;
  const reply = await trainer.getParams();
  if (!reply?.params) {
    say('error', () => i18n.t('models.messages.noWeights'));
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
    say('info', () => i18n.t('models.messages.saved', { name: model.name }));
    await refreshSavedModels();
  } catch (e) {
    say('error', () => storageProblem('save-model', e));
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
    say('error', () => withReason(i18n.t('models.messages.notLoaded'), reply ? loadRefusalText(reply.refusal) : i18n.t('models.messages.workerStopped')));
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
      say('error', () => i18n.t('models.messages.gone'));
      return null;
    }
    if (!r.ok) {
      const problem = r.problem;
      say('error', () => withReason(i18n.t('models.messages.damaged'), readProblemText(problem)));
      await refreshSavedModels();
      return null;
    }
    return r.value;
  } catch (e) {
    say('error', () => storageProblem('load-model', e));
    return null;
  }
}

export async function loadSavedModel(id: number): Promise<void> {
  if (workerBusy(useLab.getState())) return say('error', busy);
  const m = await readSaved(id);
  if (m && (await adoptModel(m))) say('info', () => i18n.t('models.messages.loaded', { name: m.name }));
}

/** Removes a saved model, or a damaged record, by its key in the database. */
export async function deleteSavedModel(key: IDBValidKey): Promise<void> {
  try {
    await db.deleteModel(key);
  } catch (e) {
    say('error', () => storageProblem('delete-model', e));
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
  if (workerBusy(useLab.getState())) return say('error', busy);
  const { name, size } = file;
  if (size > 20 * 1024 * 1024) return say('error', () => i18n.t('models.messages.tooLarge', { file: name, size: num(size / 1048576, 0) }));
  const decoded = decodeModelFile(await file.text());
  if (!decoded.ok) {
    const problem = decoded.problem;
    return say('error', () => i18n.t('models.messages.refused', { file: name, problem: modelFileProblemText(problem) }));
  }
  const model = decoded.model;
  if (!(await adoptModel(model))) return;
  if (storageAvailability() === 'unavailable') return say('info', () => i18n.t('models.messages.loadedNotKept', { name: model.name }));
  try {
    await db.saveModel(model);
    say('info', () => i18n.t('models.messages.uploaded', { name: model.name }));
    await refreshSavedModels();
  } catch (e) {
    say('error', () => storageProblem('keep-upload', e));
  }
}
