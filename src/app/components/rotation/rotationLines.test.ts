import { describe, expect, it } from 'vitest';
import { PRESET } from '../../../shared/settings.ts';
import { doneRace, doneRun, raceRun } from '../../history/testFixtures.ts';
import type { HistoryRecordSummary } from '../../history/record.ts';
import { useLab } from '../../store/index.ts';
import type { LabState } from '../../store/index.ts';
import { canMeasureModel, rotationAngles, rotationLines, rotationPending } from './rotationLines.ts';

const rows = (acc: number[]) => [-30, 0, 30].map((angleDeg, i) => ({ angleDeg, accuracy: acc[i] }));
const base = useLab.getState();
const state = (over: Partial<LabState>): LabState => ({ ...base, ...over });
const model = { source: 'trained' as const, name: 'm', settings: PRESET, metrics: { epochsTrained: 1 } };

describe('the lines of accuracy by rotation', () => {
  it('has one line per measured run: the run, each run of a comparison, the held model, the ticked history runs', () => {
    const history = [
      { id: 3, name: 'plain', settings: PRESET, rotation: rows([0.6, 0.93, 0.6]) },
      { id: 4, name: 'unmeasured', settings: PRESET },
    ] as unknown as HistoryRecordSummary[];
    const s = state({
      run: doneRun({ rotation: rows([0.6, 0.9, 0.6]) }),
      race: doneRace([
        { ...raceRun(0.1, 'finished', [0.9]), rotation: rows([0.7, 0.9, 0.7]) },
        { ...raceRun(10, 'diverged', [0.1]), rotation: [] },
      ]),
      model: { ...model, source: 'loaded' },
      modelRotation: { status: 'done', rows: rows([0.5, 0.8, 0.5]) },
      history,
      historySelected: [4, 3],
    });
    const lines = rotationLines(s);
    expect(lines.map((l) => [l.kind, l.index, l.rows[1].accuracy])).toEqual([
      ['run', 0, 0.9],
      ['race', 0, 0.9],
      ['model', 0, 0.8],
      ['history', 3, 0.93],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(4);
    expect(rotationAngles(lines)).toEqual([-30, 0, 30]);
  });

  it('is pending from a completed run’s end until its measurement arrives, but not for a stopped one', () => {
    expect(rotationPending(state({ run: doneRun() }))).toBe(true);
    expect(rotationPending(state({ run: doneRun({ rotation: [] }) }))).toBe(false);
    expect(rotationPending(state({ run: doneRun({ done: { reason: 'stopped', epoch: 1 } }) }))).toBe(false);
    expect(rotationPending(state({ run: doneRun({ phase: 'training', done: null }) }))).toBe(false);
    expect(rotationPending(state({ race: doneRace([raceRun(0.1, 'finished', [0.9])]) }))).toBe(true);
    expect(rotationPending(state({ race: doneRace([raceRun(0.1, 'stopped', [0.9])]) }))).toBe(false);
    expect(rotationPending(state({ modelRotation: { status: 'measuring' } }))).toBe(true);
  });

  it('offers to measure the held model when nothing measured it: a loaded model, or a run stopped before its measurement', () => {
    expect(canMeasureModel(state({ model: null }))).toBe(false);
    expect(canMeasureModel(state({ model: { ...model, source: 'loaded' } }))).toBe(true);
    expect(canMeasureModel(state({ model, run: doneRun({ rotation: rows([0.6, 0.9, 0.6]) }) }))).toBe(false);
    expect(canMeasureModel(state({ model, run: doneRun({ done: { reason: 'stopped', epoch: 1 } }) }))).toBe(true);
    expect(canMeasureModel(state({ model, run: doneRun() })), 'its own measurement is on the way').toBe(false);
    expect(canMeasureModel(state({ model: { ...model, source: 'loaded' }, modelRotation: { status: 'done', rows: [] } }))).toBe(false);
  });
});
