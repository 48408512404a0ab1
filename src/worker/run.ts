/**
 * One training run inside the worker, as race.ts runs a race: the schedule
 * applied to the student's base learning rate and momentum (which may move
 * mid-run; each new value leaves a marker), the loop, an evaluation message
 * per epoch and, unless the run diverged, the test set at the end. The host
 * owns the engine and the run's state; this owns the training.
 */
import type { Mnist } from '../data/load.ts';
import { range } from '../data/dataset.ts';
import type { Engine } from '../engine/engine.ts';
import { describeDivergedLoss } from '../train/divergence.ts';
import { predictSet } from '../train/evaluate.ts';
import type { LoopControl, LoopOutcome } from '../train/loop.ts';
import { trainLoop } from '../train/loop.ts';
import type { Schedule } from '../train/schedule.ts';
import { scheduledHyper } from '../train/schedule.ts';
import type { KeptEvaluation } from './examples.ts';
import type { DoneReason, EvalSet, Evaluation, StartRun, WorkerEvent } from './protocol.ts';
import { evaluationBuffers } from './protocol.ts';
import { summarize } from './summary.ts';

export interface RunContext {
  post(e: WorkerEvent, transfer?: ArrayBufferView[]): void;
  engine: Engine;
  mnist: Mnist;
  split: { train: Int32Array; validation: Int32Array };
  /** The student's base values now; `version` goes up with each change. */
  hyper(): { learningRate: number; momentum: number; version: number };
  stopRequested(): boolean;
  paused(): boolean;
  whilePaused(): Promise<void>;
  /** Keeps an evaluation for the confusion-matrix gallery. */
  keep(set: EvalSet, kept: KeptEvaluation): void;
  flushIntervalMs?: number;
}

/** How the run ended, in words for the page, with the test evaluation unless it diverged. */
export interface RunEnd {
  reason: DoneReason;
  message: string;
  test?: Evaluation;
}

export async function runSingle(cmd: StartRun, ctx: RunContext): Promise<RunEnd> {
  const { runId, settings } = cmd;
  const { post, engine, mnist, split } = ctx;
  const batchesPerEpoch = Math.ceil(split.train.length / settings.batchSize);
  const totalSteps = batchesPerEpoch * settings.epochs;
  const schedule: Schedule = { kind: settings.schedule };
  let markedVersion = 0;
  const control: LoopControl = {
    hyper: (step) => {
      const base = ctx.hyper();
      if (base.version !== markedVersion) {
        markedVersion = base.version;
        post({ type: 'hyper-change', runId, step, epoch: step / batchesPerEpoch, learningRate: base.learningRate, momentum: base.momentum });
      }
      return scheduledHyper(schedule, { step, totalSteps, stepsPerEpoch: batchesPerEpoch, baseLr: base.learningRate, baseMomentum: base.momentum });
    },
    stopRequested: ctx.stopRequested,
    whilePaused: ctx.whilePaused,
  };
  const outcome = await trainLoop(
    engine,
    { train: mnist.train, trainIndices: split.train, validationIndices: split.validation },
    { epochs: settings.epochs, batchSize: settings.batchSize, seed: settings.seed, flushIntervalMs: ctx.flushIntervalMs },
    control,
    {
      onLosses: (points, progress) => post({ type: 'losses', runId, points, progress }),
      onEpoch: (end) => {
        const { evaluation: validation, predicted } = summarize('validation', end.validation);
        ctx.keep('validation', { set: mnist.train, prediction: end.validation, predicted });
        post({ type: 'epoch', runId, epoch: end.epoch, epochs: settings.epochs, trainLoss: end.trainLoss, validation, trainMs: end.trainMs }, evaluationBuffers(validation));
        if (!ctx.stopRequested()) post({ type: 'phase', runId, phase: ctx.paused() ? 'paused' : 'training' });
      },
    },
  );
  // Diverged weights are NaN or wildly off: nothing to test.
  if (outcome.kind === 'diverged') return { reason: 'diverged', message: divergenceMessage(outcome) };

  post({ type: 'phase', runId, phase: 'testing' });
  const testPrediction = await predictSet(engine, mnist.test, range(mnist.test.count));
  const { evaluation: test, predicted } = summarize('test', testPrediction);
  ctx.keep('test', { set: mnist.test, prediction: testPrediction, predicted });
  const message =
    outcome.kind === 'completed'
      ? `Finished ${outcome.epochs} epoch${outcome.epochs === 1 ? '' : 's'}.`
      : `Stopped during epoch ${outcome.epoch}; the trained weights are kept.`;
  return { reason: outcome.kind, message, test };
}

function divergenceMessage(o: Extract<LoopOutcome, { kind: 'diverged' }>): string {
  const what = describeDivergedLoss(o.loss);
  return (
    `The learning rate is too large: the loss diverged (${what}) at batch ${o.step}, epoch ${o.epoch}, ` +
    `with learning rate ${o.hyper.learningRate}. Each step overshot the minimum by more than the last. ` +
    `Try a learning rate 10× smaller.`
  );
}
