/**
 * The training loop: epochs of shuffled mini-batches through an Engine, with
 * losses read back in groups, an evaluation after every epoch, and pause,
 * stop and hyperparameter changes honoured between batches. It knows nothing
 * about workers or pages: whoever runs it passes hooks and a control.
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE, epochOrder, fillBatch } from '../data/dataset.ts';
import type { Engine, StepHyper } from '../engine/engine.ts';
import { yieldToEventLoop } from '../shared/yield.ts';
import { isDivergedLoss } from './divergence.ts';
import type { SetPrediction } from './evaluate.ts';
import { predictSet } from './evaluate.ts';

export interface LoopData {
  train: ImageSet;
  /** Indices into `train` that are trained on. */
  trainIndices: Int32Array;
  /** Indices into `train` held out for validation. */
  validationIndices: Int32Array;
}

export interface LoopSettings {
  epochs: number;
  batchSize: number;
  seed: number;
  /** Minimum wall time between two loss readbacks, ms. Bounds both GPU stalls and message rate. */
  flushIntervalMs?: number;
}

/** One point of the live loss curve: the mean of the batches read back together. */
export interface LossPoint {
  /** Global batch count at the last batch of the group (1-based). */
  step: number;
  /** Fractional epoch at that batch, e.g. 2.5 = half way through epoch 3. */
  epoch: number;
  /** Mean training NLL of the group's batches, nats. */
  loss: number;
  /** How many batches the point averages. */
  batches: number;
}

export interface Progress {
  epoch: number;
  epochs: number;
  /** Batches done in the current epoch. */
  batch: number;
  batchesPerEpoch: number;
  step: number;
  /** Training throughput over the run so far, pauses excluded. */
  samplesPerSec: number;
  /** Estimated time to finish all epochs, evaluations excluded, seconds. */
  etaSec: number;
}

export interface EpochEnd {
  epoch: number;
  /** Mean training NLL over the epoch's samples, nats. */
  trainLoss: number;
  validation: SetPrediction;
  /** Training wall time of this epoch, ms (evaluation excluded). */
  trainMs: number;
}

export interface LoopHooks {
  onLosses?(points: LossPoint[], progress: Progress): void;
  /** Awaited: the loop does not start the next epoch before it returns. */
  onEpoch?(e: EpochEnd): void | Promise<void>;
}

export interface LoopControl {
  /**
   * Hyperparameters for batch `step` (0-based over the run); read before every
   * batch, so a change (or a schedule) applies from the next one.
   */
  hyper(step: number): StepHyper;
  stopRequested(): boolean;
  /** Resolves when not paused (immediately if running). */
  whilePaused(): Promise<void>;
}

export type LoopOutcome =
  | { kind: 'completed'; epochs: number }
  | { kind: 'stopped'; epoch: number; step: number }
  | { kind: 'diverged'; epoch: number; step: number; loss: number; hyper: StepHyper };

export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export async function trainLoop(engine: Engine, data: LoopData, settings: LoopSettings, control: LoopControl, hooks: LoopHooks = {}): Promise<LoopOutcome> {
  const { epochs, batchSize, seed } = settings;
  const flushEvery = settings.flushIntervalMs ?? 100;
  const n = data.trainIndices.length;
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const x = new Float32Array(batchSize * IMAGE_SIZE);
  const y = new Int32Array(batchSize);

  let step = 0;
  let samples = 0;
  let activeMs = 0;
  // Sizes of the batches whose losses are still on the device, to weight the epoch mean.
  let pendingSizes: number[] = [];
  let epochLossSum = 0;
  let epochSamples = 0;
  let lastHyper: StepHyper = control.hyper(0);

  const progress = (epoch: number, batch: number): Progress => {
    const samplesPerSec = activeMs > 0 ? (samples * 1000) / activeMs : 0;
    const remaining = (epochs - epoch) * n + (n - Math.min(n, batch * batchSize));
    return { epoch, epochs, batch, batchesPerEpoch, step, samplesPerSec, etaSec: samplesPerSec > 0 ? remaining / samplesPerSec : NaN };
  };

  /**
   * Lowest batch loss so far: the reference of the divergence rule. Per
   * batch, in order, never per readback group: on WebGL a group can hold a
   * dozen batches, and a blow-up inside the very first group (2.3 → 10¹⁰)
   * would make its mean the "best" and hide the divergence for good.
   */
  let best = Infinity;

  /** Reads pending losses; returns the first diverged loss, if any. */
  const flush = async (epoch: number, batch: number): Promise<number | null> => {
    const t0 = now();
    const losses = await engine.flushLosses();
    activeMs += now() - t0;
    const sizes = pendingSizes;
    pendingSizes = [];
    if (losses.length === 0) return null;
    let sum = 0;
    let weight = 0;
    for (let i = 0; i < losses.length; i++) {
      if (isDivergedLoss(losses[i], best)) return losses[i];
      best = Math.min(best, losses[i]);
      sum += losses[i];
      epochLossSum += losses[i] * sizes[i];
      weight += sizes[i];
    }
    epochSamples += weight;
    const point: LossPoint = { step, epoch: epoch - 1 + batch / batchesPerEpoch, loss: sum / losses.length, batches: losses.length };
    hooks.onLosses?.([point], progress(epoch, batch));
    return null;
  };

  for (let epoch = 1; epoch <= epochs; epoch++) {
    const order = epochOrder(data.trainIndices, seed, epoch);
    epochLossSum = 0;
    epochSamples = 0;
    const epochStart = activeMs;
    let lastFlush = now();
    for (let b = 0; b < batchesPerEpoch; b++) {
      if (control.stopRequested()) {
        await flush(epoch, b);
        return { kind: 'stopped', epoch, step };
      }
      await control.whilePaused();
      if (control.stopRequested()) {
        await flush(epoch, b);
        return { kind: 'stopped', epoch, step };
      }
      const t0 = now();
      const start = b * batchSize;
      const m = Math.min(batchSize, n - start);
      fillBatch(data.train, order, start, m, x, y);
      lastHyper = control.hyper(step);
      engine.trainBatch(x, y, m, lastHyper);
      pendingSizes.push(m);
      step++;
      samples += m;
      activeMs += now() - t0;
      if (now() - lastFlush >= flushEvery || b + 1 === batchesPerEpoch) {
        const bad = await flush(epoch, b + 1);
        lastFlush = now();
        if (bad !== null) return { kind: 'diverged', epoch, step, loss: bad, hyper: lastHyper };
      }
      // A readback may resolve as a microtask (cpu backend): always give queued messages their turn.
      await yieldToEventLoop();
    }
    const trainMs = activeMs - epochStart;
    const validation = await predictSet(engine, data.train, data.validationIndices);
    await hooks.onEpoch?.({ epoch, trainLoss: epochLossSum / Math.max(1, epochSamples), validation, trainMs });
  }
  return { kind: 'completed', epochs };
}
