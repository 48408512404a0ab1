/**
 * The interface of a learning-rate race: R runs of one architecture trained
 * side by side on the very same batches, differing only in their
 * hyperparameters. The race loop speaks only this interface.
 *
 * Readbacks are batched as in Engine: `trainBatch` queues an R-vector of
 * losses on the device, `flushLosses` downloads every queued vector at once.
 */
import type { Architecture } from '../model/architecture.ts';
import type { StepHyper } from './engine.ts';
import type { OptimizerSpec } from '../shared/optimizer.ts';

export interface RaceEngine {
  readonly backend: string;
  readonly arch: Architecture;
  /** The update rule every run shares (runs differ in its numbers only). */
  readonly optimizer: OptimizerSpec;
  /** Number of runs R, fixed for the engine's life. */
  readonly runs: number;
  /**
   * One optimizer step of every active run on the same batch (x: n × inputs,
   * y: n labels); `hypers[r]` is run r's. Inactive runs keep their weights and
   * optimizer state exactly, whatever the batch does to their (ignored) loss.
   * `noise`: uniform draws in [0, 1), n × width per hidden layer, from the
   * run's seeded stream; required when a run's dropout is above 0 (every run
   * drops where its draw is below its rate, so a replay drops the same units).
   */
  trainBatch(x: Float32Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void;
  /**
   * Where the engine has it: trainBatch from the images' uint8 pixels
   * (n × inputs), which it scales to [0, 1] itself exactly as fillBatch does
   * (pixel / 255, data/dataset.ts), so that the step is the same to the bit.
   * The training core calls it for batches that are not augmented: the
   * pixels are a quarter of the floats' bytes and need no conversion here.
   */
  trainPixels?(pixels: Uint8Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void;
  /**
   * Every loss queued since the last flush: batches × R, row-major (row =
   * batch, column = run). An inactive run's column is not a loss to read:
   * the tfjs engine, which freezes a run with a select, puts its frozen
   * weights' loss there, the SIMD engine, which skips the run, NaN.
   */
  flushLosses(): Promise<Float32Array>;
  /** Log-probabilities of every run: R × n × classes, row-major. */
  predictLogProbs(x: Float32Array, n: number): Promise<Float32Array>;
  /** Run r's weights in paramShapes order. */
  getParams(run: number): Promise<Float32Array[]>;
  /**
   * Replaces run r's weights (paramShapes order), the other runs untouched.
   * Its optimizer state stays as it was: this restores a run that early
   * stopping has ended, which never trains again.
   */
  setParams(run: number, params: Float32Array[]): void;
  /** Freezes (false) or resumes (true) a run; takes effect from the next trainBatch. */
  setActive(run: number, active: boolean): void;
  isActive(run: number): boolean;
  liveTensors(): number;
  dispose(): void;
}
