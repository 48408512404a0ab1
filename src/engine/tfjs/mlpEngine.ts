/**
 * The tfjs engine: the dense network as plain tf.Variables and a hand-written
 * SGD-momentum update, on whatever tfjs backend is active.
 *
 * Why not tf.train.momentum: its momentum is baked into a tensor when the
 * optimizer is created and setMomentum() is silently ignored afterwards, so a
 * student moving the momentum control mid-run would see no effect. Here μ and
 * the learning rate are inputs of every step, and the velocity buffers (the
 * optimizer's real state) carry over unchanged when either moves.
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
import type { Products } from './products.ts';
import { productsFor } from './products.ts';

export class TfjsMlpEngine implements Engine {
  readonly arch: Architecture;
  private readonly params: tf.Variable[];
  private readonly velocity: tf.Variable[];
  private readonly products: Products = productsFor(tf.getBackend());
  /** Scalar tensors for lr and μ, rebuilt only when their value changes. */
  private lr: { value: number; t: tf.Scalar } | null = null;
  private mu: { value: number; t: tf.Scalar } | null = null;
  /** Loss scalars still on the device, one per trained batch since the last flush. */
  private pending: tf.Scalar[] = [];
  private disposed = false;

  constructor(arch: Architecture, initial: Float32Array[]) {
    this.arch = arch;
    const shapes = paramShapes(arch);
    if (initial.length !== shapes.length) throw new Error(`expected ${shapes.length} parameter arrays, got ${initial.length}`);
    // Variables survive tidy; the temporaries they were made from do not.
    this.params = tf.tidy(() => shapes.map((s, i) => tf.variable(tf.tensor(initial[i], s), true)));
    this.velocity = tf.tidy(() => shapes.map((s) => tf.variable(tf.zeros(s), false)));
  }

  get backend(): string {
    return tf.getBackend();
  }

  setParams(params: Float32Array[]): void {
    const shapes = paramShapes(this.arch);
    tf.tidy(() => {
      shapes.forEach((s, i) => {
        this.params[i].assign(tf.tensor(params[i], s));
        this.velocity[i].assign(tf.zeros(s));
      });
    });
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

  private scalar(slot: 'lr' | 'mu', value: number): tf.Scalar {
    const cur = this[slot];
    if (cur && cur.value === value) return cur.t;
    cur?.t.dispose();
    const t = tf.scalar(value);
    this[slot] = { value, t };
    return t;
  }

  trainBatch(x: Float32Array, y: Int32Array, n: number, hyper: StepHyper): void {
    const inputs = this.arch.sizes[0];
    const classes = this.arch.sizes[this.arch.sizes.length - 1];
    const lr = this.scalar('lr', hyper.learningRate);
    const mu = this.scalar('mu', hyper.momentum);
    const loss = tf.tidy(() => {
      const xs = tf.tensor2d(x.subarray(0, n * inputs), [n, inputs]);
      const oneHot = tf.oneHot(tf.tensor1d(y.subarray(0, n), 'int32'), classes);
      // NLL of the log-softmax, averaged over the batch (PyTorch's F.nll_loss).
      const f = () => tf.neg(tf.mean(tf.sum(tf.mul(oneHot, this.forward(xs)), 1))) as tf.Scalar;
      const { value, grads } = tf.variableGrads(f, this.params);
      this.params.forEach((p, i) => {
        const v = this.velocity[i];
        v.assign(tf.add(tf.mul(mu, v), grads[p.name]));
        p.assign(tf.sub(p, tf.mul(lr, v)));
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
    this.velocity.forEach((v) => v.dispose());
    this.lr?.t.dispose();
    this.mu?.t.dispose();
    this.lr = this.mu = null;
  }
}

