/**
 * The current run as the page sees it, rebuilt from the worker's events.
 * Loss points arrive at ≤ 10 a second; appending to an array and letting
 * the chart read it is cheap at that rate.
 */
import type { StateCreator } from 'zustand';
import type { LossPoint, Progress } from '../../train/types.ts';
import type { RunSettings } from '../../shared/settings.ts';
import type { BackendName } from '../../shared/backendNames.ts';
import type { EngineReport, FallbackCode } from '../../shared/engineIds.ts';
import type { BackendReason, EpochResult, Evaluation, RunEnd, RunPhase, StreamEvent } from '../../worker/protocol.ts';
import { i18n } from '../../i18n/index.ts';
import { settingNumber } from '../format.ts';
import type { InterruptCause, Interruption } from '../interruption.ts';
import type { PageProblem } from '../workerWords.ts';
import type { LabState } from './index.ts';
import { applyRaceEvent } from './raceEvents.ts';
import { applyInsideEvent } from './insideSlice.ts';
import { applyRotationEvent } from './rotationSlice.ts';
import type { RotationAccuracy } from '../../train/accuracyByRotation.ts';
import { applyInterruption, applyRefusal } from './workerEvents.ts';

export interface RunState {
  id: number;
  phase: RunPhase | 'done';
  settings: RunSettings;
  /** performance.now() when Train was pressed. */
  startedAt: number;
  /** performance.now() when the first loss point arrived. */
  firstLossAt: number | null;
  dataLoadMs: number | null;
  trainCount: number | null;
  validationCount: number | null;
  progress: Progress | null;
  lossPoints: LossPoint[];
  /** Mid-run changes of learning rate or momentum, drawn as markers on the loss chart. */
  markers: { epoch: number; learningRate: number; momentum: number }[];
  epochs: EpochResult[];
  /** How it ended, as the worker's code and numbers (runWords.ts words it); `tensors`: the worker's live tfjs tensors after the run (the bench's leak check). */
  done: (RunEnd & { test?: Evaluation; tensors?: number }) | null;
  /** A failure that ended the run (data, backend, internal, or the worker replaced under it), as a code (workerWords.ts words it). */
  error: PageProblem | null;
  /** Accuracy by rotation on the test set, measured after the run's end: absent until then (or for good, stopped or diverged), empty when it gave way to the next job. */
  rotation?: RotationAccuracy[];
  /** Set when the page ended the run itself because its worker stopped, stalled or lost the GPU (with `error` saying so). */
  interrupted?: InterruptCause;
}

export interface RunSlice {
  run: RunState | null;
  /**
   * tfjs's backend: what trains when the engine is tfjs, else what stands by
   * for runs the SIMD engine cannot train. `reason`: why it is not WebGL as
   * usual (workerWords.ts words it).
   */
  backend: { name: BackendName; reason?: BackendReason } | null;
  /** What trains and why (codes and numbers; app/engineWords.ts words them). */
  engine: EngineReport | null;
  /** The latest job that trains on tfjs although the SIMD engine was chosen, and why. */
  engineFallback: { runId: number; backend: BackendName; code: FallbackCode } | null;
  /** A problem not tied to a run (no backend works, the worker was replaced, a start refused), as a code. */
  workerError: PageProblem | null;
  /** Reset was pressed and the worker has not said reset-done yet: nothing new starts meanwhile. */
  resetting: boolean;
  /** A run, race or range test sent but not yet accepted, and what to put back if the worker refuses it. */
  pendingStart: { runId: number; restore: Partial<LabState> } | null;
  beginRun(id: number, settings: RunSettings): void;
  applyEvent(e: StreamEvent): void;
  /** The worker was replaced (see applyInterruption). */
  interrupt(i: Interruption): void;
  /** Reset: the run and its model go; if the worker was asked (`answered`), Train waits for its reset-done. */
  clearRun(answered: boolean): void;
}

const patchRun = (s: LabState, id: number | undefined, patch: (r: RunState) => Partial<RunState>): Partial<LabState> => {
  if (!s.run || (id !== undefined && s.run.id !== id)) return {};
  return { run: { ...s.run, ...patch(s.run) } };
};

export const createRunSlice: StateCreator<LabState, [], [], RunSlice> = (set) => ({
  run: null,
  backend: null,
  engine: null,
  engineFallback: null,
  workerError: null,
  resetting: false,
  pendingStart: null,
  beginRun: (id, settings) =>
    set((s) => ({
      pendingStart: { runId: id, restore: { run: s.run, workerError: s.workerError, evalView: s.evalView, gallery: s.gallery, raceSelected: s.raceSelected } },
      workerError: null,
      evalView: 'auto',
      gallery: null,
      raceSelected: null,
      run: {
        id,
        settings,
        phase: 'loading-data',
        startedAt: performance.now(),
        firstLossAt: null,
        dataLoadMs: null,
        trainCount: null,
        validationCount: null,
        progress: null,
        lossPoints: [],
        markers: [],
        epochs: [],
        done: null,
        error: null,
      },
    })),
  applyEvent: (e) =>
    set((s) => {
      switch (e.type) {
        case 'backend':
          return { backend: { name: e.backend, reason: e.reason } };
        case 'engine':
          return { engine: e.report };
        case 'engine-fallback':
          return { engineFallback: { runId: e.runId, backend: e.backend, code: e.code } };
        case 'data-loaded':
          return patchRun(s, undefined, () => ({ dataLoadMs: e.ms, trainCount: e.trainCount, validationCount: e.validationCount }));
        case 'phase':
          if (s.race?.runId === e.runId && s.race.phase !== 'done')
            return { race: { ...s.race, phase: e.phase === 'paused' ? 'paused' : e.phase === 'loading-data' ? 'loading-data' : 'training' } };
          return patchRun(s, e.runId, (r) => (r.phase === 'done' ? {} : { phase: e.phase }));
        case 'losses':
          return patchRun(s, e.runId, (r) => ({
            lossPoints: r.lossPoints.concat(e.points),
            progress: e.progress,
            firstLossAt: r.firstLossAt ?? performance.now(),
          }));
        case 'epoch': {
          const { type: _t, runId: _r, ...result } = e;
          return patchRun(s, e.runId, (r) => ({ epochs: [...r.epochs, result] }));
        }
        case 'done': {
          if (!s.run || s.run.id !== e.runId) return {};
          const run = s.run;
          const last = run.epochs[run.epochs.length - 1];
          // A diverged run's weights are NaN: the worker drops them, and so does the page.
          const model =
            e.end.reason === 'diverged'
              ? null
              : {
                  source: 'trained' as const,
                  // A name the student may keep when saving: in the page's language when the run ended.
                  name: i18n.t('models.trainedName', {
                    count: run.epochs.length,
                    n: run.epochs.length,
                    learningRate: settingNumber(run.settings.learningRate),
                    momentum: settingNumber(run.settings.momentum),
                  }),
                  settings: run.settings,
                  metrics: {
                    epochsTrained: run.epochs.length,
                    validationAccuracy: last?.validation.accuracy,
                    testAccuracy: e.test?.accuracy,
                    macroAuc: e.test?.macroAuc ?? undefined,
                  },
                };
          return { model, run: { ...run, phase: 'done', done: { ...e.end, test: e.test, tensors: e.tensors } } };
        }
        case 'examples': {
          const { type: _t, ...examples } = e;
          return s.gallery?.requestId === e.requestId ? { gallery: { ...s.gallery, examples } } : {};
        }
        case 'hyper-change':
          return patchRun(s, e.runId, (r) => ({ markers: [...r.markers, { epoch: e.epoch, learningRate: e.learningRate, momentum: e.momentum }] }));
        case 'race-losses':
        case 'race-epoch':
        case 'race-run-end':
        case 'race-done':
          return s.race?.runId === e.runId ? { race: applyRaceEvent(s.race, e) } : {};
        case 'rotation-accuracy':
        case 'rotation-progress':
          return applyRotationEvent(s, e);
        case 'range-points':
          return s.rangeTest?.runId === e.runId ? { rangeTest: { ...s.rangeTest, points: s.rangeTest.points.concat(e.points) } } : {};
        case 'range-done':
          return s.rangeTest?.runId === e.runId ? { rangeTest: { ...s.rangeTest, status: 'done', suggestion: e.suggestion, result: e.result } } : {};
        case 'accepted':
          return s.pendingStart?.runId === e.runId ? { pendingStart: null } : {};
        case 'refused':
          return applyRefusal(s, e);
        case 'reset-done':
          return { resetting: false };
        case 'data-offline':
          return { offline: { ...s.offline, data: e.state } };
        case 'weights':
        case 'replay-kept':
          return applyInsideEvent(s, e);
        case 'error':
          if (e.runId !== undefined && s.race?.runId === e.runId) return { race: { ...s.race, phase: 'done', error: e.problem } };
          if (e.runId !== undefined && s.rangeTest?.runId === e.runId) return { rangeTest: { ...s.rangeTest, status: 'failed', problem: e.problem } };
          if (e.runId === undefined) return { workerError: e.problem };
          return patchRun(s, e.runId, () => ({ phase: 'done', error: e.problem }));
      }
    }),
  interrupt: (i) => set((s) => applyInterruption(s, i)),
  clearRun: (answered) => set({ run: null, gallery: null, model: null, prediction: null, resetting: answered }),
});
