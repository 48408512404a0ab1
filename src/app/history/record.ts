/**
 * One run as the history keeps it: its settings, its curves thinned
 * to a size that a hundred runs can share one IndexedDB store, and its final
 * figures. Built from the run or race state the page already has; plain
 * data, so it survives structured clone (IndexedDB) and JSON (export) alike.
 *
 * Only finite numbers are kept: a diverged run's NaN/∞ losses would turn into
 * `null` in JSON and poison an averaged curve. Its status says it diverged,
 * and its curve ends where the numbers stopped being numbers.
 *
 * No words of the page are stored: a status and a note are codes with their
 * numbers, worded when shown, so a run saved in English reads in Portuguese.
 * (Records written before notes were codes hold an English `message`; it is
 * kept, and shown as it is.) Only a new run's default name is in the page's
 * language: a name is the student's label, renamed at will.
 */
import type { RunSettings } from '../../shared/settings.ts';
import type { RotationAccuracy } from '../../train/accuracyByRotation.ts';
import { MAX_NAME } from '../../shared/validate.ts';
import { i18n } from '../../i18n/index.ts';
import { decimate } from '../chart/decimate.ts';
import { settingNumber } from '../format.ts';
import type { RunNote } from '../runWords.ts';
import { runKey } from './runKey.ts';
import type { RaceRunStatus, RaceState } from '../store/raceSlice.ts';
import type { RunState } from '../store/runSlice.ts';

/**
 * 'interrupted': the run had not ended when it was last written (it is written
 * after every epoch), or it ended without a reason (its worker died). A
 * reload, a crash or a closed tab leaves it so, with its curves up to then.
 */
export type HistoryStatus = 'completed' | 'stopped' | 'diverged' | 'collapsed' | 'early-stopped' | 'interrupted';

export const HISTORY_STATUSES: readonly HistoryStatus[] = ['completed', 'stopped', 'diverged', 'collapsed', 'early-stopped', 'interrupted'];

export interface HistoryCurves {
  /** Training loss by batch group, x in fractional epochs; at most MAX_TRAIN_POINTS. Nats. */
  train: { epoch: number; loss: number }[];
  /** One point per finished epoch: validation loss (nats) and accuracy (0..1). */
  validation: { epoch: number; loss: number; accuracy: number }[];
}

export interface HistoryFinal {
  /** Mean training loss over the last finished epoch, nats. */
  trainLoss?: number;
  validationLoss?: number;
  /** 0..1 */
  validationAccuracy?: number;
  /** Macro one-vs-rest AUC on validation, 0..1. */
  macroAuc?: number;
  /** Single runs only: the test set is evaluated once, at the end. */
  testAccuracy?: number;
  /** First epoch whose validation accuracy reached 90 %; absent if none did. */
  epochToNinety?: number;
}

export interface HistoryRecord {
  /** IndexedDB key; absent until stored (and dropped on import, which stores afresh). */
  id?: number;
  name: string;
  /** ISO 8601 */
  savedAt: string;
  kind: 'single' | 'race';
  /** Shared by the runs of one race, so they can be found together. */
  raceId?: string;
  /** learningRate and momentum are this run's (a race's runs differ in them). */
  settings: RunSettings;
  status: HistoryStatus;
  /** Why a run diverged, collapsed or stopped early, as a code with its numbers (runWords.ts words it). */
  note?: RunNote;
  /** The same in English, as records and files written before notes were codes hold it: shown as it is, never written any more. */
  message?: string;
  /** Mid-run learning-rate or momentum changes (single runs); settings hold the starting values. */
  changes?: { epoch: number; learningRate: number; momentum: number }[];
  curves: HistoryCurves;
  final: HistoryFinal;
  /** Accuracy by rotation on the test set (fractions, by angle in degrees), measured after the run; absent when it was not. */
  rotation?: RotationAccuracy[];
}

/**
 * What the list shows; the curves stay in the database until a run is overlaid
 * or exported. `key` is the record's content key (runKey.ts): it finds
 * duplicates on import and tells a run rewritten in place from its old self.
 */
export type HistoryRecordSummary = Omit<HistoryRecord, 'id' | 'curves'> & { id: number; epochsTrained: number; key: string };

/** ~1,000 points keep a 100-epoch curve's shape at a few tens of KB per run. */
export const MAX_TRAIN_POINTS = 1000;

/** What of a run the record is made from: a single run and a race run both fit. */
interface RunLike {
  lossPoints: readonly { epoch: number; loss: number }[];
  epochs: readonly { epoch: number; trainLoss: number; validation: { loss: number; accuracy: number; macroAuc: number | null } }[];
}

const finite = (v: number | null | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function curvesOf(run: RunLike): HistoryCurves {
  const train = run.lossPoints.filter((p) => Number.isFinite(p.epoch) && Number.isFinite(p.loss)).map((p) => ({ x: p.epoch, y: p.loss }));
  return {
    train: decimate(train, MAX_TRAIN_POINTS).map((p) => ({ epoch: p.x, loss: p.y })),
    validation: run.epochs
      .filter((e) => Number.isFinite(e.validation.loss) && Number.isFinite(e.validation.accuracy))
      .map((e) => ({ epoch: e.epoch, loss: e.validation.loss, accuracy: e.validation.accuracy })),
  };
}

function finalOf(run: RunLike, testAccuracy?: number): HistoryFinal {
  const last = run.epochs.at(-1);
  // The race table's rule: the first epoch at or above 90 % validation accuracy.
  const ninety = run.epochs.find((e) => e.validation.accuracy >= 0.9)?.epoch;
  const out: HistoryFinal = {
    trainLoss: finite(last?.trainLoss),
    validationLoss: finite(last?.validation.loss),
    validationAccuracy: finite(last?.validation.accuracy),
    macroAuc: finite(last?.validation.macroAuc),
    testAccuracy: finite(testAccuracy),
    epochToNinety: ninety,
  };
  // Absent, not undefined: the JSON export and the structured clone then agree.
  for (const k of Object.keys(out) as (keyof HistoryFinal)[]) if (out[k] === undefined) delete out[k];
  return out;
}

/** A run's accuracy by rotation as the record keeps it: finite figures only; undefined when none was measured. */
function rotationOf(rows: readonly RotationAccuracy[] | undefined): RotationAccuracy[] | undefined {
  const kept = (rows ?? [])
    .filter((r) => Number.isFinite(r.angleDeg) && Number.isFinite(r.accuracy))
    .map((r) => ({ angleDeg: r.angleDeg, accuracy: r.accuracy }));
  return kept.length ? kept : undefined;
}

/** "Run · lr 0.1 · μ 0.5", in the page's language: the default name; the student can rename it. */
export const defaultName = (kind: HistoryRecord['kind'], s: Pick<RunSettings, 'learningRate' | 'momentum'>): string =>
  i18n.t(`history.defaultName.${kind}`, { learningRate: settingNumber(s.learningRate), momentum: settingNumber(s.momentum) });

/** A run has nothing to show before its first loss point; such runs are not kept. */
export const hasData = (run: RunLike): boolean => run.lossPoints.length > 0 || run.epochs.length > 0;

/** A reason the run's end gives; one the history does not know (a newer worker's) reads as interrupted. */
function statusOfReason(reason: string): HistoryStatus {
  return (HISTORY_STATUSES as readonly string[]).includes(reason) ? (reason as HistoryStatus) : 'interrupted';
}

/**
 * The record of a single run as it stands: its end's reason (completed,
 * stopped, diverged) once it has one, else 'interrupted': while it trains
 * (the auto-save writes it after each epoch) and when it ended without a
 * reason (the worker failed or died). Null when it has nothing to show.
 */
export function recordFromRun(run: RunState, savedAt: string = new Date().toISOString()): HistoryRecord | null {
  if (!hasData(run)) return null;
  const status = run.phase === 'done' && run.done ? statusOfReason(run.done.reason) : 'interrupted';
  const rec: HistoryRecord = {
    name: defaultName('single', run.settings),
    savedAt,
    kind: 'single',
    settings: { ...run.settings },
    status,
    curves: curvesOf(run),
    final: finalOf(run, run.done?.test?.accuracy),
  };
  const end = run.done;
  if (end?.reason === 'diverged' || end?.reason === 'early-stopped') {
    const { test: _test, tensors: _tensors, ...note } = end;
    rec.note = note;
  }
  if (run.markers.length) rec.changes = run.markers.map((m) => ({ ...m }));
  const rotation = rotationOf(run.rotation);
  if (rotation) rec.rotation = rotation;
  return rec;
}

const STATUS_OF_RACE_RUN: Record<RaceRunStatus, HistoryStatus> = {
  finished: 'completed',
  // Once the race is done, only seen if it ended without its closing event (a worker error).
  running: 'interrupted',
  stopped: 'stopped',
  diverged: 'diverged',
  collapsed: 'collapsed',
  'early-stopped': 'early-stopped',
};

/**
 * The record of run `index` of a race, with the race's shared settings and its
 * own learning rate and momentum. While the race goes on, a run is
 * 'interrupted' unless it has diverged (its weights are frozen: its story is
 * told); when the race is done, its own status. `settings` are the ones the
 * race started with; `raceId` is shared by the race's records.
 */
export function recordFromRaceRun(race: RaceState, index: number, settings: RunSettings, savedAt: string, raceId: string): HistoryRecord {
  const r = race.runs[index];
  // A run's own settings; a race begun before runs kept theirs differs from the race's in lr and μ only.
  const own: RunSettings = r.settings ?? { ...settings, epochs: race.epochs, learningRate: r.learningRate, momentum: r.momentum };
  const status = race.phase === 'done' || r.status === 'diverged' || r.status === 'early-stopped' ? STATUS_OF_RACE_RUN[r.status] : 'interrupted';
  const rec: HistoryRecord = {
    name: defaultName('race', own),
    savedAt,
    kind: 'race',
    raceId,
    settings: own,
    status,
    curves: curvesOf(r),
    final: finalOf(r),
  };
  if (r.note && (status === 'diverged' || status === 'collapsed' || status === 'early-stopped')) rec.note = { ...r.note };
  const rotation = rotationOf(r.rotation);
  if (rotation) rec.rotation = rotation;
  return rec;
}

/** The id shared by a race's records: when it was first written, and the page's race number. */
export const raceIdOf = (race: Pick<RaceState, 'runId'>, savedAt: string): string => `${savedAt}#${race.runId}`;

/**
 * One record per run of a finished race (see recordFromRaceRun). Runs without data are left out.
 */
export function recordsFromRace(race: RaceState, settings: RunSettings, savedAt: string = new Date().toISOString()): HistoryRecord[] {
  if (race.phase !== 'done') return [];
  const raceId = raceIdOf(race, savedAt);
  return race.runs.flatMap((r, i) => (hasData(r) ? [recordFromRaceRun(race, i, settings, savedAt, raceId)] : []));
}

/**
 * `name`, or `name (2)`, `name (3)`…: the first not in `taken`, so every
 * "Overlay <name>" is unique. Never longer than MAX_NAME: a longer one would
 * fail the record's schema when read back. The base is shortened to make room.
 */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  const base = (name.trim() || i18n.t('history.defaultName.blank')).slice(0, MAX_NAME);
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const candidate = `${base.slice(0, MAX_NAME - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function summarize(r: HistoryRecord & { id: number }): HistoryRecordSummary {
  const { curves, ...rest } = r;
  return { ...rest, epochsTrained: curves.validation.length, key: runKey(r) };
}

/** The list's order: by date, newest first; the later stored first among equal dates. ISO dates compare as text. */
export const newestFirst = (a: { savedAt: string; id: number }, b: { savedAt: string; id: number }): number =>
  a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : b.id - a.id;
