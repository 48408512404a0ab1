/**
 * The saved-model file: one JSON document with the architecture, the run's
 * settings and final figures, and the weights as base64 float32 with a
 * checksum. One file is easy for a student to download, mail and upload;
 * every field is checked on the way back in, so a wrong or damaged file is a
 * clear message and never a broken model in use.
 */
import type { RunSettings } from '../shared/settings.ts';
import type { Architecture } from './architecture.ts';
import { paramShapes } from './architecture.ts';

export const MODEL_FORMAT = 'mnist-lab-model';
export const MODEL_VERSION = 1;

export interface ModelMetrics {
  epochsTrained: number;
  validationAccuracy?: number;
  testAccuracy?: number;
  macroAuc?: number;
}

export interface SavedModel {
  name: string;
  /** ISO time of saving. */
  savedAt: string;
  arch: Architecture;
  settings: RunSettings;
  metrics: ModelMetrics;
  /** In paramShapes(arch) order. */
  params: Float32Array[];
}

export type Decoded = { ok: true; model: SavedModel } | { ok: false; message: string };

/** FNV-1a over the bytes: cheap, and enough to catch a truncated or edited file. */
export function checksum(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function concat(params: Float32Array[]): Uint8Array {
  const total = params.reduce((n, p) => n + p.length, 0);
  const all = new Float32Array(total);
  let o = 0;
  for (const p of params) {
    all.set(p, o);
    o += p.length;
  }
  return new Uint8Array(all.buffer);
}

export function encodeModelFile(m: SavedModel): string {
  const bytes = concat(m.params);
  return JSON.stringify({
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    name: m.name,
    savedAt: m.savedAt,
    arch: { sizes: m.arch.sizes },
    settings: m.settings,
    metrics: m.metrics,
    weights: { dtype: 'float32', littleEndian: true, shapes: paramShapes(m.arch), checksum: checksum(bytes), base64: toBase64(bytes) },
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads a model file, checking it is one, of the expected network, intact. */
export function decodeModelFile(text: string, expected: Architecture): Decoded {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a mnist-lab model: it is not valid JSON.' };
  }
  if (!isObj(doc) || doc.format !== MODEL_FORMAT) return { ok: false, message: 'This file is not a mnist-lab model (its "format" field is missing or different).' };
  if (doc.version !== MODEL_VERSION) return { ok: false, message: `This model file has version ${String(doc.version)}; this lab reads version ${MODEL_VERSION}.` };
  const arch = doc.arch;
  if (!isObj(arch) || !Array.isArray(arch.sizes) || arch.sizes.join() !== expected.sizes.join()) {
    const got = isObj(arch) && Array.isArray(arch.sizes) ? arch.sizes.join(' → ') : 'unknown';
    return { ok: false, message: `This model has the wrong shape: ${got}, but the lab's network is ${expected.sizes.join(' → ')}.` };
  }
  const w = doc.weights;
  if (!isObj(w) || w.dtype !== 'float32' || typeof w.base64 !== 'string' || typeof w.checksum !== 'string') {
    return { ok: false, message: 'This model file is damaged: its weights are missing.' };
  }
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(w.base64);
  } catch {
    return { ok: false, message: 'This model file is damaged: its weights are not valid base64.' };
  }
  const shapes = paramShapes(expected);
  const need = shapes.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0) * 4;
  if (bytes.length !== need) return { ok: false, message: `This model file is damaged: ${bytes.length} bytes of weights, expected ${need}.` };
  if (checksum(bytes) !== w.checksum) return { ok: false, message: 'This model file is damaged: its weights do not match their checksum.' };
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, need / 4);
  if (!all.every(Number.isFinite)) return { ok: false, message: 'This model file holds NaN or infinite weights (it came from a diverged run).' };
  const params: Float32Array[] = [];
  let o = 0;
  for (const s of shapes) {
    const n = s.reduce((a, b) => a * b, 1);
    params.push(all.slice(o, o + n));
    o += n;
  }
  if (!isObj(doc.settings) || !isObj(doc.metrics)) return { ok: false, message: 'This model file is damaged: its settings or metrics are missing.' };
  return {
    ok: true,
    model: {
      name: typeof doc.name === 'string' && doc.name.trim() ? doc.name : 'Uploaded model',
      savedAt: typeof doc.savedAt === 'string' ? doc.savedAt : new Date(0).toISOString(),
      arch: { sizes: expected.sizes },
      settings: doc.settings as unknown as RunSettings,
      metrics: doc.metrics as unknown as ModelMetrics,
      params,
    },
  };
}
