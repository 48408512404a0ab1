/**
 * The SIMD engine's WebAssembly module as the host sees it: its exported
 * kernels (assembly/index.as), and making one instance of it. Pointers are
 * byte offsets into the instance's memory, strides and counts in floats.
 */

/** The activation codes of assembly/layers.as. */
export const ACTIVATION_CODES = { relu: 0, 'leaky-relu': 1, tanh: 2, sigmoid: 3 } as const;

/** The optimizer codes of assembly/optimizers.as. */
export const OPTIMIZER_CODES = { sgd: 0, adam: 1, adamw: 2, rmsprop: 3, adagrad: 4 } as const;

export interface Kernels {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  gemmRows(c: number, ldc: number, a: number, lda: number, b: number, ldb: number, m: number, k: number, n: number, bias: number): void;
  /** The weight gradient aᵀ·b fused with the optimizer step on w (state at w + d0, w + d1): see assembly/gemm.as. */
  gradCols(w: number, ldw: number, a: number, lda: number, b: number, ldb: number, m: number, k: number, n: number, d0: number, d1: number): void;
  packRows(x: number, n: number, k: number, index: number, values: number, counts: number): number;
  packColumns(x: number, n: number, k: number, index: number, values: number, counts: number): number;
  gemmPacked(
    c: number,
    ldc: number,
    index: number,
    values: number,
    counts: number,
    groups: number,
    stride: number,
    b: number,
    ldb: number,
    n: number,
    bias: number,
  ): void;
  gradPacked(
    w: number,
    ldw: number,
    index: number,
    values: number,
    counts: number,
    groups: number,
    stride: number,
    b: number,
    ldb: number,
    n: number,
    d0: number,
    d1: number,
  ): void;
  activate(h: number, z: number, count: number, kind: number): void;
  activateBackward(dz: number, da: number, h: number, count: number, kind: number): void;
  dropout(dst: number, src: number, u: number, n: number, cols: number, ld: number, p: number, scale: number): void;
  columnSums(db: number, dz: number, n: number, ld: number): void;
  standardise(x: number, count: number, mean: number, std: number): void;
  /** x = pixel / 255 over `count` uint8 pixels at byte `pixels`. */
  unitPixels(x: number, pixels: number, count: number): void;
  transpose(wt: number, w: number, rows: number, cols: number, ldw: number, ldt: number): void;
  logSoftmaxNll(z: number, ld: number, n: number, classes: number, labels: number, dz: number, logp: number): number;
  /** A run's numbers for its step, read by every update until the next call (see assembly/optimizers.as). */
  setStep(
    code: number,
    lr: number,
    mu: number,
    wd: number,
    /** 1 or 0 (a team's helper gets its arguments as numbers). */
    nesterov: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    eps: number,
    lrBc1: number,
    bc2: number,
    lrWd: number,
    alpha: number,
    oneMinusAlpha: number,
  ): void;
  /** One step of `count` parameters at p with the gradient at g, state at p + d0, p + d1. */
  update(p: number, g: number, count: number, d0: number, d1: number): void;
}

/**
 * A fresh instance of a compiled engine module: mlp-simd or mlp-relaxed with
 * its own memory, or a shared build (-shared) on `memory`, which it imports.
 */
export function instantiateKernels(module: WebAssembly.Module, memory?: WebAssembly.Memory): Kernels {
  // Nothing else is imported: no runtime, no allocator, no host calls.
  return new WebAssembly.Instance(module, memory ? { env: { memory } } : {}).exports as unknown as Kernels;
}
