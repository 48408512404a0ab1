/**
 * Accuracy by rotation as the host runs it, between jobs: after a run's or
 * a comparison's end event (`after`), and on demand for the held model
 * (`onDemand`). One measurement at a time (a BackgroundTask); whatever
 * would replace what it reads (a job, a Reset, a loaded model) calls
 * `settle()` first, and the measurement gives way within one chunk.
 */
import type { ImageSet } from '../data/dataset.ts';
import type { Mnist } from '../data/load.ts';
import { ROTATION_ANGLES } from '../data/rotatedSets.ts';
import type { RaceEngine } from '../engine/race.ts';
import type { PredictGroup } from '../train/predictRuns.ts';
import { now } from '../train/types.ts';
import { backgroundTask } from './backgroundTask.ts';
import type { Post } from './job.ts';
import type { RotationProblem, RotationResult } from './protocol.ts';
import { measureRotation, rotationBuffers } from './rotation.ts';

export interface RotationJobsDeps {
  post: Post;
  /** The model the worker holds now (a trained run's or a loaded one). */
  heldEngine(): RaceEngine | null;
  /** A job holds the worker. */
  jobRunning(): boolean;
  getData(dataUrl: string): Promise<Mnist>;
  dispose(engine: RaceEngine): void;
}

export interface RotationJobs {
  /**
   * Measures `groups` (their runs in `runs`, or all) on `test` after run
   * `runId` has ended, and posts `rotation-accuracy`, with no rows if it
   * gave way. `upright`: the runs' 0° figure, known from their test pass.
   * `owned`: the engines are an ended comparison's, freed here.
   */
  after(runId: number, groups: PredictGroup[], test: ImageSet, runs: ReadonlySet<number> | null, options?: { upright?: number[]; owned?: boolean }): void;
  /** Measures the held model and answers `model-rotation` (refused while a job or a measurement runs). */
  onDemand(requestId: number, dataUrl: string): Promise<void>;
  running(): boolean;
  /** Asks the measurement under way to give way, and resolves when it has. */
  settle(): Promise<void>;
}

/** Least ms between two progress reports: enough for the page's figure and its watchdog, few enough not to keep the page busy. */
export const PROGRESS_EVERY_MS = 250;

export function rotationJobs(deps: RotationJobsDeps): RotationJobs {
  const task = backgroundTask();
  const { post } = deps;
  /** Reports progress at most every PROGRESS_EVERY_MS (a pass of 250 images takes a few ms on wasm). */
  const progress = (who: { runId: number } | { requestId: number }) => {
    let last = Number.NEGATIVE_INFINITY;
    return (done: number, total: number) => {
      const t = now();
      if (t - last < PROGRESS_EVERY_MS && done < total) return;
      last = t;
      post({ type: 'rotation-progress', ...who, done, total });
    };
  };

  return {
    after(runId, groups, test, runs, { upright, owned = false } = {}) {
      void task.run(async (abandoned) => {
        let result: RotationResult | null = null;
        try {
          result = await measureRotation(groups, test, runs, {
            stopRequested: abandoned,
            upright,
            onChunk: progress({ runId }),
          });
        } catch {
          // A model dropped under it (a lost context): nothing measured.
        } finally {
          if (owned) for (const g of groups) deps.dispose(g.engine);
        }
        const sent = result ?? { angles: [...ROTATION_ANGLES], runs: [] };
        post({ type: 'rotation-accuracy', runId, ...sent }, rotationBuffers(sent));
      });
    },

    async onDemand(requestId, dataUrl) {
      const problem = (p: RotationProblem) => post({ type: 'model-rotation', requestId, problem: p });
      if (deps.jobRunning() || task.running()) return problem('busy');
      const held = deps.heldEngine();
      if (!held) return problem('no-model');
      await task.run(async (abandoned) => {
        try {
          const mnist = await deps.getData(dataUrl);
          const result = await measureRotation([{ engine: held, runs: [0] }], mnist.test, null, {
            stopRequested: () => abandoned() || deps.heldEngine() !== held,
            onChunk: progress({ requestId }),
          });
          if (result) post({ type: 'model-rotation', requestId, result }, rotationBuffers(result));
          else problem('busy');
        } catch {
          problem('failed');
        }
      });
    },

    running: () => task.running(),
    settle: () => task.settle(),
  };
}
