/**
 * A learning-rate range test inside the worker, as run.ts runs a run: the
 * sweep on the engine it is given, its points streamed to the page, and the
 * suggestion (or why there is none) at the end. The host owns the engine,
 * a temporary one, so the model the worker holds is not touched.
 */
import type { ImageSet } from '../data/dataset.ts';
import type { Engine } from '../engine/engine.ts';
import { suggestLearningRate } from '../train/rangeTest.ts';
import { rangeTestLoop } from '../train/rangeTestLoop.ts';
import type { RangeTestStart, WorkerEvent } from './protocol.ts';

export interface RangeTestContext {
  post(e: WorkerEvent): void;
  engine: Engine;
  train: ImageSet;
  trainIndices: Int32Array;
  stopRequested(): boolean;
  whilePaused(): Promise<void>;
  flushIntervalMs?: number;
}

export async function runRangeTest(cmd: RangeTestStart, ctx: RangeTestContext): Promise<void> {
  const { runId, settings } = cmd;
  const r = await rangeTestLoop(
    ctx.engine,
    { train: ctx.train, trainIndices: ctx.trainIndices },
    { batchSize: settings.batchSize, momentum: settings.momentum, seed: settings.seed, flushIntervalMs: ctx.flushIntervalMs },
    { stopRequested: ctx.stopRequested, whilePaused: ctx.whilePaused },
    (lrs, losses) => ctx.post({ type: 'range-points', runId, points: lrs.map((lr, i) => ({ lr, loss: losses[i] })) }),
  );
  const s = r.stopped ? null : suggestLearningRate(r.lrs, r.losses);
  const last = r.lrs[r.lrs.length - 1];
  const message = r.stopped
    ? 'Range test stopped.'
    : s
      ? `Swept ${r.losses.length} batches from ${r.lrs[0].toExponential(0)} to ${last.toPrecision(2)}${r.stoppedEarly ? ', stopping once the loss passed 4× its best' : ''}.`
      : 'The loss blew up almost at once: no learning rate to suggest. Check momentum and batch size.';
  ctx.post({ type: 'range-done', runId, suggestion: s ? { valley: s.valley, steepest: s.steepest } : null, message });
}
