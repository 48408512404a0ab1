/**
 * The range test's own loop: one batch per learning rate, rising
 * exponentially, losses read back in groups, stopping early once the
 * smoothed loss passes 4× its best. Like trainLoop it knows nothing about
 * workers: the caller passes the engine, the data and hooks.
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE, epochOrder, fillBatch } from '../data/dataset.ts';
import type { Engine } from '../engine/engine.ts';
import { yieldToEventLoop } from '../shared/yield.ts';
import type { LoopControl } from './loop.ts';
import { now } from './loop.ts';
import { RANGE_TEST, rangeTestLr, rangeTestStopIndex } from './rangeTest.ts';
import { smoothEma } from './smoothing.ts';

export interface RangeTestResult {
  /** Learning rate and raw loss of every batch read back, in order. */
  lrs: number[];
  losses: number[];
  /** The loss passed 4× its best before the sweep's end. */
  stoppedEarly: boolean;
  /** The student stopped it. */
  stopped: boolean;
}

export async function rangeTestLoop(
  engine: Engine,
  data: { train: ImageSet; trainIndices: Int32Array },
  settings: { batchSize: number; momentum: number; seed: number; flushIntervalMs?: number },
  control: Pick<LoopControl, 'stopRequested' | 'whilePaused'>,
  onPoints: (lrs: number[], losses: number[]) => void,
): Promise<RangeTestResult> {
  const n = RANGE_TEST.batches;
  const bs = settings.batchSize;
  const x = new Float32Array(bs * IMAGE_SIZE);
  const y = new Int32Array(bs);
  const lrs: number[] = [];
  const losses: number[] = [];
  let order = epochOrder(data.trainIndices, settings.seed, 1);
  let pos = 0;
  let lastFlush = now();

  /** Reads pending losses; true once the smoothed loss has blown up. */
  const flush = async (): Promise<boolean> => {
    const got = await engine.flushLosses();
    const from = losses.length;
    losses.push(...got);
    if (got.length) onPoints(lrs.slice(from, losses.length), Array.from(got));
    return rangeTestStopIndex(smoothEma(losses, RANGE_TEST.smoothing)) !== -1;
  };

  for (let i = 0; i < n; i++) {
    await control.whilePaused();
    if (control.stopRequested()) {
      await flush();
      return { lrs: lrs.slice(0, losses.length), losses, stoppedEarly: false, stopped: true };
    }
    if (pos + bs > order.length) {
      // A small training set runs out before the sweep does: reshuffle and go on.
      order = epochOrder(data.trainIndices, settings.seed, 2 + i);
      pos = 0;
    }
    const m = Math.min(bs, order.length);
    fillBatch(data.train, order, pos, m, x, y);
    pos += m;
    lrs.push(rangeTestLr(i, n));
    engine.trainBatch(x, y, m, { learningRate: lrs[i], momentum: settings.momentum });
    if (now() - lastFlush >= (settings.flushIntervalMs ?? 100) || i + 1 === n) {
      lastFlush = now();
      if (await flush()) return { lrs: lrs.slice(0, losses.length), losses, stoppedEarly: true, stopped: false };
    }
    await yieldToEventLoop();
  }
  await flush();
  return { lrs: lrs.slice(0, losses.length), losses, stoppedEarly: false, stopped: false };
}
