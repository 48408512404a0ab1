/**
 * Leslie Smith's learning-rate range test inside the worker: the training
 * core with one run of the form's network and optimizer, no evaluation, and
 * a learning rate rising exponentially each batch; its raw batch losses
 * streamed to the page, stopped once the smoothed loss passes 4× its best,
 * and the suggestion (or why there is none, as a code) at the end. The engine is a
 * temporary one, so the model the worker holds is not touched.
 */
import type { ImageSet } from '../data/dataset.ts';
import type { RaceEngine } from '../engine/race.ts';
import { stepHyperOf } from '../shared/runSpec.ts';
import { augmentOf } from '../data/augment/index.ts';
import { BatchSource } from '../train/batches.ts';
import { trainRuns } from '../train/core.ts';
import { RANGE_TEST, rangeTestLr, rangeTestStopIndex, suggestLearningRate } from '../train/rangeTest.ts';
import { smoothEma } from '../train/smoothing.ts';
import type { RangeResult, RangeTestStart, WorkerEvent } from './protocol.ts';

export interface RangeTestContext {
  post(e: WorkerEvent): void;
  /** A stacked engine of one run, from the run's initial weights. */
  engine: RaceEngine;
  train: ImageSet;
  trainIndices: Int32Array;
  stopRequested(): boolean;
  whilePaused(): Promise<void>;
  flushIntervalMs?: number;
}

export async function runRangeTest(cmd: RangeTestStart, ctx: RangeTestContext): Promise<void> {
  const { runId, settings } = cmd;
  const n = RANGE_TEST.batches;
  const lrs: number[] = [];
  const losses: number[] = [];
  let blewUp = false;
  // The run's own augmentation: the sweep judges the learning rate on the images training will see.
  const batches = new BatchSource({
    train: ctx.train,
    indices: ctx.trainIndices,
    batchSize: settings.batchSize,
    seed: settings.seed,
    augment: augmentOf(settings),
  });
  const base = stepHyperOf(settings);
  const [outcome] = await trainRuns(
    [{ engine: ctx.engine, runs: [0] }],
    // A small training set runs out before the sweep does: the core reshuffles each epoch.
    { batches, validation: { set: ctx.train, indices: new Int32Array(0) } },
    { epochs: Number.MAX_SAFE_INTEGER, maxSteps: n, evaluate: false, judgeDivergence: false, flushIntervalMs: ctx.flushIntervalMs },
    {
      hypers: (step) => {
        lrs[step] = rangeTestLr(step, n);
        return [{ ...base, learningRate: lrs[step] }];
      },
      stopRequested: ctx.stopRequested,
      whilePaused: ctx.whilePaused,
    },
    {
      onBatchLosses: (_run, first, got) => {
        losses.push(...got);
        ctx.post({ type: 'range-points', runId, points: got.map((loss, i) => ({ lr: lrs[first + i], loss })) });
      },
      finished: () => (blewUp = rangeTestStopIndex(smoothEma(losses, RANGE_TEST.smoothing)) !== -1),
    },
  );
  const stopped = outcome.kind === 'stopped';
  const swept = lrs.slice(0, losses.length);
  const s = stopped ? null : suggestLearningRate(swept, losses);
  const result: RangeResult = stopped
    ? { kind: 'stopped' }
    : s
      ? { kind: 'swept', batches: losses.length, from: swept[0], to: swept[swept.length - 1], blewUp }
      : { kind: 'blew-up' };
  ctx.post({ type: 'range-done', runId, suggestion: s ? { valley: s.valley, steepest: s.steepest } : null, result });
}
