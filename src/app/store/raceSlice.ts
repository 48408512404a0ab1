/**
 * A learning-rate race as the page sees it: 2-6 runs from the same initial
 * weights on the same batches, differing only in learning rate (and, when
 * the student gives them, in momentum).
 */
import type { StateCreator } from 'zustand';
import type { LossPoint, Progress } from '../../train/types.ts';
import type { Evaluation, RaceSummary } from '../../worker/protocol.ts';
import type { RunSettings } from '../../shared/settings.ts';
import type { RunNote } from '../runWords.ts';
import type { PageProblem } from '../workerWords.ts';
import type { LabState } from './index.ts';
import type { RotationAccuracy } from '../../train/accuracyByRotation.ts';

export type RaceRunStatus = 'running' | 'finished' | 'stopped' | 'diverged' | 'collapsed' | 'early-stopped';

export interface RaceRunEpochResult {
  epoch: number;
  /** Mean training NLL over the epoch, nats. */
  trainLoss: number;
  validation: Evaluation;
}

export interface RaceRun {
  /** The run's own settings (a comparison's runs may differ in any of them); the race's, with this lr and μ, when absent. */
  settings?: RunSettings;
  learningRate: number;
  momentum: number;
  status: RaceRunStatus;
  /** Why it diverged, collapsed or stopped early, as a code (runWords.ts words it with the run's name). */
  note: RunNote | null;
  lossPoints: LossPoint[];
  epochs: RaceRunEpochResult[];
  /** Accuracy by rotation on the test set, measured after the comparison's end: absent until then (or for good, when stopped), empty for a diverged run. */
  rotation?: RotationAccuracy[];
}

export interface RaceState {
  runId: number;
  /** The form's settings when the race began (each run's own learning rate and momentum are in `runs`). */
  settings: RunSettings;
  epochs: number;
  phase: 'loading-data' | 'training' | 'paused' | 'done';
  progress: Progress | null;
  runs: RaceRun[];
  error: PageProblem | null;
  /** How it ended, once it is done (runWords.ts words it). */
  summary: RaceSummary | null;
}

export interface RaceSlice {
  race: RaceState | null;
  /** The race run whose ROC and confusion matrix the evaluation panels show; null = the single run's. */
  raceSelected: number | null;
  beginRace(runId: number, settings: RunSettings, runs: readonly RunSettings[]): void;
  selectRaceRun(i: number | null): void;
  clearRace(): void;
}

export const createRaceSlice: StateCreator<LabState, [], [], RaceSlice> = (set) => ({
  race: null,
  raceSelected: null,
  beginRace: (runId, settings, runs) =>
    set((s) => ({
      pendingStart: { runId, restore: { race: s.race, raceSelected: s.raceSelected } },
      raceSelected: null,
      race: {
        runId,
        settings,
        epochs: settings.epochs,
        phase: 'loading-data',
        progress: null,
        error: null,
        summary: null,
        runs: runs.map((r) => ({
          settings: r,
          learningRate: r.learningRate,
          momentum: r.momentum,
          status: 'running',
          note: null,
          lossPoints: [],
          epochs: [],
        })),
      },
    })),
  selectRaceRun: (raceSelected) => set({ raceSelected }),
  clearRace: () => set({ race: null, raceSelected: null }),
});
