/**
 * The learning-rate race on tfjs: R copies of one network trained in the same
 * batched operations. Every parameter carries a leading run axis (W_l is
 * [R, in, out], b_l is [R, 1, out]); the shared batch enters as [1, n, in] and
 * batched matMul broadcasts it over the runs, so it is uploaded once and never
 * tiled.
 *
 * The runs are independent: run r's loss depends only on run r's slice of the
 * weights, so the gradient of the SUM of the R losses, taken slice by slice,
 * is exactly each run's own gradient. The update is mlpEngine's
 * (v = μv + g, w -= lr·v) with a learning rate and μ per run, and the same
 * ops in the same order, so a run here gives the numbers it would give alone.
 *
 * A run that is stopped or has diverged is frozen with a select, not by
 * multiplying with a zero learning rate: its gradient may be NaN, and
 * 0 · NaN is NaN.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients; the training step needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Architecture } from '../../model/architecture.ts';
import { paramShapes } from '../../model/architecture.ts';
import type { StepHyper } from '../engine.ts';
import type { RaceEngine } from '../race.ts';

/**
 * The per-step inputs that change only when a control moves. Each is expanded
 * to the full shape of its parameter, [R, in, out] or [R, 1, out], rather than
 * left as [R, 1, 1]: the cpu backend's elementwise ops are fast only when the
 * smaller operand repeats along leading axes, and broadcasting [R, 1, 1] over
 * [R, in, out] costs it an index computation with two array allocations per
 * element (the race ran slower than its runs in turn).
 */
interface StepTensors {
  lrs: number[];
  mus: number[];
  active: boolean[];
  /** Per parameter: learning rates, 0 for an inactive run. */
  lr: tf.Tensor[];
  /** Per parameter: momenta, 0 for an inactive run. */
  mu: tf.Tensor[];
  /** Per parameter: true for an active run; null while every run is active, which skips the select. */
  mask: tf.Tensor[] | null;
}

export class TfjsRaceEngine implements RaceEngine {
  readonly arch: Architecture;
  readonly runs: number;
  /** W1, b1, W2, b2, ... each with a leading run axis. */
  private readonly params: tf.Variable[];
  private readonly velocity: tf.Variable[];
  private readonly active: boolean[];
  private step: StepTensors | null = null;
  /** Loss R-vectors still on the device, one per trained batch since the last flush. */
  private pending: tf.Tensor1D[] = [];
  private disposed = false;

  /** `initial` is ONE run's parameters (paramShapes order); every run starts from them. */
  constructor(arch: Architecture, initial: Float32Array[], runs: number) {
    if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`a race needs a whole number of runs ≥ 1, got ${runs}`);
    const shapes = paramShapes(arch);
    if (initial.length !== shapes.length) throw new Error(`expected ${shapes.length} parameter arrays, got ${initial.length}`);
    this.arch = arch;
    this.runs = runs;
    this.active = new Array<boolean>(runs).fill(true);
    const perRun = shapes.map(runShape);
    // Variables survive tidy; the temporaries they were made from do not.
    this.params = tf.tidy(() => perRun.map((s, i) => tf.variable(tf.tile(tf.tensor(initial[i], [1, ...s]), [runs, 1, 1]), true)));
    this.velocity = tf.tidy(() => perRun.map((s) => tf.variable(tf.zeros([runs, ...s]), false)));
  }

  get backend(): string {
    return tf.getBackend();
  }

  /** Log-probabilities of every run, [R, n, classes]; call inside a tidy. */
  private forward(params: readonly tf.Tensor[], x: tf.Tensor3D): tf.Tensor3D {
    let h: tf.Tensor3D = x;
    const layers = params.length / 2;
    for (let l = 0; l < layers; l++) {
      // [1 or R, n, in] × [R, in, out]: the batch of one broadcasts over the runs.
      const z = tf.add(tf.matMul(h, params[2 * l] as tf.Tensor3D), params[2 * l + 1]) as tf.Tensor3D;
      h = l + 1 < layers ? tf.relu(z) : z;
    }
    return tf.logSoftmax(h);
  }

  private input(x: Float32Array, n: number): tf.Tensor3D {
    const inputs = this.arch.sizes[0];
    return tf.tensor3d(x.subarray(0, n * inputs), [1, n, inputs]);
  }

  /** lr, μ and the mask for these hypers, rebuilt only when a value or the active set changed. */
  private stepTensors(hypers: readonly StepHyper[]): StepTensors {
    const cur = this.step;
    if (
      cur &&
      hypers.every((h, r) => h.learningRate === cur.lrs[r] && h.momentum === cur.mus[r] && this.active[r] === cur.active[r])
    ) {
      return cur;
    }
    this.disposeStep();
    const lrs = hypers.map((h) => h.learningRate);
    const mus = hypers.map((h) => h.momentum);
    const active = this.active.slice();
    const perRun = (values: number[] | boolean[], dtype: 'float32' | 'bool') =>
      tf.tidy(() => {
        const column = tf.tensor3d(values, [this.runs, 1, 1], dtype);
        return this.params.map((p) => tf.broadcastTo(column, p.shape));
      });
    const next: StepTensors = {
      lrs,
      mus,
      active,
      lr: perRun(lrs.map((v, r) => (active[r] ? v : 0)), 'float32'),
      mu: perRun(mus.map((v, r) => (active[r] ? v : 0)), 'float32'),
      mask: active.every(Boolean) ? null : perRun(active, 'bool'),
    };
    this.step = next;
    return next;
  }

  trainBatch(x: Float32Array, y: Int32Array, n: number, hypers: readonly StepHyper[]): void {
    if (hypers.length !== this.runs) throw new Error(`expected ${this.runs} hyperparameter sets, got ${hypers.length}`);
    const classes = this.arch.sizes[this.arch.sizes.length - 1];
    const { lr, mu, mask } = this.stepTensors(hypers);
    const losses = tf.tidy(() => {
      const xs = this.input(x, n);
      // [n, classes], broadcast over the runs.
      const oneHot = tf.oneHot(tf.tensor1d(y.subarray(0, n), 'int32'), classes);
      // Per-run mean NLL, [R]. Its gradient with dy = ones is the gradient of the sum.
      const f = (...ps: tf.Tensor[]) => tf.neg(tf.mean(tf.sum(tf.mul(oneHot, this.forward(ps, xs)), 2), 1)) as tf.Tensor1D;
      const { value, grads } = tf.valueAndGrads(f)(this.params);
      this.params.forEach((p, i) => {
        const v = this.velocity[i];
        const vNext = tf.add(tf.mul(mu[i], v), grads[i]);
        const pNext = tf.sub(p, tf.mul(lr[i], vNext));
        v.assign(mask ? tf.where(mask[i], vNext, v) : vNext);
        p.assign(mask ? tf.where(mask[i], pNext, p) : pNext);
      });
      return value as tf.Tensor1D;
    });
    this.pending.push(losses);
  }

  async flushLosses(): Promise<Float32Array> {
    const pending = this.pending;
    this.pending = [];
    if (pending.length === 0) return new Float32Array(0);
    // One readback for the whole group: [batches, R] on the device, downloaded once.
    const stacked = tf.stack(pending);
    try {
      const losses = (await stacked.data()) as Float32Array;
      if (contextLost()) throw new Error('the WebGL context was lost');
      return losses;
    } finally {
      stacked.dispose();
      pending.forEach((t) => t.dispose());
    }
  }

  async predictLogProbs(x: Float32Array, n: number): Promise<Float32Array> {
    const out = tf.tidy(() => this.forward(this.params, this.input(x, n)));
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
  }

  async getParams(run: number): Promise<Float32Array[]> {
    this.checkRun(run);
    const slices = tf.tidy(() => this.params.map((p) => tf.slice(p, run, 1)));
    try {
      // Copies: the cpu backend's data() is its own storage, which a transfer would detach.
      return await Promise.all(slices.map(async (s) => ((await s.data()) as Float32Array).slice()));
    } finally {
      slices.forEach((s) => s.dispose());
    }
  }

  setActive(run: number, active: boolean): void {
    this.checkRun(run);
    this.active[run] = active;
  }

  isActive(run: number): boolean {
    this.checkRun(run);
    return this.active[run];
  }

  liveTensors(): number {
    return tf.memory().numTensors;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.pending.forEach((t) => t.dispose());
    this.pending = [];
    this.params.forEach((p) => p.dispose());
    this.velocity.forEach((v) => v.dispose());
    this.disposeStep();
  }

  private disposeStep(): void {
    if (!this.step) return;
    this.step.lr.forEach((t) => t.dispose());
    this.step.mu.forEach((t) => t.dispose());
    this.step.mask?.forEach((t) => t.dispose());
    this.step = null;
  }

  private checkRun(run: number): void {
    if (!Number.isInteger(run) || run < 0 || run >= this.runs) throw new RangeError(`run ${run} is not in 0..${this.runs - 1}`);
  }
}

/** One run's slice of a parameter: W [in, out] as is, b [out] as [1, out] so that it adds to [R, n, out]. */
function runShape(shape: number[]): [number, number] {
  return shape.length === 2 ? [shape[0], shape[1]] : [1, shape[0]];
}

function contextLost(): boolean {
  const b = tf.backend() as unknown as { gpgpu?: { gl?: { isContextLost?(): boolean } } };
  return b.gpgpu?.gl?.isContextLost?.() ?? false;
}
