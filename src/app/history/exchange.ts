/**
 * Run history in and out of the browser: JSON that the lab reads back, and
 * CSV for a spreadsheet. A file is checked whole before anything is stored,
 * and a problem is named by run and field, so a hand-edited file can be
 * fixed rather than guessed at.
 */
import type { RunSettings, SettingsText } from '../../shared/settings.ts';
import { FIELDS, LEARNING_RATE_RANGE, parseSettings } from '../../shared/settings.ts';
import type { HistoryCurves, HistoryFinal, HistoryRecord, HistoryStatus } from './record.ts';
import { HISTORY_STATUSES, MAX_TRAIN_POINTS, curvesOf } from './record.ts';

export const HISTORY_FORMAT = 'mnist-lab-history';
export const HISTORY_VERSION = 1;

/**
 * What one import may hold, measured against what the page can take
 * (`npm run bench-history`, on a shared 2-core machine): 1,000 runs of 1,000
 * training points each (the most a run keeps), a 44 MB file, import in ~4 s,
 * checked and stored in slices and chunks with the page answering throughout
 * (longest frame gap ~0.6 s: parsing the JSON, the one step that cannot be
 * split), and the page's heap stays near 20 MB. A bound, too, so a wrong file
 * fails quickly instead of filling the database.
 */
export const MAX_IMPORT_RUNS = 1000;
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const MAX_TRAIN_IN_FILE = 100_000;
const MAX_TEXT = 200;

export function toJson(records: readonly HistoryRecord[], exportedAt: string = new Date().toISOString()): string {
  // Database ids mean nothing in another browser: import stores afresh.
  const runs = records.map(({ id: _id, ...r }) => r);
  return JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_VERSION, exportedAt, runs });
}

export type Imported = { ok: true; records: HistoryRecord[] } | { ok: false; message: string };

class Invalid extends Error {}
const fail = (message: string): never => {
  throw new Invalid(message);
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** How a wrong value reads in a message. */
function shown(v: unknown): string {
  if (v === undefined) return 'missing';
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (Array.isArray(v)) return 'a list';
  if (isObj(v)) return 'an object';
  return String(v);
}

interface Range {
  min?: number;
  max?: number;
  integer?: boolean;
}

function num(v: unknown, what: string, r: Range = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fail(`${what} must be a finite number, not ${shown(v)}`);
  if (r.integer && !Number.isInteger(v)) return fail(`${what} must be a whole number, not ${v}`);
  if (r.min !== undefined && v < r.min) return fail(`${what} must be at least ${r.min}, not ${v}`);
  if (r.max !== undefined && v > r.max) return fail(`${what} must be at most ${r.max}, not ${v}`);
  return v;
}

function text(v: unknown, what: string): string {
  if (typeof v !== 'string' || !v.trim()) return fail(`${what} must be a non-empty text, not ${shown(v)}`);
  if (v.length > MAX_TEXT) return fail(`${what} is longer than ${MAX_TEXT} characters`);
  return v.trim();
}

function list(v: unknown, what: string, max: number): unknown[] {
  if (!Array.isArray(v)) return fail(`${what} must be a list, not ${shown(v)}`);
  if (v.length > max) return fail(`${what} has ${v.length} entries, more than the ${max} a lab run can have`);
  return v;
}

function obj(v: unknown, what: string): Obj {
  return isObj(v) ? v : fail(`${what} must be an object, not ${shown(v)}`);
}

const ACCURACY: Range = { min: 0, max: 1 };
const LOSS: Range = { min: 0 };
const EPOCH: Range = { min: 0 };

/** Settings go through the form's own table, so an imported run obeys the same ranges as a typed one. */
function readSettings(v: unknown): RunSettings {
  const s = obj(v, 'its settings');
  const asText: Partial<SettingsText> = {};
  for (const f of FIELDS) {
    const x = s[f.key];
    if (x === undefined) return fail(`its settings have no ${f.label.toLowerCase()} ("${f.key}")`);
    if (f.kind === 'number' && (typeof x !== 'number' || !Number.isFinite(x))) return fail(`its ${f.label.toLowerCase()} must be a finite number, not ${shown(x)}`);
    if (f.kind === 'choice') {
      // The values a file holds, not the form's labels: that is what someone editing JSON needs.
      const values: readonly string[] = f.choices.map((c) => c.value);
      if (typeof x !== 'string' || !values.includes(x)) return fail(`its ${f.label.toLowerCase()} must be one of ${values.map((v) => `"${v}"`).join(', ')}; not ${shown(x)}`);
    }
    asText[f.key] = String(x);
  }
  const { settings, errors } = parseSettings(asText as SettingsText);
  const first = FIELDS.find((f) => errors[f.key]);
  if (!settings || first) return fail(first ? `its settings: ${errors[first.key]!.replace(/\.$/, '')}` : 'its settings are invalid');
  return settings;
}

function readCurves(v: unknown, epochs: number): HistoryCurves {
  const c = obj(v, 'its curves');
  const train = list(c.train, 'its training curve', MAX_TRAIN_IN_FILE).map((p, k) => {
    const o = obj(p, `training point ${k + 1}`);
    return { epoch: num(o.epoch, `training point ${k + 1}'s epoch`, EPOCH), loss: num(o.loss, `training point ${k + 1}'s loss`, LOSS) };
  });
  const validation = list(c.validation, 'its validation curve', epochs).map((p, k) => {
    const o = obj(p, `validation point ${k + 1}`);
    return {
      epoch: num(o.epoch, `validation point ${k + 1}'s epoch`, EPOCH),
      loss: num(o.loss, `validation point ${k + 1}'s loss`, LOSS),
      accuracy: num(o.accuracy, `validation point ${k + 1}'s accuracy`, ACCURACY),
    };
  });
  // A denser curve (another tool, an older lab) is thinned like the lab's own.
  const thinned = train.length > MAX_TRAIN_POINTS ? curvesOf({ lossPoints: train, epochs: [] }).train : train;
  return { train: thinned, validation };
}

const FINAL_FIELDS: ReadonlyArray<[keyof HistoryFinal, string, Range]> = [
  ['trainLoss', 'final training loss', LOSS],
  ['validationLoss', 'final validation loss', LOSS],
  ['validationAccuracy', 'final validation accuracy', ACCURACY],
  ['macroAuc', 'final macro AUC', ACCURACY],
  ['testAccuracy', 'test accuracy', ACCURACY],
  ['epochToNinety', 'epoch to 90 %', { min: 1, integer: true }],
];

function readFinal(v: unknown): HistoryFinal {
  const f = obj(v, 'its final metrics');
  const out: HistoryFinal = {};
  for (const [key, what, range] of FINAL_FIELDS) if (f[key] !== undefined) out[key] = num(f[key], `its ${what}`, range);
  return out;
}

function readRun(v: unknown): HistoryRecord {
  const r = obj(v, 'it');
  const name = text(r.name, 'its name');
  const savedAtText = text(r.savedAt, 'its date ("savedAt")');
  const t = Date.parse(savedAtText);
  if (!Number.isFinite(t)) fail(`its date ("savedAt") is not a date: ${shown(savedAtText)}`);
  if (r.kind !== 'single' && r.kind !== 'race') fail(`its kind must be "single" or "race", not ${shown(r.kind)}`);
  if (!HISTORY_STATUSES.includes(r.status as HistoryStatus)) fail(`its status must be one of ${HISTORY_STATUSES.map((v) => `"${v}"`).join(', ')}; not ${shown(r.status)}`);
  const settings = readSettings(r.settings);
  const rec: HistoryRecord = {
    name,
    savedAt: new Date(t).toISOString(),
    kind: r.kind as HistoryRecord['kind'],
    settings,
    status: r.status as HistoryStatus,
    curves: readCurves(r.curves, settings.epochs),
    final: readFinal(r.final),
  };
  if (r.raceId !== undefined) rec.raceId = text(r.raceId, 'its race id');
  if (r.message !== undefined) {
    if (typeof r.message !== 'string') fail(`its message must be a text, not ${shown(r.message)}`);
    rec.message = (r.message as string).slice(0, 1000);
  }
  if (r.changes !== undefined) {
    rec.changes = list(r.changes, 'its learning-rate changes', 10_000).map((c, k) => {
      const o = obj(c, `change ${k + 1}`);
      return {
        epoch: num(o.epoch, `change ${k + 1}'s epoch`, EPOCH),
        learningRate: num(o.learningRate, `change ${k + 1}'s learning rate`, LEARNING_RATE_RANGE),
        momentum: num(o.momentum, `change ${k + 1}'s momentum`, { min: 0, max: 0.99 }),
      };
    });
  }
  return rec;
}

export type HistoryHeader = { ok: true; runs: unknown[] } | { ok: false; message: string };

/** A file's envelope: JSON, the format and version, and a list of runs within the limits. Its runs are not read yet. */
export function readHistoryHeader(textIn: string): HistoryHeader {
  let doc: unknown;
  try {
    doc = JSON.parse(textIn);
  } catch {
    return { ok: false, message: 'This file is not a mnist-lab run history: it is not valid JSON.' };
  }
  if (isObj(doc) && doc.format === 'mnist-lab-model') return { ok: false, message: 'This is a saved model file, not a run history: upload it under Saved models.' };
  if (!isObj(doc) || doc.format !== HISTORY_FORMAT) return { ok: false, message: `This file is not a mnist-lab run history (its "format" field is missing or is not "${HISTORY_FORMAT}").` };
  if (doc.version !== HISTORY_VERSION) return { ok: false, message: `This run history has version ${shown(doc.version)}; this lab reads version ${HISTORY_VERSION}.` };
  if (!Array.isArray(doc.runs)) return { ok: false, message: 'This run history is damaged: its "runs" list is missing.' };
  if (doc.runs.length === 0) return { ok: false, message: 'This run history holds no runs.' };
  if (doc.runs.length > MAX_IMPORT_RUNS) return { ok: false, message: `This run history holds ${doc.runs.length} runs; the lab imports at most ${MAX_IMPORT_RUNS} at a time.` };
  return { ok: true, runs: doc.runs };
}

/** Run `i` (from 0) of a file's list, checked; a problem is named by the run's number and name. */
export function readHistoryRun(raw: unknown, i: number): { ok: true; record: HistoryRecord } | { ok: false; message: string } {
  try {
    return { ok: true, record: readRun(raw) };
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    const name = isObj(raw) && typeof raw.name === 'string' && raw.name.trim() ? ` (“${raw.name.trim().slice(0, 60)}”)` : '';
    return { ok: false, message: `Run ${i + 1}${name}: ${e.message.replace(/\.$/, '')}. Nothing was imported.` };
  }
}

/** Reads an exported history; every run must be valid, or none is taken. (The page reads large files run by run: historyImport.ts.) */
export function fromJson(textIn: string): Imported {
  const header = readHistoryHeader(textIn);
  if (!header.ok) return header;
  const records: HistoryRecord[] = [];
  for (let i = 0; i < header.runs.length; i++) {
    const run = readHistoryRun(header.runs[i], i);
    if (!run.ok) return run;
    records.push(run.record);
  }
  return { ok: true, records };
}

// ---- CSV ----

type Cell = string | number | undefined;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or
 * edge spaces, quotes doubled. Text that a spreadsheet would run as a formula
 * (=, +, -, @ first) gets a leading apostrophe: a run's name is the student's
 * free text, and a CSV should never execute on opening.
 */
export function csvCell(v: Cell): string {
  if (v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const csvRow = (cells: readonly Cell[]): string => cells.map(csvCell).join(',');

/** The runs table's columns, declared once: header and value. */
const RUN_COLUMNS: ReadonlyArray<[string, (r: HistoryRecord) => Cell]> = [
  ['name', (r) => r.name],
  ['saved_at', (r) => r.savedAt],
  ['kind', (r) => r.kind],
  ['race_id', (r) => r.raceId],
  ['status', (r) => r.status],
  ['learning_rate', (r) => r.settings.learningRate],
  ['momentum', (r) => r.settings.momentum],
  ['epochs_planned', (r) => r.settings.epochs],
  ['epochs_trained', (r) => r.curves.validation.length],
  ['batch_size', (r) => r.settings.batchSize],
  ['seed', (r) => r.settings.seed],
  ['init', (r) => r.settings.init],
  ['schedule', (r) => r.settings.schedule],
  ['lr_changes', (r) => r.changes?.length ?? 0],
  ['train_loss', (r) => r.final.trainLoss],
  ['validation_loss', (r) => r.final.validationLoss],
  ['validation_accuracy', (r) => r.final.validationAccuracy],
  ['macro_auc', (r) => r.final.macroAuc],
  ['test_accuracy', (r) => r.final.testAccuracy],
  ['epoch_to_90', (r) => r.final.epochToNinety],
];

/** One row per run: settings and final metrics. Losses in nats, accuracies 0..1. CRLF line ends, as RFC 4180 has them. */
export function toCsv(records: readonly HistoryRecord[]): string {
  const rows = [RUN_COLUMNS.map(([h]) => h), ...records.map((r) => RUN_COLUMNS.map(([, get]) => get(r)))];
  return rows.map(csvRow).join('\r\n') + '\r\n';
}

/** The curves in long form, one row per point: run, series (train | validation), epoch, loss, accuracy. */
export function curvesToCsv(records: readonly HistoryRecord[]): string {
  const rows: Cell[][] = [['run', 'series', 'epoch', 'loss', 'accuracy']];
  for (const r of records) {
    for (const p of r.curves.train) rows.push([r.name, 'train', p.epoch, p.loss, undefined]);
    for (const p of r.curves.validation) rows.push([r.name, 'validation', p.epoch, p.loss, p.accuracy]);
  }
  return rows.map(csvRow).join('\r\n') + '\r\n';
}
