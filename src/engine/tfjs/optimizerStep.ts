/**
 * The one optimizer update of the tfjs engines (a single run and a stacked
 * comparison alike), with PyTorch 1.13's semantics as written out in
 * shared/optimizer.ts. Every hyperparameter arrives as a tensor that
 * broadcasts against the parameter: a scalar for a single run or for a value
 * every run of a comparison shares, a per-run tensor where runs differ.
 *
 * The update returns the new parameter and state instead of assigning them,
 * so a comparison can keep a frozen run's values with a select (see
 * raceEngine.ts: 0 · NaN is NaN, so a zero learning rate would not freeze it).
 * Call it inside a tf.tidy.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { FullHyper, OptimizerSpec } from '../../shared/optimizer.ts';

/** One step's hyperparameters as tensors; null where the value is 0 for every run (the work is skipped). */
export interface HyperTensors {
  lr: tf.Tensor;
  mu: tf.Tensor | null;
  wd: tf.Tensor | null;
  beta1: tf.Tensor;
  beta2: tf.Tensor;
  eps: tf.Tensor;
  alpha: tf.Tensor;
  /** Adam/AdamW: 1/(1−β₁ᵗ) and 1/√(1−β₂ᵗ) for this step's t; ones elsewhere. */
  bc1: tf.Tensor;
  bc2: tf.Tensor;
}

/** The hyperparameters of one step, by name, as numbers: what HyperTensors is built from. */
export type HyperKey = keyof FullHyper;

/** The bias corrections of step t (from 1) as numbers, for β₁ and β₂. */
export function biasCorrections(beta1: number, beta2: number, t: number): { bc1: number; bc2: number } {
  return { bc1: 1 / (1 - beta1 ** t), bc2: 1 / Math.sqrt(1 - beta2 ** t) };
}

/** Which of the seven numbers the update of `spec` reads (the others need no tensors). */
export function hyperKeysOf(spec: OptimizerSpec): readonly HyperKey[] {
  switch (spec.kind) {
    case 'sgd':
      return ['learningRate', 'momentum', 'weightDecay'];
    case 'adam':
    case 'adamw':
      return ['learningRate', 'weightDecay', 'beta1', 'beta2', 'epsilon'];
    case 'rmsprop':
      return ['learningRate', 'momentum', 'weightDecay', 'epsilon', 'alpha'];
    case 'adagrad':
      return ['learningRate', 'weightDecay', 'epsilon'];
  }
}

/** One update of parameter p with gradient g; `state` holds stateSlots(spec) tensors of p's shape. */
export function optimizerStep(
  spec: OptimizerSpec,
  p: tf.Tensor,
  grad: tf.Tensor,
  state: readonly tf.Tensor[],
  h: HyperTensors,
): { p: tf.Tensor; state: tf.Tensor[] } {
  // L2 in the gradient: everything but AdamW, whose decay is decoupled.
  const g = h.wd && spec.kind !== 'adamw' ? tf.add(grad, tf.mul(h.wd, p)) : grad;
  switch (spec.kind) {
    case 'sgd': {
      // v = μv + g; with μ = 0 this is g itself, PyTorch's plain SGD.
      const v = h.mu ? tf.add(tf.mul(h.mu, state[0]), g) : g;
      const dir = spec.nesterov && h.mu ? tf.add(g, tf.mul(h.mu, v)) : v;
      return { p: tf.sub(p, tf.mul(h.lr, dir)), state: [v] };
    }
    case 'adam':
    case 'adamw': {
      const decayed = spec.kind === 'adamw' && h.wd ? tf.sub(p, tf.mul(tf.mul(h.lr, h.wd), p)) : p;
      const m = tf.add(tf.mul(h.beta1, state[0]), tf.mul(tf.sub(1, h.beta1), g));
      const s = tf.add(tf.mul(h.beta2, state[1]), tf.mul(tf.sub(1, h.beta2), tf.square(g)));
      const denom = tf.add(tf.mul(tf.sqrt(s), h.bc2), h.eps);
      const step = tf.div(tf.mul(tf.mul(h.lr, h.bc1), m), denom);
      return { p: tf.sub(decayed, step), state: [m, s] };
    }
    case 'rmsprop': {
      const s = tf.add(tf.mul(h.alpha, state[0]), tf.mul(tf.sub(1, h.alpha), tf.square(g)));
      const d = tf.div(g, tf.add(tf.sqrt(s), h.eps));
      // b = μb + d; with μ = 0 the step is d, PyTorch's momentum-free RMSprop.
      const b = h.mu ? tf.add(tf.mul(h.mu, state[1]), d) : d;
      return { p: tf.sub(p, tf.mul(h.lr, b)), state: [s, b] };
    }
    case 'adagrad': {
      const s = tf.add(state[0], tf.square(g));
      return { p: tf.sub(p, tf.div(tf.mul(h.lr, g), tf.add(tf.sqrt(s), h.eps))), state: [s] };
    }
  }
}
