/**
 * The lines of "Accuracy by rotation", from the store: the single run's,
 * every run of the comparison, the held model's measured on demand, and the
 * runs ticked in the history, so that "plain" and "rotation ±30" sit side by
 * side. Also whether a measurement is still to come, and whether the held
 * model can be measured. Pure: state in, lines out (the page words them).
 */
import type { RotationAccuracy } from '../../../train/accuracyByRotation.ts';
import type { RunSettings } from '../../../shared/settings.ts';
import type { HistoryRecordSummary } from '../../history/record.ts';
import type { LabState } from '../../store/index.ts';
import { workerBusy } from '../../store/index.ts';

export type RotationLineKind = 'run' | 'race' | 'model' | 'history';

export interface RotationLine {
  /** Unique among the lines (a React key and a chart series id). */
  key: string;
  kind: RotationLineKind;
  /** The race run's index, the history record's id; 0 otherwise. */
  index: number;
  /** What names it: a history record's name, the held model's name; the run's settings for the others. */
  name?: string;
  settings?: RunSettings;
  rows: RotationAccuracy[];
}

/** What the lines are made of: the parts of the store that change once a run (not once a batch). */
export interface RotationSource {
  run: { id: number; settings: RunSettings; rotation?: RotationAccuracy[] } | null;
  race: { runId: number; runs: readonly { settings?: RunSettings; rotation?: RotationAccuracy[] }[] } | null;
  model: LabState['model'];
  modelRotation: LabState['modelRotation'];
  history: readonly Pick<HistoryRecordSummary, 'id' | 'name' | 'settings' | 'rotation'>[];
  historySelected: readonly number[];
}

export function rotationLines(s: RotationSource): RotationLine[] {
  const lines: RotationLine[] = [];
  if (s.run?.rotation?.length) lines.push({ key: `run:${s.run.id}`, kind: 'run', index: 0, settings: s.run.settings, rows: s.run.rotation });
  s.race?.runs.forEach((r, i) => {
    if (r.rotation?.length) lines.push({ key: `race:${s.race!.runId}:${i}`, kind: 'race', index: i, settings: r.settings, rows: r.rotation });
  });
  if (s.modelRotation?.status === 'done' && s.model) lines.push({ key: 'model', kind: 'model', index: 0, name: s.model.name, rows: s.modelRotation.rows });
  for (const id of s.historySelected) {
    const r = s.history.find((h) => h.id === id);
    if (r?.rotation?.length) lines.push({ key: `history:${id}`, kind: 'history', index: id, name: r.name, settings: r.settings, rows: r.rotation });
  }
  return lines;
}

/** The angles of all lines, in order (lines from elsewhere may have been measured at other angles). */
export function rotationAngles(lines: readonly RotationLine[]): number[] {
  return [...new Set(lines.flatMap((l) => l.rows.map((r) => r.angleDeg)))].sort((a, b) => a - b);
}

/** A measurement is under way or due: a run or comparison that ended and whose accuracy by rotation has not arrived, or the held model's. */
export function rotationPending(s: Pick<LabState, 'run' | 'race' | 'modelRotation'>): boolean {
  if (s.modelRotation?.status === 'measuring') return true;
  const run = s.run;
  if (run?.phase === 'done' && run.rotation === undefined && (run.done?.reason === 'completed' || run.done?.reason === 'early-stopped')) return true;
  const race = s.race;
  // A stopped comparison is not measured; one that finished has a row (maybe empty) for every run once measured.
  return !!race && race.phase === 'done' && !race.error && race.runs.some((r) => r.status !== 'stopped' && r.rotation === undefined);
}

/**
 * The held model can be measured on demand: it has no line yet (a loaded
 * model, or a run stopped before its measurement), nothing is measuring and
 * the worker is free.
 */
export function canMeasureModel(s: LabState): boolean {
  if (!s.model || workerBusy(s) || rotationPending(s) || s.modelRotation?.status === 'done') return false;
  const fromRun = s.model.source === 'trained' && !!s.run?.rotation?.length;
  return !fromRun;
}
