// The optimizer updates, PyTorch 1.13's (shared/optimizer.ts), over `count`
// floats of one parameter (a multiple of 4), in the tfjs engine's float32
// operations (tfjs/optimizerStep.ts) so that a step lands on the same
// numbers. Every hyperparameter arrives as float32, as a tfjs scalar holds
// it; products of two hyperparameters (lr·λ, lr/(1−β₁ᵗ)) are rounded to
// float32 by the caller, as tfjs rounds them.
//
// L2 weight decay λ is added to the gradient first (all but AdamW); λ = 0
// skips it, as the tfjs engine does.

/** SGD: v = μv + g (v = g when μ = 0); p −= lr·(nesterov ? g + μv : v). */
export function sgd(p: usize, g: usize, v: usize, count: i32, lr: f32, mu: f32, wd: f32, nesterov: bool): void {
  const end = p + ((<usize>count) << 2);
  const vlr = f32x4.splat(lr), vmu = f32x4.splat(mu), vwd = f32x4.splat(wd);
  for (; p < end; p += 16, g += 16, v += 16) {
    const w = v128.load(p);
    let d = v128.load(g);
    if (wd != 0) d = f32x4.add(d, f32x4.mul(vwd, w));
    let vel = d;
    if (mu != 0) vel = f32x4.add(f32x4.mul(vmu, v128.load(v)), d);
    v128.store(v, vel);
    const dir = nesterov && mu != 0 ? f32x4.add(d, f32x4.mul(vmu, vel)) : vel;
    v128.store(p, f32x4.sub(w, f32x4.mul(vlr, dir)));
  }
}

/**
 * Adam and AdamW: m = β₁m + (1−β₁)g; s = β₂s + (1−β₂)g²;
 * p = decayed − (lr·bc1)·m / (√s·bc2 + ε), with bc1 = 1/(1−β₁ᵗ), bc2 = 1/√(1−β₂ᵗ).
 * AdamW (decoupled) decays p by lr·λ·p first and leaves λ out of g.
 */
export function adam(
  p: usize, g: usize, m: usize, s: usize, count: i32,
  wd: f32, decoupled: bool, lrWd: f32, beta1: f32, oneMinusBeta1: f32, beta2: f32, oneMinusBeta2: f32, eps: f32, lrBc1: f32, bc2: f32,
): void {
  const end = p + ((<usize>count) << 2);
  const vwd = f32x4.splat(wd), vlrWd = f32x4.splat(lrWd);
  const vb1 = f32x4.splat(beta1), vc1 = f32x4.splat(oneMinusBeta1), vb2 = f32x4.splat(beta2), vc2 = f32x4.splat(oneMinusBeta2);
  const veps = f32x4.splat(eps), vlrBc1 = f32x4.splat(lrBc1), vbc2 = f32x4.splat(bc2);
  for (; p < end; p += 16, g += 16, m += 16, s += 16) {
    const w = v128.load(p);
    let d = v128.load(g);
    let decayed = w;
    if (wd != 0) {
      if (decoupled) decayed = f32x4.sub(w, f32x4.mul(vlrWd, w));
      else d = f32x4.add(d, f32x4.mul(vwd, w));
    }
    const m1 = f32x4.add(f32x4.mul(vb1, v128.load(m)), f32x4.mul(vc1, d));
    const s1 = f32x4.add(f32x4.mul(vb2, v128.load(s)), f32x4.mul(vc2, f32x4.mul(d, d)));
    const denom = f32x4.add(f32x4.mul(f32x4.sqrt(s1), vbc2), veps);
    v128.store(m, m1);
    v128.store(s, s1);
    v128.store(p, f32x4.sub(decayed, f32x4.div(f32x4.mul(vlrBc1, m1), denom)));
  }
}

/** RMSprop: s = αs + (1−α)g²; d = g/(√s + ε); b = μb + d (b = d when μ = 0); p −= lr·b. */
export function rmsprop(p: usize, g: usize, s: usize, b: usize, count: i32, lr: f32, mu: f32, wd: f32, alpha: f32, oneMinusAlpha: f32, eps: f32): void {
  const end = p + ((<usize>count) << 2);
  const vlr = f32x4.splat(lr), vmu = f32x4.splat(mu), vwd = f32x4.splat(wd);
  const va = f32x4.splat(alpha), vc = f32x4.splat(oneMinusAlpha), veps = f32x4.splat(eps);
  for (; p < end; p += 16, g += 16, s += 16, b += 16) {
    const w = v128.load(p);
    let d = v128.load(g);
    if (wd != 0) d = f32x4.add(d, f32x4.mul(vwd, w));
    const s1 = f32x4.add(f32x4.mul(va, v128.load(s)), f32x4.mul(vc, f32x4.mul(d, d)));
    const step = f32x4.div(d, f32x4.add(f32x4.sqrt(s1), veps));
    let buf = step;
    if (mu != 0) buf = f32x4.add(f32x4.mul(vmu, v128.load(b)), step);
    v128.store(s, s1);
    v128.store(b, buf);
    v128.store(p, f32x4.sub(w, f32x4.mul(vlr, buf)));
  }
}

/** Adagrad: s += g²; p −= lr·g/(√s + ε). */
export function adagrad(p: usize, g: usize, s: usize, count: i32, lr: f32, wd: f32, eps: f32): void {
  const end = p + ((<usize>count) << 2);
  const vlr = f32x4.splat(lr), vwd = f32x4.splat(wd), veps = f32x4.splat(eps);
  for (; p < end; p += 16, g += 16, s += 16) {
    const w = v128.load(p);
    let d = v128.load(g);
    if (wd != 0) d = f32x4.add(d, f32x4.mul(vwd, w));
    const s1 = f32x4.add(v128.load(s), f32x4.mul(d, d));
    v128.store(s, s1);
    v128.store(p, f32x4.sub(w, f32x4.div(f32x4.mul(vlr, d), f32x4.add(f32x4.sqrt(s1), veps))));
  }
}
