// The optimizer updates, PyTorch 1.13's (shared/optimizer.ts), in the tfjs
// engine's float32 operations (tfjs/optimizerStep.ts) so that a step lands on
// the same numbers. setStep gives a run's numbers for its step; then every
// 4 floats of a parameter go through updateVector: from the weight-gradient
// products as each tile of the gradient is done (gemm.as, sparse.as), and
// from `update` for a gradient in memory (the biases).
//
// Every hyperparameter arrives as float32, as a tfjs scalar holds it;
// products of two of them (lr·λ, lr/(1−β₁ᵗ)) are rounded to float32 by the
// host, as tfjs rounds them. L2 weight decay λ is added to the gradient
// first (all but AdamW); λ = 0 skips it, as the tfjs engine does.

/** The optimizer codes, as ../kernels.ts numbers them. */
const SGD = 0;
const ADAM = 1;
const ADAMW = 2;
const RMSPROP = 3;
const ADAGRAD = 4;

let kind = SGD;
let nesterov = false;
let lr = f32x4.splat(0);
let mu = f32x4.splat(0);
let wd = f32x4.splat(0);
let hasMomentum = false;
let hasDecay = false;
let beta1 = f32x4.splat(0);
let oneMinusBeta1 = f32x4.splat(0);
let beta2 = f32x4.splat(0);
let oneMinusBeta2 = f32x4.splat(0);
let eps = f32x4.splat(0);
let lrBc1 = f32x4.splat(0);
let bc2 = f32x4.splat(0);
let lrWd = f32x4.splat(0);
let alpha = f32x4.splat(0);
let oneMinusAlpha = f32x4.splat(0);

/**
 * The numbers of one run's step. SGD reads lr, μ, λ, nesterov; Adam and
 * AdamW λ, β₁, 1−β₁, β₂, 1−β₂, ε, lr/(1−β₁ᵗ), 1/√(1−β₂ᵗ), lr·λ; RMSprop lr,
 * μ, λ, α, 1−α, ε; Adagrad lr, λ, ε.
 */
export function setStep(
  code: i32, lr_: f32, mu_: f32, wd_: f32, nesterov_: bool,
  beta1_: f32, oneMinusBeta1_: f32, beta2_: f32, oneMinusBeta2_: f32, eps_: f32, lrBc1_: f32, bc2_: f32, lrWd_: f32,
  alpha_: f32, oneMinusAlpha_: f32,
): void {
  kind = code;
  nesterov = nesterov_;
  lr = f32x4.splat(lr_);
  mu = f32x4.splat(mu_);
  hasMomentum = mu_ != 0;
  wd = f32x4.splat(wd_);
  hasDecay = wd_ != 0;
  beta1 = f32x4.splat(beta1_);
  oneMinusBeta1 = f32x4.splat(oneMinusBeta1_);
  beta2 = f32x4.splat(beta2_);
  oneMinusBeta2 = f32x4.splat(oneMinusBeta2_);
  eps = f32x4.splat(eps_);
  lrBc1 = f32x4.splat(lrBc1_);
  bc2 = f32x4.splat(bc2_);
  lrWd = f32x4.splat(lrWd_);
  alpha = f32x4.splat(alpha_);
  oneMinusAlpha = f32x4.splat(oneMinusAlpha_);
}

/**
 * One step of 4 parameters at p with gradient g; their state slots are at
 * p + d0 and p + d1 (the state blocks mirror the parameters' layout).
 *
 * - sgd:     v = μv + g (v = g when μ = 0); p −= lr·(nesterov ? g + μv : v)
 * - adam:    m = β₁m + (1−β₁)g; s = β₂s + (1−β₂)g²;
 *            p = decayed − (lr·bc1)·m / (√s·bc2 + ε), decayed = p − lr·λ·p for AdamW
 * - rmsprop: s = αs + (1−α)g²; d = g/(√s + ε); b = μb + d (b = d when μ = 0); p −= lr·b
 * - adagrad: s += g²; p −= lr·g/(√s + ε)
 */
// @ts-ignore: decorator
@inline export function updateVector(p: usize, g: v128, d0: usize, d1: usize): void {
  const w = v128.load(p);
  let d = g;
  if (hasDecay && kind != ADAMW) d = f32x4.add(d, f32x4.mul(wd, w));
  if (kind == SGD) {
    const s = p + d0;
    const v = hasMomentum ? f32x4.add(f32x4.mul(mu, v128.load(s)), d) : d;
    v128.store(s, v);
    const dir = nesterov && hasMomentum ? f32x4.add(d, f32x4.mul(mu, v)) : v;
    v128.store(p, f32x4.sub(w, f32x4.mul(lr, dir)));
  } else if (kind == ADAM || kind == ADAMW) {
    const pm = p + d0, ps = p + d1;
    const decayed = kind == ADAMW && hasDecay ? f32x4.sub(w, f32x4.mul(lrWd, w)) : w;
    const m = f32x4.add(f32x4.mul(beta1, v128.load(pm)), f32x4.mul(oneMinusBeta1, d));
    const s = f32x4.add(f32x4.mul(beta2, v128.load(ps)), f32x4.mul(oneMinusBeta2, f32x4.mul(d, d)));
    v128.store(pm, m);
    v128.store(ps, s);
    const denom = f32x4.add(f32x4.mul(f32x4.sqrt(s), bc2), eps);
    v128.store(p, f32x4.sub(decayed, f32x4.div(f32x4.mul(lrBc1, m), denom)));
  } else if (kind == RMSPROP) {
    const ps = p + d0, pb = p + d1;
    const s = f32x4.add(f32x4.mul(alpha, v128.load(ps)), f32x4.mul(oneMinusAlpha, f32x4.mul(d, d)));
    const step = f32x4.div(d, f32x4.add(f32x4.sqrt(s), eps));
    const b = hasMomentum ? f32x4.add(f32x4.mul(mu, v128.load(pb)), step) : step;
    v128.store(ps, s);
    v128.store(pb, b);
    v128.store(p, f32x4.sub(w, f32x4.mul(lr, b)));
  } else {
    const ps = p + d0;
    const s = f32x4.add(v128.load(ps), f32x4.mul(d, d));
    v128.store(ps, s);
    v128.store(p, f32x4.sub(w, f32x4.div(f32x4.mul(lr, d), f32x4.add(f32x4.sqrt(s), eps))));
  }
}

/** One step of `count` parameters at p (a multiple of 4) with the gradient at g; state at p + d0, p + d1. */
export function update(p: usize, g: usize, count: i32, d0: usize, d1: usize): void {
  const end = p + ((<usize>count) << 2);
  for (; p < end; p += 16, g += 16) updateVector(p, v128.load(g), d0, d1);
}
