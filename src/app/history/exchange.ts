/**
 * Run history in and out of the browser: JSON that the lab reads back, and
 * CSV for a spreadsheet. Both hold codes and numbers, never the page's words
 * (a status is "diverged", a note is a code with its numbers), so a file
 * exported in one language reads the same in the other. A file is checked
 * whole before anything is stored, and a problem is named by run and field
 * (as a code: fileWords.ts words it), so a hand-edited file can be fixed
 * rather than guessed at.
 */
import { FIELDS } from '../../shared/settings.ts';
import type { ReadProblem, Shown } from '../../shared/validate.ts';
import { ROTATION_ANGLES } from '../../data/rotatedSets.ts';
import { shown } from '../../shared/validate.ts';
import type { HistoryRecord } from './record.ts';
import { MAX_TRAIN_POINTS, curvesOf } from './record.ts';
import { readHistoryRecord } from './recordSchema.ts';

export const HISTORY_FORMAT = 'mnist-lab-history';
/**
 * 2: a run's note (why it diverged, collapsed or stopped early) is a code
 * with its numbers (`note`). A version 1 file holds it as English text
 * (`message`), which still reads and is shown as it is.
 */
export const HISTORY_VERSION = 2;
const READS: readonly number[] = [1, 2];

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

export function toJson(records: readonly HistoryRecord[], exportedAt: string = new Date().toISOString()): string {
  // Database ids mean nothing in another browser: import stores afresh.
  const runs = records.map(({ id: _id, ...r }) => r);
  return JSON.stringify({ format: HISTORY_FORMAT, version: HISTORY_VERSION, exportedAt, runs });
}

/**
 * Why a history file was refused: not JSON; a model file instead; another
 * format; a version this lab does not read; no list of runs, an empty one or
 * too long a one; or run `run` (from 1; `name` if it has a readable one)
 * has a wrong field (`problem`).
 */
export type HistoryFileProblem =
  | { code: 'notJson' }
  | { code: 'modelFile' }
  | { code: 'notHistory'; format: string }
  | { code: 'version'; version: Shown; reads: readonly number[] }
  | { code: 'noRunsList' }
  | { code: 'noRuns' }
  | { code: 'tooManyRuns'; runs: number; max: number }
  | { code: 'badRun'; run: number; name: string | null; problem: ReadProblem };

export type Imported = { ok: true; records: HistoryRecord[] } | { ok: false; problem: HistoryFileProblem };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export type HistoryHeader = { ok: true; runs: unknown[] } | { ok: false; problem: HistoryFileProblem };

const refused = (problem: HistoryFileProblem): { ok: false; problem: HistoryFileProblem } => ({ ok: false, problem });

/** A file's envelope: JSON, the format and version, and a list of runs within the limits. Its runs are not read yet. */
export function readHistoryHeader(textIn: string): HistoryHeader {
  let doc: unknown;
  try {
    doc = JSON.parse(textIn);
  } catch {
    return refused({ code: 'notJson' });
  }
  if (isObj(doc) && doc.format === 'mnist-lab-model') return refused({ code: 'modelFile' });
  if (!isObj(doc) || doc.format !== HISTORY_FORMAT) return refused({ code: 'notHistory', format: HISTORY_FORMAT });
  if (!READS.includes(doc.version as number)) return refused({ code: 'version', version: shown(doc.version), reads: READS });
  if (!Array.isArray(doc.runs)) return refused({ code: 'noRunsList' });
  if (doc.runs.length === 0) return refused({ code: 'noRuns' });
  if (doc.runs.length > MAX_IMPORT_RUNS) return refused({ code: 'tooManyRuns', runs: doc.runs.length, max: MAX_IMPORT_RUNS });
  return { ok: true, runs: doc.runs };
}

/**
 * Run `i` (from 0) of a file's list, through the history record's schema
 * (the one IndexedDB reads go through too); a problem is named by the run's
 * number and name.
 */
export function readHistoryRun(raw: unknown, i: number): { ok: true; record: HistoryRecord } | { ok: false; problem: HistoryFileProblem } {
  const r = readHistoryRecord(raw, '');
  if (!r.ok) {
    const name = isObj(raw) && typeof raw.name === 'string' && raw.name.trim() ? raw.name.trim().slice(0, 60) : null;
    return refused({ code: 'badRun', run: i + 1, name, problem: r.problem });
  }
  const record = r.value;
  // A denser curve (another tool, an older lab) is thinned like the lab's own.
  if (record.curves.train.length > MAX_TRAIN_POINTS)
    record.curves = { ...record.curves, train: curvesOf({ lossPoints: record.curves.train, epochs: [] }).train };
  return { ok: true, record };
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

/** A setting's CSV column: its name in snake case (learningRate → learning_rate). */
const column = (key: string): string => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The runs table's columns, declared once: header and value. The settings'
 * columns come from the settings table, in its order, so a new setting gets
 * its column with nothing written here (hidden layers as "128 64").
 */
const RUN_COLUMNS: ReadonlyArray<[string, (r: HistoryRecord) => Cell]> = [
  ['name', (r) => r.name],
  ['saved_at', (r) => r.savedAt],
  ['kind', (r) => r.kind],
  ['race_id', (r) => r.raceId],
  ['status', (r) => r.status],
  ...FIELDS.map((f): [string, (r: HistoryRecord) => Cell] => [
    column(f.key),
    (r) => (f.kind === 'layers' ? r.settings.hiddenLayers.join(' ') : String(r.settings[f.key])),
  ]),
  ['epochs_trained', (r) => r.curves.validation.length],
  ['lr_changes', (r) => r.changes?.length ?? 0],
  ['train_loss', (r) => r.final.trainLoss],
  ['validation_loss', (r) => r.final.validationLoss],
  ['validation_accuracy', (r) => r.final.validationAccuracy],
  ['macro_auc', (r) => r.final.macroAuc],
  ['test_accuracy', (r) => r.final.testAccuracy],
  ['epoch_to_90', (r) => r.final.epochToNinety],
  // Accuracy by rotation, one column per angle of the lab's table (a record measured at other angles fills none).
  ...ROTATION_ANGLES.map((a): [string, (r: HistoryRecord) => Cell] => [`test_accuracy_rot_${a}`, (r) => r.rotation?.find((x) => x.angleDeg === a)?.accuracy]),
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
