/**
 * What a training job reports, whoever runs it: the live loss points, the
 * job's progress and how a run ended. Plain data: the worker posts it and the
 * page stores it.
 */
import type { StepHyper } from '../engine/engine.ts';

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
  /** Training throughput over the job so far, pauses excluded (each image counts once, however many runs train on it). */
  samplesPerSec: number;
  /** Estimated time to finish all epochs, evaluations excluded, seconds. */
  etaSec: number;
}

/** How a run ended. A diverged run's step is the (1-based) batch whose loss diverged. */
export type LoopOutcome =
  | { kind: 'completed'; epochs: number }
  | { kind: 'stopped'; epoch: number; step: number }
  | { kind: 'diverged'; epoch: number; step: number; loss: number; hyper: StepHyper };

export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
