/**
 * The tfjs engine: the dense network as plain tf.Variables and a hand-written
 * optimizer update (optimizerStep.ts), on whatever tfjs backend is active.
 *
 * Why not tf.train.*: tf.train.momentum bakes μ into a tensor when the
 * optimizer is created and silently ignores setMomentum() afterwards, so a
 * student moving the momentum control mid-run would see no effect. Here every
 * hyperparameter is an input of every step, and the optimizer's state buffers
 * carry over unchanged when one moves.
 *
 * Why not tf.layers / model.fit: a custom loop measured 15-40 % faster, and
 * the loop needs per-batch control (pause, stop, hyperparameter changes).
 */
import * as tf from '@tensorflow/tfjs-core';
import { readLossGroup } from './readback.ts';
// tfjs-core alone registers no gradients; the training step needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Architecture } from '../../model/architecture.ts';
import { paramShapes } from '../../model/architecture.ts';
import type { Engine, StepHyper } from '../engine.ts';
import type { OptimizerSpec } from '../../shared/optimizer.ts';
import { SGD, fullHyper, stateSlots } from '../../shared/optimizer.ts';
import { biasCorrections, type HyperTensors, hyperKeysOf, optimizerStep } from './optimizerStep.ts';
import { ScalarCache } from './scalarCache.ts';
import type { Products } from './products.ts';
import { productsFor } from './products.ts';

export class TfjsMlpEngine implements Engine {
  readonly arch: Architecture;
  private readonly params: tf.Variable[];
  readonly optimizer: OptimizerSpec;
  /** Per parameter, the optimizer's stateSlots buffers (velocity, moments, ...). */
  private readonly state: tf.Variable[][];
  /** Steps taken since the weights were set: Adam's t. */
  private steps = 0;
  private readonly products: Products = productsFor(tf.getBackend());
  /** Hyperparameter scalars, rebuilt only when their value changes. */
  private readonly scalars = new ScalarCache();
  /** Loss scalars still on the device, one per trained batch since the last flush. */
  private pending: tf.Scalar[] = [];
  private disposed = false;

  constructor(arch: Architecture, initial: Float32Array[], optimizer: OptimizerSpec = SGD) {
    this.arch = arch;
    this.optimizer = optimizer;
    const shapes = paramShapes(arch);
    if (initial.length !== shapes.length) throw new Error(`expected ${shapes.length} parameter arrays, got ${initial.length}`);
    // Variables survive tidy; the temporaries they were made from do not.
    this.params = tf.tidy(() => shapes.map((s, i) => tf.variable(tf.tensor(initial[i], s), true)));
    this.state = tf.tidy(() => shapes.map((s) => Array.from({ length: stateSlots(optimizer) }, () => tf.variable(tf.zeros(s), false))));
  }

  get backend(): string {
    return tf.getBackend();
  }

  setParams(params: Float32Array[]): void {
    const shapes = paramShapes(this.arch);
    tf.tidy(() => {
      shapes.forEach((s, i) => {
        this.params[i].assign(tf.tensor(params[i], s));
        this.state[i].forEach((v) => v.assign(tf.zeros(s)));
      });
    });
    this.steps = 0;
  }

  async getParams(): Promise<Float32Array[]> {
    // Copies: the cpu backend's data() is its own storage, which a transfer would detach.
    return Promise.all(this.params.map(async (p) => ((await p.data()) as Float32Array).slice()));
  }

  /** Log-probabilities of a batch; call inside a tidy. */
  private forward(x: tf.Tensor2D): tf.Tensor2D {
    let h: tf.Tensor2D = x;
    const layers = this.params.length / 2;
    for (let l = 0; l < layers; l++) {
      const w = this.params[2 * l] as tf.Tensor2D;
      const product = l === 0 ? this.products.input(x, w) : this.products.plain(h, w);
      const z = tf.add(product, this.params[2 * l + 1]) as tf.Tensor2D;
      h = l + 1 < layers ? tf.relu(z) : z;
    }
    return tf.logSoftmax(h);
  }

  /** This step's hyperparameters as scalars; the bias corrections are made per step, inside the caller's tidy. */
  private hyperTensors(hyper: StepHyper): HyperTensors {
    const h = fullHyper(this.optimizer.kind, hyper);
    const used = hyperKeysOf(this.optimizer);
    const get = (key: keyof typeof h) => this.scalars.get(key, used.includes(key) ? h[key] : 0);
    const adam = this.optimizer.kind === 'adam' || this.optimizer.kind === 'adamw';
    const bc = adam ? biasCorrections(h.beta1, h.beta2, this.steps) : { bc1: 1, bc2: 1 };
    return {
      lr: get('learningRate'),
      mu: h.momentum !== 0 && used.includes('momentum') ? get('momentum') : null,
      wd: h.weightDecay !== 0 && used.includes('weightDecay') ? get('weightDecay') : null,
      beta1: get('beta1'), beta2: get('beta2'), eps: get('epsilon'), alpha: get('alpha'),
      bc1: adam ? tf.scalar(bc.bc1) : this.scalars.get('bc1', 1),
      bc2: adam ? tf.scalar(bc.bc2) : this.scalars.get('bc2', 1),
    };
  }

  trainBatch(x: Float32Array, y: Int32Array, n: number, hyper: StepHyper): void {
    const inputs = this.arch.sizes[0];
    const classes = this.arch.sizes[this.arch.sizes.length - 1];
    this.steps++;
    const loss = tf.tidy(() => {
      const h = this.hyperTensors(hyper);
      const xs = tf.tensor2d(x.subarray(0, n * inputs), [n, inputs]);
      const oneHot = tf.oneHot(tf.tensor1d(y.subarray(0, n), 'int32'), classes);
      // NLL of the log-softmax, averaged over the batch (PyTorch's F.nll_loss).
      const f = () => tf.neg(tf.mean(tf.sum(tf.mul(oneHot, this.forward(xs)), 1))) as tf.Scalar;
      const { value, grads } = tf.variableGrads(f, this.params);
      this.params.forEach((p, i) => {
        const next = optimizerStep(this.optimizer, p, grads[p.name], this.state[i], h);
        this.state[i].forEach((v, k) => v.assign(next.state[k]));
        p.assign(next.p);
      });
      return value;
    });
    this.pending.push(loss);
  }

  async flushLosses(): Promise<Float32Array> {
    const pending = this.pending;
    this.pending = [];
    return readLossGroup(pending);
  }

  async predictLogProbs(x: Float32Array, n: number): Promise<Float32Array> {
    const inputs = this.arch.sizes[0];
    const out = tf.tidy(() => this.forward(tf.tensor2d(x.subarray(0, n * inputs), [n, inputs])));
    try {
      return (await out.data()) as Float32Array;
    } finally {
      out.dispose();
    }
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
    this.scalars.dispose();
  }
}

