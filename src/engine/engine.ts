/**
 * The small interface every training engine implements: tfjs (WebGL, wasm or
 * cpu) today, a hand-written WebAssembly SIMD engine later. The training loop
 * and the worker host speak only this interface.
 *
 * Readbacks are deliberately batched: `trainBatch` returns nothing, its loss
 * stays on the device until `flushLosses` reads every pending loss at once.
 * A readback per batch would stall the GPU pipeline.
 */
import type { Architecture } from '../model/architecture.ts';
import type { OptimizerSpec, StepHyper } from '../shared/optimizer.ts';

/** One step's numbers (learning rate, momentum, and each optimizer's own); see shared/optimizer.ts. */
export type { StepHyper };

export interface Engine {
  /** e.g. 'webgl', 'wasm', 'cpu'. */
  readonly backend: string;
  readonly arch: Architecture;
  /** The update rule, fixed for the engine's life; its numbers come with every step. */
  readonly optimizer: OptimizerSpec;
  getParams(): Promise<Float32Array[]>;
  /** Replaces the weights (paramShapes order); the optimizer's state stays as it was. */
  setParams(params: Float32Array[]): void;
  /**
   * One optimizer step on a batch: x is n × inputs (already scaled to
   * [0,1]), y the n class labels. The batch's mean NLL is queued for flushLosses.
   */
  trainBatch(x: Float32Array, y: Int32Array, n: number, hyper: StepHyper, noise?: readonly Float32Array[]): void;
  /** Reads back every loss queued since the last flush, in batch order. */
  flushLosses(): Promise<Float32Array>;
  /** Log-probabilities, n × classes, row-major. */
  predictLogProbs(x: Float32Array, n: number): Promise<Float32Array>;
  /** Live tensors/buffers the engine holds (for leak tests and the bench). */
  liveTensors(): number;
  dispose(): void;
}
