/**
 * One training run inside the worker: the training core with one run, its
 * schedule applied to the student's base numbers (which may move mid-run;
 * each new value leaves a marker), an evaluation message per epoch and,
 * unless the run diverged, the test set at the end. The host owns the
 * engine and the run's state; this owns the training.
 */
import type { Mnist } from '../data/load.ts';
import { range } from '../data/dataset.ts';
import type { RaceEngine } from '../engine/race.ts';
import type { HyperSettings } from '../shared/runSpec.ts';
import { augmentOf } from '../data/augment/index.ts';
import { BatchSource } from '../train/batches.ts';
import type { CoreControl } from '../train/core.ts';
import { trainRuns } from '../train/core.ts';
import { predictRuns } from '../train/predictRuns.ts';
import { scheduledStep } from '../train/schedule.ts';
import type { KeptEvaluation } from './examples.ts';
import type { InsideHooks } from './inside.ts';
import type { EvalSet, Evaluation, RunEnd, StartRun, WorkerEvent } from './protocol.ts';
import { evaluationBuffers } from './protocol.ts';
import { runEndOf } from './runEnd.ts';
import { summarize } from './summary.ts';

export interface RunContext {
  post(e: WorkerEvent, transfer?: ArrayBufferView[]): void;
  /** A stacked engine of one run. */
  engine: RaceEngine;
  mnist: Mnist;
  split: { train: Int32Array; validation: Int32Array };
  /** The student's live numbers now; `version` goes up with each change. */
  hyper(): { settings: HyperSettings; version: number };
  stopRequested(): boolean;
  paused(): boolean;
  whilePaused(): Promise<void>;
  /** Keeps an evaluation for the confusion-matrix gallery. */
  keep(set: EvalSet, kept: KeptEvaluation): void;
  /** The look inside (inside.ts): live weight tiles after loss readbacks, each epoch's weights for the replay. */
  inside?: InsideHooks;
  flushIntervalMs?: number;
}

/** How the run ended (a code for the page to word), with the test evaluation unless it diverged. */
export interface RunResult {
  end: RunEnd;
  test?: Evaluation;
}

export async function runSingle(cmd: StartRun, ctx: RunContext): Promise<RunResult> {
  const { runId, settings } = cmd;
  const { post, engine, mnist, split } = ctx;
  const batches = new BatchSource({
    train: mnist.train,
    indices: split.train,
    batchSize: settings.batchSize,
    seed: settings.seed,
    augment: augmentOf(settings),
  });
  const stepsPerEpoch = batches.batchesPerEpoch;
  const totalSteps = stepsPerEpoch * settings.epochs;
  let markedVersion = 0;
  const control: CoreControl = {
    hypers: (step) => {
      const base = ctx.hyper();
      if (base.version !== markedVersion) {
        markedVersion = base.version;
        post({ type: 'hyper-change', runId, step, epoch: step / stepsPerEpoch, learningRate: base.settings.learningRate, momentum: base.settings.momentum });
      }
      return [scheduledStep(base.settings, settings.schedule, { step, totalSteps, stepsPerEpoch })];
    },
    stopRequested: ctx.stopRequested,
    whilePaused: ctx.whilePaused,
  };
  const groups = [{ engine, runs: [0] }];
  const [outcome] = await trainRuns(
    groups,
    { batches, validation: { set: mnist.train, indices: split.validation } },
    { epochs: settings.epochs, flushIntervalMs: ctx.flushIntervalMs, patience: [settings.patience] },
    control,
    {
      onLosses: (points, progress) => {
        post({ type: 'losses', runId, points: points.map(({ run: _run, ...p }) => p), progress });
        const last = points.at(-1);
        if (last) ctx.inside?.afterLosses(last.epoch);
      },
      onEpoch: async (end) => {
        const run = end.runs[0];
        if (!run || run.diverged) return;
        const { evaluation: validation, predicted } = summarize('validation', run.validation);
        ctx.keep('validation', { set: mnist.train, prediction: run.validation, predicted });
        post(
          { type: 'epoch', runId, epoch: end.epoch, epochs: settings.epochs, trainLoss: run.trainLoss, validation, trainMs: end.trainMs },
          evaluationBuffers(validation),
        );
        await ctx.inside?.afterEpoch(end.epoch);
        if (!ctx.stopRequested()) post({ type: 'phase', runId, phase: ctx.paused() ? 'paused' : 'training' });
      },
    },
  );
  // Diverged weights are NaN or wildly off: nothing to test.
  if (outcome.kind === 'diverged') return { end: runEndOf(outcome) };

  post({ type: 'phase', runId, phase: 'testing' });
  const [testPrediction] = await predictRuns(groups, mnist.test, range(mnist.test.count));
  const { evaluation: test, predicted } = summarize('test', testPrediction);
  ctx.keep('test', { set: mnist.test, prediction: testPrediction, predicted });
  return { end: runEndOf(outcome), test };
}
