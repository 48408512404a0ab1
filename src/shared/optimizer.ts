/**
 * What an optimizer is, as data: its kind (fixed for a run) and the numbers
 * of one step (any of which may change mid-run). Engines read this; the
 * settings table describes the fields. Semantics are PyTorch 1.13's exactly,
 * checked step by step against test-fixtures/optimizers_pytorch.json:
 *
 * - sgd:     g = ∇ + λp;  v = μv + g;  p -= lr·(nesterov ? g + μv : v)   (no dampening)
 * - adam:    g = ∇ + λp;  m = β₁m + (1−β₁)g;  s = β₂s + (1−β₂)g²;
 *            p -= (lr/(1−β₁ᵗ)) · m / (√s/√(1−β₂ᵗ) + ε)
 * - adamw:   p -= lr·λ·p first (decoupled), then adam's step without λ in g
 * - rmsprop: g = ∇ + λp;  s = αs + (1−α)g²;  d = g/(√s + ε);
 *            μ > 0: b = μb + d, p -= lr·b;  else p -= lr·d
 * - adagrad: g = ∇ + λp;  s += g²;  p -= lr·g/(√s + ε)
 *
 * t counts the steps the run has taken, from 1. PyTorch's SGD starts its
 * momentum buffer at the first gradient, which equals μ·0 + g.
 */

export type OptimizerKind = 'sgd' | 'adam' | 'adamw' | 'rmsprop' | 'adagrad';

export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'];

/** What stays fixed for a run: the update rule itself. */
export interface OptimizerSpec {
  kind: OptimizerKind;
  /** SGD only: step along g + μv instead of v. */
  nesterov?: boolean;
}

/** The numbers of one step; each may change between two batches. */
export interface StepHyper {
  learningRate: number;
  /** SGD's and RMSprop's momentum μ (0 = none). */
  momentum: number;
  /** λ: L2 added to the gradient (sgd, adam, rmsprop, adagrad), or decoupled decay (adamw). Default 0. */
  weightDecay?: number;
  /** Adam/AdamW first-moment decay β₁ (default 0.9). */
  beta1?: number;
  /** Adam/AdamW second-moment decay β₂ (default 0.999). */
  beta2?: number;
  /** ε added after the square root (Adam, AdamW, RMSprop, Adagrad). */
  epsilon?: number;
  /** RMSprop's smoothing constant α (default 0.99). */
  alpha?: number;
  /**
   * Inverted dropout after every hidden layer while training: the fraction
   * of units zeroed, in [0, 1) (default 0, none). Not an optimizer number,
   * but one the engine reads every step like them; evaluation never drops.
   */
  dropout?: number;
}

/** A StepHyper with every number present. */
export type FullHyper = Required<StepHyper>;

/** PyTorch's defaults for what a StepHyper leaves out. ε differs: 1e-10 for Adagrad. */
export function fullHyper(kind: OptimizerKind, h: StepHyper): FullHyper {
  return {
    learningRate: h.learningRate,
    momentum: h.momentum,
    weightDecay: h.weightDecay ?? 0,
    beta1: h.beta1 ?? 0.9,
    beta2: h.beta2 ?? 0.999,
    epsilon: h.epsilon ?? (kind === 'adagrad' ? 1e-10 : 1e-8),
    alpha: h.alpha ?? 0.99,
    dropout: h.dropout ?? 0,
  };
}

/** The state buffers one parameter needs, each the parameter's shape, zero at the start. */
export function stateSlots(spec: OptimizerSpec): number {
  switch (spec.kind) {
    case 'sgd':
      return 1; // velocity
    case 'adam':
    case 'adamw':
      return 2; // first and second moments
    case 'rmsprop':
      return 2; // mean square, momentum buffer
    case 'adagrad':
      return 1; // sum of squares
  }
}

export const SGD: OptimizerSpec = { kind: 'sgd' };
