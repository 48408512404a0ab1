/**
 * The fields of a saved model other than its weights, as one schema: the
 * model file (modelFile.ts) and the record in IndexedDB (app/models/modelDb.ts)
 * hold the same name, date, settings and figures, and both are read through
 * this before anything is shown or used.
 */
import { readSettings } from '../shared/settingsSchema.ts';
import type { NetworkShown, ReadProblem, Reader } from '../shared/validate.ts';
import { array, bad, child, fraction, good, int, isoDate, name, object, oneOf, optional, refine } from '../shared/validate.ts';
import { ACTIVATIONS, INPUT_SCALINGS } from '../shared/network.ts';
import { field } from '../shared/settings.ts';
import type { Architecture } from './architecture.ts';
import { CLASSES, INPUTS, architectureOf, paramShapes, sameArchitecture } from './architecture.ts';
import type { ModelMetrics, SavedModel } from './modelFile.ts';

/** Far above any run the lab trains (100 epochs at most today), so a future limit still reads old files. */
const MAX_EPOCHS_TRAINED = 100_000;

/** A figure that was not available is absent; a file may hold null for it (JSON's NaN). */
const figure = optional(fraction, { nullIsAbsent: true });

export const readMetrics: Reader<ModelMetrics> = object({
  epochsTrained: int(0, MAX_EPOCHS_TRAINED),
  validationAccuracy: figure,
  testAccuracy: figure,
  macroAuc: figure,
});

export type ModelHeader = Pick<SavedModel, 'name' | 'savedAt' | 'settings' | 'metrics'>;

export const readHeader: Reader<ModelHeader> = object({
  name,
  savedAt: isoDate,
  settings: readSettings,
  metrics: readMetrics,
});

const layers = field('hiddenLayers');

/** Why these widths are not a network the lab can build (784 in, 0 to 4 hidden layers of 1 to 1,024, 10 out), or null. */
function unbuildable(sizes: readonly number[], path: string): ReadProblem | null {
  if (sizes.length < 2 || sizes[0] !== INPUTS || sizes[sizes.length - 1] !== CLASSES)
    return { code: 'networkInOut', path, sizes, inputs: INPUTS, classes: CLASSES };
  const hidden = sizes.slice(1, -1);
  if (hidden.length > layers.maxLayers || hidden.some((w) => w > layers.maxWidth))
    return { code: 'networkTooBig', path, sizes, maxLayers: layers.maxLayers, maxWidth: layers.maxWidth };
  return null;
}

/**
 * The network: its layer widths (one the lab can build), and since version 2
 * its activation and input scaling (absent in a version 1 file, which was
 * always ReLU on pixel/255).
 */
export const readArchitecture: Reader<Architecture> = refine(
  object({
    sizes: array(int(1, 1_000_000), { max: 64 }),
    activation: optional(oneOf(ACTIVATIONS)),
    inputScaling: optional(oneOf(INPUT_SCALINGS)),
  }),
  (a, path) => unbuildable(a.sizes, path),
);

const networkShown = (a: Architecture): NetworkShown => ({ sizes: a.sizes, activation: a.activation ?? 'relu', inputScaling: a.inputScaling ?? 'unit' });

/** A model's settings must describe its own network: a file whose settings say 512 units and whose weights hold 128 is damaged. */
export function settingsMismatch(arch: Architecture, settings: Parameters<typeof architectureOf>[0], path: string): ReadProblem | null {
  const said = architectureOf(settings);
  return sameArchitecture(arch, said) ? null : { code: 'settingsMismatch', path, settings: networkShown(said), arch: networkShown(arch) };
}

/** Weights as stored in IndexedDB: one Float32Array per parameter, in paramShapes order, each the right length and finite. */
export function readParams(arch: Architecture): Reader<Float32Array[]> {
  const lengths = paramShapes(arch).map((s) => s.reduce((a, b) => a * b, 1));
  return (v, path) => {
    if (!Array.isArray(v) || v.length !== lengths.length) return bad({ code: 'weightArrays', path, count: lengths.length });
    for (let i = 0; i < lengths.length; i++) {
      const p: unknown = v[i];
      if (!(p instanceof Float32Array) || p.length !== lengths[i]) return bad({ code: 'weightLength', path: child(path, i), length: lengths[i] });
      if (!p.every(Number.isFinite)) return bad({ code: 'weightsNotFinite', path: child(path, i) });
    }
    return good(v as Float32Array[]);
  };
}

const readStoredHeader = object({ id: int(1), name, savedAt: isoDate, arch: readArchitecture, settings: readSettings, metrics: readMetrics });

/** A saved model as IndexedDB keeps it: the file's fields, its weights (checked against its own network), and the database's id. */
export const readStoredModel: Reader<SavedModel & { id: number }> = (v, path) => {
  const head = readStoredHeader(v, path);
  if (!head.ok) return head;
  const mismatch = settingsMismatch(head.value.arch, head.value.settings, path);
  if (mismatch) return bad(mismatch);
  const params = readParams(head.value.arch)((v as { params?: unknown }).params, child(path, 'params'));
  if (!params.ok) return params;
  return good({ ...head.value, arch: normalised(head.value.arch), params: params.value });
};

/** An architecture with every field present (a version 1 record lacks activation and scaling). */
export function normalised(a: Architecture): Architecture {
  return { sizes: a.sizes, activation: a.activation ?? 'relu', inputScaling: a.inputScaling ?? 'unit' };
}
