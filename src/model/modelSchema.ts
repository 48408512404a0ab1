/**
 * The fields of a saved model other than its weights, as one schema: the
 * model file (modelFile.ts) and the record in IndexedDB (app/models/modelDb.ts)
 * hold the same name, date, settings and figures, and both are read through
 * this before anything is shown or used.
 */
import { readSettings } from '../shared/settingsSchema.ts';
import type { Reader } from '../shared/validate.ts';
import { array, fraction, int, isoDate, name, object, optional, refine } from '../shared/validate.ts';
import type { Architecture } from './architecture.ts';
import { paramShapes } from './architecture.ts';
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

/** The architecture's layer sizes, as a list of widths (whether they are the lab's is the caller's question). */
export const readArchitecture: Reader<Architecture> = object({ sizes: array(int(1, 1_000_000), { max: 64 }) });

/** The architecture, and exactly the lab's network's. */
export function sameArch(expected: Architecture): Reader<Architecture> {
  const want = expected.sizes.join(' → ');
  return refine(readArchitecture, (a) => (a.sizes.join(' → ') === want ? null : `has sizes ${a.sizes.join(' → ')}, but the lab's network is ${want}`));
}

/** Weights as stored in IndexedDB: one Float32Array per parameter, in paramShapes order, each the right length and finite. */
export function readParams(arch: Architecture): Reader<Float32Array[]> {
  const lengths = paramShapes(arch).map((s) => s.reduce((a, b) => a * b, 1));
  return (v, path) => {
    const at = path || 'params';
    if (!Array.isArray(v) || v.length !== lengths.length) return { ok: false, message: `${at} must be a list of ${lengths.length} weight arrays` };
    for (let i = 0; i < lengths.length; i++) {
      const p: unknown = v[i];
      if (!(p instanceof Float32Array) || p.length !== lengths[i]) return { ok: false, message: `${at}[${i}] must be ${lengths[i]} float32 weights` };
      if (!p.every(Number.isFinite)) return { ok: false, message: `${at}[${i}] holds NaN or infinite weights` };
    }
    return { ok: true, value: v as Float32Array[] };
  };
}

/** A saved model as IndexedDB keeps it: the file's fields, its weights, and the database's id. */
export function readStoredModel(arch: Architecture): Reader<SavedModel & { id: number }> {
  return object({
    id: int(1),
    name,
    savedAt: isoDate,
    arch: sameArch(arch),
    settings: readSettings,
    metrics: readMetrics,
    params: readParams(arch),
  });
}
