/** Run and race states as the store holds them, for the history's tests. */
import { PRESET } from '../../shared/settings.ts';
import type { RunSettings } from '../../shared/settings.ts';
import type { Evaluation } from '../../worker/protocol.ts';
import type { RaceRun, RaceState } from '../store/raceSlice.ts';
import type { RunState } from '../store/runSlice.ts';

export const evaluation = (loss: number, accuracy: number, macroAuc: number | null = 0.99): Evaluation => ({
  set: 'validation',
  count: 1000,
  loss,
  accuracy,
  macroAuc,
  confusion: new Int32Array(100),
  auc: new Float64Array(10),
  rocFpr: new Float32Array(0),
  rocTpr: new Float32Array(0),
  rocOffsets: new Int32Array(11),
});

/** `n` loss points spread over `epochs` epochs, falling from 2.3. */
export const lossPoints = (n: number, epochs: number) =>
  Array.from({ length: n }, (_, i) => ({ step: i + 1, epoch: ((i + 1) / n) * epochs, loss: 2.3 / (1 + i / 10), batches: 1 }));

export function doneRun(over: Partial<RunState> = {}, settings: RunSettings = { ...PRESET, epochs: 3 }): RunState {
  return {
    id: 7,
    phase: 'done',
    settings,
    startedAt: 0,
    firstLossAt: 1,
    dataLoadMs: 1,
    trainCount: 50000,
    validationCount: 10000,
    progress: null,
    lossPoints: lossPoints(30, 3),
    markers: [],
    error: null,
    epochs: [
      { epoch: 1, epochs: 3, trainLoss: 0.9, validation: evaluation(0.5, 0.85), trainMs: 1 },
      { epoch: 2, epochs: 3, trainLoss: 0.4, validation: evaluation(0.3, 0.91), trainMs: 1 },
      { epoch: 3, epochs: 3, trainLoss: 0.3, validation: evaluation(0.25, 0.93, 0.995), trainMs: 1 },
    ],
    done: { reason: 'completed', epochs: 3, test: { ...evaluation(0.24, 0.935), set: 'test' } },
    ...over,
  };
}

export const raceRun = (learningRate: number, status: RaceRun['status'], accuracies: number[]): RaceRun => ({
  learningRate,
  momentum: 0.5,
  status,
  note:
    status === 'diverged'
      ? { reason: 'diverged', epoch: 1, step: 40, loss: 3.97e4, learningRate }
      : status === 'collapsed'
        ? { reason: 'collapsed', accuracy: accuracies.at(-1) ?? 0.1 }
        : null,
  lossPoints: accuracies.length ? lossPoints(20, accuracies.length) : [],
  epochs: accuracies.map((a, i) => ({ epoch: i + 1, trainLoss: 1 - a, validation: evaluation(1 - a, a) })),
});

export function doneRace(runs: RaceRun[], over: Partial<RaceState> = {}): RaceState {
  return { runId: 9, settings: { ...PRESET, epochs: 3 }, epochs: 3, phase: 'done', progress: null, runs, error: null, summary: { kind: 'stopped' }, ...over };
}
