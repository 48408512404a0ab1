/**
 * The learning-rate race on tfjs: R copies of one network trained in the same
 * operations. Every parameter is stacked over the runs (see stackedLayout):
 * the first layer, where all runs see the same batch, is one plain matMul of
 * x [n, in] by W1 viewed as [in, R·out]; every later layer multiplies
 * [R, n, in] by [R, in, out], as one batched matMul or R plain ones, whichever
 * the backend runs faster (products.ts). The batch is uploaded once, never tiled.
 *
 * The runs are independent: run r's loss depends only on run r's slice of the
 * weights, so the gradient of the SUM of the R losses, taken slice by slice,
 * is exactly each run's own gradient. The update is mlpEngine's
 * (optimizerStep.ts), with any hyperparameter per run. Every sum runs
 * in the same order as in mlpEngine, so on the cpu backend a run here gives,
 * bit for bit, the losses and weights it gives alone.
 *
 * A run that is stopped or has diverged is frozen with a select, not by
 * multiplying with a zero learning rate: its gradient may be NaN, and
 * 0 · NaN is NaN.
 */
import * as tf from '@tensorflow/tfjs-core';
import { readLossGroup } from './readback.ts';
// tfjs-core alone registers no gradients; the training step needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Architecture } from '../../model/architecture.ts';
import { paramShapes } from '../../model/architecture.ts';
import type { StepHyper } from '../engine.ts';
import type { FullHyper, OptimizerSpec } from '../../shared/optimizer.ts';
import { SGD, fullHyper, stateSlots } from '../../shared/optimizer.ts';
import { biasCorrections, type HyperKey, type HyperTensors, hyperKeysOf, optimizerStep } from './optimizerStep.ts';
import { ScalarCache } from './scalarCache.ts';
import { LEAKY_RELU_SLOPE, MNIST_PIXEL_MEAN, MNIST_PIXEL_STD } from '../../shared/network.ts';
import type { RaceEngine } from '../race.ts';
import type { Products } from './products.ts';
import { productsFor } from './products.ts';

/**
 * The per-step hyperparameters, rebuilt only when a control moves. A value
 * every run shares is one scalar. A value that differs between runs (the
 * learning rate, in a learning-rate race) is expanded to the full shape of
 * each parameter rather than left as [R, 1, 1]: the cpu backend's elementwise
 * ops are fast only when the smaller operand repeats along leading axes, and
 * broadcasting [R, 1, 1] over [R, in, out] costs it an index computation with
 * two array allocations per element (with it, a race of 4 ran 1.3-1.7× slower
 * than its 4 runs in turn). The price is a copy of the parameters' size per
 * differing value, 1.75 MB for 4 runs of ANN_MNIST.
 */
interface StepTensors {
  /** The numbers these tensors were made from, per run, and the active set. */
  values: FullHyper[];
  active: boolean[];
  /** Per parameter: expanded tensors of the values that differ between runs, by key. */
  perRun: Map<HyperKey, tf.Tensor[]>;
  /** Per parameter: true for an active run; null while every run is active, which skips the select. */
  mask: tf.Tensor[] | null;
}

export class TfjsRaceEngine implements RaceEngine {
  readonly arch: Architecture;
  readonly runs: number;
  /** W1 [in, R, out], then b1, W2, b2, ... with a leading run axis (see stackedLayout). */
  private readonly params: tf.Variable[];
  private readonly layout: StackedLayout[];
  readonly optimizer: OptimizerSpec;
  /** Per parameter, the optimizer's stateSlots buffers, stacked like the parameter. */
  private readonly state: tf.Variable[][];
  /** Steps taken: Adam's t, shared by every run (a frozen run is never resumed mid-race). */
  private steps = 0;
  private readonly scalars = new ScalarCache();
  private readonly active: boolean[];
  private readonly products: Products = productsFor(tf.getBackend());
  private step: StepTensors | null = null;
  /** Loss R-vectors still on the device, one per trained batch since the last flush. */
  private pending: tf.Tensor1D[] = [];
  private disposed = false;

  /** `initial` is ONE run's parameters (paramShapes order); every run starts from them. */
  constructor(arch: Architecture, initial: Float32Array[], runs: number, optimizer: OptimizerSpec = SGD) {
    if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`a race needs a whole number of runs ≥ 1, got ${runs}`);
    const shapes = paramShapes(arch);
    if (initial.length !== shapes.length) throw new Error(`expected ${shapes.length} parameter arrays, got ${initial.length}`);
    this.arch = arch;
    this.runs = runs;
    this.optimizer = optimizer;
    this.active = new Array<boolean>(runs).fill(true);
    this.layout = shapes.map((s, i) => stackedLayout(s, i, runs));
    // Variables survive tidy; the temporaries they were made from do not.
    this.params = tf.tidy(() =>
      this.layout.map(({ shape, runAxis }, i) => {
        const one = shape.map((d, a) => (a === runAxis ? 1 : d));
        const reps = shape.map((d, a) => (a === runAxis ? d : 1));
        return tf.variable(tf.tile(tf.tensor(initial[i], one), reps), true);
      }),
    );
    this.state = tf.tidy(() => this.layout.map(({ shape }) => Array.from({ length: stateSlots(optimizer) }, () => tf.variable(tf.zeros(shape), false))));
  }

  get backend(): string {
    return tf.getBackend();
  }

  /**
   * Log-probabilities of every run, [R, n, classes]; call inside a tidy.
   * `dropout` (training only): the batch's uniform draws per hidden layer,
   * [n, width], and each run's rate.
   */
  private forward(params: readonly tf.Tensor[], x: tf.Tensor2D, dropout?: { noise: tf.Tensor2D[]; rates: number[] }): tf.Tensor3D {
    const [inputs, width] = this.arch.sizes;
    const n = x.shape[0];
    // Layer 1, where every run sees the same x, is ONE plain matMul [n, in] × [in, R·out]
    // (see stackedLayout). Its bias is added as [R·out], a row repeated down the batch:
    // the cpu backend's fast broadcast. Then [n, R, out] → [R, n, out] for the per-run layers.
    const z1 = this.products.input(x, tf.reshape(params[0], [inputs, this.runs * width]));
    const h1 = tf.add(z1, tf.reshape(params[1], [this.runs * width]));
    // A single run (R = 1) reshapes where a comparison transposes: a reshape is free, a transpose a copy.
    let z = (this.runs === 1 ? tf.reshape(h1, [1, n, width]) : tf.transpose(tf.reshape(h1, [n, this.runs, width]), [1, 0, 2])) as tf.Tensor3D;
    const layers = params.length / 2;
    for (let l = 1; l < layers; l++) {
      let a = this.activate(z);
      if (dropout) a = this.drop(a, dropout.noise[l - 1], dropout.rates);
      z = tf.add(this.perRunProduct(a, params[2 * l] as tf.Tensor3D), params[2 * l + 1]) as tf.Tensor3D;
    }
    return tf.logSoftmax(z);
  }

  private activate(z: tf.Tensor3D): tf.Tensor3D {
    switch (this.arch.activation ?? 'relu') {
      case 'relu':
        return tf.relu(z);
      case 'leaky-relu':
        return tf.leakyRelu(z, LEAKY_RELU_SLOPE);
      case 'tanh':
        return tf.tanh(z);
      case 'sigmoid':
        return tf.sigmoid(z);
    }
  }

  /**
   * Inverted dropout of hidden activations a [R, n, w]: run r keeps a unit
   * where the batch's draw u [n, w] is ≥ its rate p, and scales it by
   * 1/(1 − p), so evaluation (no dropout) sees the same expected activation.
   * Every run reads the same draws: runs that differ only in p drop nested sets.
   */
  private drop(a: tf.Tensor3D, u: tf.Tensor2D, rates: number[]): tf.Tensor3D {
    const p = tf.tensor(rates, [this.runs, 1, 1]);
    const keep = tf.cast(tf.greaterEqual(tf.expandDims(u, 0), p), 'float32');
    return tf.mul(
      a,
      tf.mul(
        keep,
        tf.tensor(
          rates.map((r) => 1 / (1 - r)),
          [this.runs, 1, 1],
        ),
      ),
    );
  }

  /** [R, n, in] × [R, in, out]: one product per run (products.ts); one plain 2-D product for a single run. */
  private perRunProduct(a: tf.Tensor3D, w: tf.Tensor3D): tf.Tensor3D {
    if (this.runs > 1) return this.products.perRun(a, w);
    const [, n, inputs] = a.shape;
    const out = w.shape[2];
    return tf.reshape(this.products.plain(tf.reshape(a, [n, inputs]), tf.reshape(w, [inputs, out])), [1, n, out]);
  }

  /** The batch's [0, 1] pixels as the network's inputs (architecture.inputScaling); call inside a tidy. */
  private input(x: Float32Array, n: number): tf.Tensor2D {
    const inputs = this.arch.sizes[0];
    const xs = tf.tensor2d(x.subarray(0, n * inputs), [n, inputs]);
    if (this.arch.inputScaling !== 'standardised') return xs;
    return tf.div(tf.sub(xs, this.scalars.get('pixelMean', MNIST_PIXEL_MEAN)), this.scalars.get('pixelStd', MNIST_PIXEL_STD));
  }

  /** The expanded per-run values and the mask for these hypers, rebuilt only when a value or the active set changed. */
  private stepTensors(hypers: readonly StepHyper[]): StepTensors {
    const values = hypers.map((h) => fullHyper(this.optimizer.kind, h));
    const keys = hyperKeysOf(this.optimizer);
    const cur = this.step;
    if (cur && values.every((v, r) => keys.every((k) => v[k] === cur.values[r][k]) && this.active[r] === cur.active[r])) return cur;
    this.disposeStep();
    const active = this.active.slice();
    const expand = (column: number[] | boolean[], dtype: 'float32' | 'bool') =>
      tf.tidy(() =>
        this.layout.map(({ shape, runAxis }) =>
          tf.broadcastTo(
            tf.tensor(
              column,
              shape.map((d, a) => (a === runAxis ? d : 1)),
              dtype,
            ),
            shape,
          ),
        ),
      );
    const perRun = new Map<HyperKey, tf.Tensor[]>();
    for (const k of keys) {
      if (values.some((v) => v[k] !== values[0][k]))
        perRun.set(
          k,
          expand(
            values.map((v) => v[k]),
            'float32',
          ),
        );
    }
    const next: StepTensors = { values, active, perRun, mask: active.every(Boolean) ? null : expand(active, 'bool') };
    this.step = next;
    return next;
  }

  /** Parameter i's hyperparameters for this step; call inside the step's tidy (the bias corrections are its own). */
  private hyperTensors(step: StepTensors, i: number): HyperTensors {
    const first = step.values[0];
    const used = hyperKeysOf(this.optimizer);
    const get = (k: HyperKey): tf.Tensor => step.perRun.get(k)?.[i] ?? this.scalars.get(k, used.includes(k) ? first[k] : 0);
    const zero = (k: HyperKey) => !used.includes(k) || (!step.perRun.has(k) && first[k] === 0);
    const adam = this.optimizer.kind === 'adam' || this.optimizer.kind === 'adamw';
    const bias = (which: 'bc1' | 'bc2'): tf.Tensor => {
      if (!adam) return this.scalars.get(which, 1);
      const perRun = step.values.map((v) => biasCorrections(v.beta1, v.beta2, this.steps)[which]);
      if (perRun.every((b) => b === perRun[0])) return tf.scalar(perRun[0]);
      const { shape, runAxis } = this.layout[i];
      return tf.broadcastTo(
        tf.tensor(
          perRun,
          shape.map((d, a) => (a === runAxis ? d : 1)),
        ),
        shape,
      );
    };
    return {
      lr: get('learningRate'),
      mu: zero('momentum') ? null : get('momentum'),
      wd: zero('weightDecay') ? null : get('weightDecay'),
      beta1: get('beta1'),
      beta2: get('beta2'),
      eps: get('epsilon'),
      alpha: get('alpha'),
      bc1: bias('bc1'),
      bc2: bias('bc2'),
    };
  }

  trainBatch(x: Float32Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void {
    if (hypers.length !== this.runs) throw new Error(`expected ${this.runs} hyperparameter sets, got ${hypers.length}`);
    const rates = hypers.map((h) => h.dropout ?? 0);
    const dropping = rates.some((r) => r > 0);
    if (dropping && noise?.length !== this.arch.sizes.length - 2) throw new Error('dropout needs one array of uniform draws per hidden layer');
    const classes = this.arch.sizes[this.arch.sizes.length - 1];
    const step = this.stepTensors(hypers);
    const { mask } = step;
    this.steps++;
    const losses = tf.tidy(() => {
      const xs = this.input(x, n);
      // [n, classes], broadcast over the runs.
      const oneHot = tf.oneHot(tf.tensor1d(y.subarray(0, n), 'int32'), classes);
      const dropout =
        dropping && noise
          ? { rates, noise: noise.map((u, k) => tf.tensor2d(u.subarray(0, n * this.arch.sizes[k + 1]), [n, this.arch.sizes[k + 1]])) }
          : undefined;
      // Per-run mean NLL, [R]. Its gradient with dy = ones is the gradient of the sum.
      const f = (...ps: tf.Tensor[]) => tf.neg(tf.mean(tf.sum(tf.mul(oneHot, this.forward(ps, xs, dropout)), 2), 1)) as tf.Tensor1D;
      const { value, grads } = tf.valueAndGrads(f)(this.params);
      this.params.forEach((p, i) => {
        const next = optimizerStep(this.optimizer, p, grads[i], this.state[i], this.hyperTensors(step, i));
        this.state[i].forEach((v, k) => v.assign(mask ? tf.where(mask[i], next.state[k], v) : next.state[k]));
        p.assign(mask ? tf.where(mask[i], next.p, p) : next.p);
      });
      return value as tf.Tensor1D;
    });
    this.pending.push(losses);
  }

  async flushLosses(): Promise<Float32Array> {
    const pending = this.pending;
    this.pending = [];
    return readLossGroup(pending);
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
    const slices = tf.tidy(() =>
      this.params.map((p, i) => {
        const { shape, runAxis } = this.layout[i];
        return tf.slice(
          p,
          shape.map((_, a) => (a === runAxis ? run : 0)),
          shape.map((d, a) => (a === runAxis ? 1 : d)),
        );
      }),
    );
    try {
      // Copies: the cpu backend's data() is its own storage, which a transfer would detach.
      return await Promise.all(slices.map(async (s) => ((await s.data()) as Float32Array).slice()));
    } finally {
      slices.forEach((s) => s.dispose());
    }
  }

  setParams(run: number, params: Float32Array[]): void {
    this.checkRun(run);
    tf.tidy(() =>
      this.params.forEach((p, i) => {
        const { shape, runAxis } = this.layout[i];
        const one = tf.tensor(
          params[i],
          shape.map((d, a) => (a === runAxis ? 1 : d)),
        );
        const parts: tf.Tensor[] = [];
        if (run > 0)
          parts.push(
            tf.slice(
              p,
              shape.map(() => 0),
              shape.map((d, a) => (a === runAxis ? run : d)),
            ),
          );
        parts.push(one);
        if (run + 1 < this.runs)
          parts.push(
            tf.slice(
              p,
              shape.map((_, a) => (a === runAxis ? run + 1 : 0)),
              shape.map((d, a) => (a === runAxis ? this.runs - run - 1 : d)),
            ),
          );
        p.assign(parts.length === 1 ? one : tf.concat(parts, runAxis));
      }),
    );
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
    this.state.forEach((slots) => slots.forEach((v) => v.dispose()));
    this.disposeStep();
    this.scalars.dispose();
  }

  private disposeStep(): void {
    if (!this.step) return;
    this.step.perRun.forEach((ts) => ts.forEach((t) => t.dispose()));
    this.step.mask?.forEach((t) => t.dispose());
    this.step = null;
  }

  private checkRun(run: number): void {
    if (!Number.isInteger(run) || run < 0 || run >= this.runs) throw new RangeError(`run ${run} is not in 0..${this.runs - 1}`);
  }
}

/** How a parameter is stacked over the runs: its shape and which axis is the run axis. */
interface StackedLayout {
  shape: [number, number, number];
  runAxis: 0 | 1;
}

/**
 * W1 is [in, R, out], so that viewed as [in, R·out] it multiplies the shared
 * batch in one plain 2-D matMul: wasm sends batched matMuls to a naive loop and
 * only 2-D ones to XNNPACK, about 4× faster on this layer, which holds 90 % of
 * ANN_MNIST's multiply-adds. (With W1 as [R, in, out] and x broadcast as
 * [1, n, in], a wasm race of 4 ran 1.7× slower than its 4 runs in turn.)
 * Every other parameter is per run: W as [R, in, out] for the per-run products,
 * b as [R, 1, out] to add to [R, n, out]. Each run's slice, read in order, is
 * its paramShapes array.
 */
function stackedLayout(shape: number[], index: number, runs: number): StackedLayout {
  if (index === 0) return { shape: [shape[0], runs, shape[1]], runAxis: 1 };
  return { shape: shape.length === 2 ? [runs, shape[0], shape[1]] : [runs, 1, shape[0]], runAxis: 0 };
}
