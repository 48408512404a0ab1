/**
 * Saving, listing, loading, downloading and uploading models. The weights
 * travel between the worker and IndexedDB or a file; the page never keeps
 * them in the store.
 */
import { ANN_MNIST } from '../model/architecture.ts';
import type { SavedModel } from '../model/modelFile.ts';
import { decodeModelFile, encodeModelFile } from '../model/modelFile.ts';
import { trainer, predictDrawing } from './lab.ts';
import * as db from './models/modelDb.ts';
import { useLab } from './store/index.ts';

const say = (kind: 'error' | 'info', text: string) => useLab.getState().setModelsMessage({ kind, text });

export async function refreshSavedModels(): Promise<void> {
  try {
    useLab.getState().setSavedModels(await db.listModels());
  } catch (e) {
    say('error', `Saved models cannot be listed: ${(e as Error).message}.`);
  }
}

/** Saves the model the worker holds now, under `name`. */
export async function saveCurrentModel(name: string): Promise<void> {
  const current = useLab.getState().model;
  if (!current) return say('error', 'There is no model to save yet: train one first.');
  const reply = await trainer.getParams();
  if (!reply?.params) return say('error', 'The worker holds no weights to save (was the page reset?).');
  const model: SavedModel = { name: name.trim() || current.name, savedAt: new Date().toISOString(), arch: ANN_MNIST, settings: current.settings, metrics: current.metrics, params: reply.params };
  try {
    await db.saveModel(model);
    say('info', `Saved “${model.name}”.`);
    await refreshSavedModels();
  } catch (e) {
    say('error', `The model could not be saved: ${(e as Error).message}.`);
  }
}

async function adoptModel(m: SavedModel): Promise<boolean> {
  const reply = await trainer.loadParams(m.params.map((p) => p.slice()));
  if (!reply?.ok) {
    say('error', `The model could not be loaded: ${reply?.message ?? 'the worker stopped'}.`);
    return false;
  }
  useLab.getState().setModel({ source: 'loaded', name: m.name, settings: m.settings, metrics: m.metrics });
  predictDrawing();
  return true;
}

export async function loadSavedModel(id: number): Promise<void> {
  const m = await db.getModel(id).catch(() => undefined);
  if (!m) return say('error', 'That saved model is no longer in this browser’s storage.');
  if (await adoptModel(m)) say('info', `Loaded “${m.name}”: draw a digit to ask it.`);
}

export async function deleteSavedModel(id: number): Promise<void> {
  await db.deleteModel(id).catch((e: Error) => say('error', `Could not delete: ${e.message}.`));
  await refreshSavedModels();
}

export async function downloadSavedModel(id: number): Promise<void> {
  const m = await db.getModel(id).catch(() => undefined);
  if (!m) return say('error', 'That saved model is no longer in this browser’s storage.');
  const blob = new Blob([encodeModelFile(m)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${m.name.replace(/[^\w.-]+/g, '_').slice(0, 60) || 'model'}.mnistlab.json`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Reads a model file; a valid one is saved to the list and put to use. */
export async function uploadModelFile(file: File): Promise<void> {
  if (file.size > 20 * 1024 * 1024) return say('error', `“${file.name}” is ${(file.size / 1048576).toFixed(0)} MB: far too large to be a mnist-lab model.`);
  const decoded = decodeModelFile(await file.text(), ANN_MNIST);
  if (!decoded.ok) return say('error', `“${file.name}”: ${decoded.message}`);
  try {
    await db.saveModel(decoded.model);
    await refreshSavedModels();
  } catch {
    // Still usable now, even if it cannot be kept.
  }
  if (await adoptModel(decoded.model)) say('info', `Uploaded and loaded “${decoded.model.name}”.`);
}
