/**
 * The saved-model file: one JSON document with the architecture, the run's
 * settings and final figures, and the weights as base64 float32 with a
 * checksum. One file is easy for a student to download, mail and upload;
 * every field is checked on the way back in (modelSchema.ts), so a wrong or
 * damaged file is a clear problem code (the page words it) and never a broken
 * model in use or a broken list.
 */
import type { RunSettings } from '../shared/settings.ts';
import type { ReadProblem, Shown } from '../shared/validate.ts';
import { array, int, object, oneOf, optional, refine, shown, text } from '../shared/validate.ts';
import type { Architecture } from './architecture.ts';
import { paramShapes } from './architecture.ts';
import { normalised, readArchitecture, readHeader, settingsMismatch } from './modelSchema.ts';

export const MODEL_FORMAT = 'mnist-lab-model';
/**
 * 2: the architecture carries its activation and input scaling, and may be
 * any network the lab builds. A version 1 file (the notebook's network, ReLU
 * on pixel/255, settings without the later fields) still reads.
 */
export const MODEL_VERSION = 2;
const READS: readonly number[] = [1, 2];

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

/**
 * Why a file is not a model the lab can use:
 * - notJson, notModel: not JSON, or JSON of something else;
 * - newerVersion: written by a newer lab (version `version`; this one reads up to `newest`);
 * - unreadableVersion: a version this lab never wrote (`version`: what the field holds);
 * - unbuildable: its network is not one the lab builds (`problem`, at arch);
 * - damaged: a field is wrong, or the weights do not match their checksum (`problem`);
 * - notFinite: intact, but its weights hold NaN or ∞ (a diverged run's).
 */
export type ModelFileProblem =
  | { code: 'notJson' }
  | { code: 'notModel' }
  | { code: 'newerVersion'; version: number; newest: number }
  | { code: 'unreadableVersion'; version: Shown; reads: readonly number[] }
  | { code: 'unbuildable'; problem: ReadProblem }
  | { code: 'damaged'; problem: ReadProblem }
  | { code: 'notFinite' };

export type Decoded = { ok: true; model: SavedModel } | { ok: false; problem: ModelFileProblem };

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
    arch: normalised(m.arch),
    settings: m.settings,
    metrics: m.metrics,
    weights: { dtype: 'float32', littleEndian: true, shapes: paramShapes(m.arch), checksum: checksum(bytes), base64: toBase64(bytes) },
  });
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A base64 text for ~440 KB of weights is ~590 KB; the bound only stops a wrong file early. */
const MAX_BASE64 = 30_000_000;

function readWeights(arch: Architecture) {
  const want = JSON.stringify(paramShapes(arch));
  return object({
    dtype: oneOf(['float32']),
    // The bytes are read as the platform's float32, which is little-endian everywhere the lab runs.
    littleEndian: optional(oneOf([true])),
    shapes: optional(
      refine(array(array(int(1, 1_000_000), { max: 4 }), { max: 64 }), (s, path) => (JSON.stringify(s) === want ? null : { code: 'notParamShapes', path })),
    ),
    checksum: refine(text({ max: 8 }), (c, path) => (/^[0-9a-f]{8}$/.test(c) ? null : { code: 'notHex', path, digits: 8 })),
    base64: text({ max: MAX_BASE64 }),
  });
}

const refused = (problem: ModelFileProblem): Decoded => ({ ok: false, problem });
const damaged = (problem: ReadProblem): Decoded => refused({ code: 'damaged', problem });

/**
 * Reads a model file, checking every field: that it is one, of a network
 * the lab builds, intact, and that its name, date, settings and figures are
 * what the lab writes. Unknown fields are ignored (and not kept).
 */
export function decodeModelFile(source: string): Decoded {
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch {
    return refused({ code: 'notJson' });
  }
  return decodeModelDoc(doc);
}

/** decodeModelFile after JSON.parse: any value, however it was made. */
export function decodeModelDoc(doc: unknown): Decoded {
  if (!isObj(doc) || doc.format !== MODEL_FORMAT) return refused({ code: 'notModel' });
  if (typeof doc.version === 'number' && Number.isInteger(doc.version) && doc.version > MODEL_VERSION) {
    return refused({ code: 'newerVersion', version: doc.version, newest: MODEL_VERSION });
  }
  if (!READS.includes(doc.version as number)) return refused({ code: 'unreadableVersion', version: shown(doc.version), reads: READS });
  const arch = readArchitecture(doc.arch, 'arch');
  if (!arch.ok) return refused({ code: 'unbuildable', problem: arch.problem });
  const expected = normalised(arch.value);
  const header = readHeader(doc, '');
  if (!header.ok) return damaged(header.problem);
  const mismatch = settingsMismatch(expected, header.value.settings, '');
  if (mismatch) return damaged(mismatch);
  const w = readWeights(expected)(doc.weights, 'weights');
  if (!w.ok) return damaged(w.problem);
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(w.value.base64);
  } catch {
    return damaged({ code: 'notBase64', path: 'weights.base64' });
  }
  const shapes = paramShapes(expected);
  const need = shapes.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0) * 4;
  if (bytes.length !== need) return damaged({ code: 'weightBytes', path: 'weights.base64', bytes: bytes.length, expected: need });
  if (checksum(bytes) !== w.value.checksum) return damaged({ code: 'checksumMismatch', path: 'weights.checksum' });
  const all = new Float32Array(bytes.buffer, bytes.byteOffset, need / 4);
  if (!all.every(Number.isFinite)) return refused({ code: 'notFinite' });
  const params: Float32Array[] = [];
  let o = 0;
  for (const s of shapes) {
    const n = s.reduce((a, b) => a * b, 1);
    params.push(all.slice(o, o + n));
    o += n;
  }
  return { ok: true, model: { ...header.value, arch: expected, params } };
}
