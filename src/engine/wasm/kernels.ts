/**
 * The SIMD engine's WebAssembly module as the host sees it: its exported
 * kernels (assembly/index.as), and making one instance of it. Pointers are
 * byte offsets into the instance's memory, strides and counts in floats.
 */

/** The activation codes of assembly/layers.as. */
export const ACTIVATION_CODES = { relu: 0, 'leaky-relu': 1, tanh: 2, sigmoid: 3 } as const;

export interface Kernels {
  readonly memory: WebAssembly.Memory;
  heapBase(): number;
  gemmRows(c: number, ldc: number, a: number, lda: number, b: number, ldb: number, m: number, k: number, n: number, bias: number): void;
  gemmCols(c: number, ldc: number, a: number, lda: number, b: number, ldb: number, m: number, k: number, n: number): void;
  packRows(x: number, n: number, k: number, index: number, values: number, counts: number): number;
  packColumns(x: number, n: number, k: number, index: number, values: number, counts: number): number;
  gemmPacked(c: number, ldc: number, index: number, values: number, counts: number, groups: number, stride: number, b: number, ldb: number, n: number, bias: number): void;
  activate(h: number, z: number, count: number, kind: number): void;
  activateBackward(dz: number, da: number, h: number, count: number, kind: number): void;
  dropout(dst: number, src: number, u: number, n: number, cols: number, ld: number, p: number, scale: number): void;
  columnSums(db: number, dz: number, n: number, ld: number): void;
  standardise(x: number, count: number, mean: number, std: number): void;
  transpose(wt: number, w: number, rows: number, cols: number, ldw: number, ldt: number): void;
  logSoftmaxNll(z: number, ld: number, n: number, classes: number, labels: number, dz: number, logp: number): number;
  sgd(p: number, g: number, v: number, count: number, lr: number, mu: number, wd: number, nesterov: boolean): void;
  adam(
    p: number, g: number, m: number, s: number, count: number,
    wd: number, decoupled: boolean, lrWd: number, beta1: number, oneMinusBeta1: number, beta2: number, oneMinusBeta2: number, eps: number, lrBc1: number, bc2: number,
  ): void;
  rmsprop(p: number, g: number, s: number, b: number, count: number, lr: number, mu: number, wd: number, alpha: number, oneMinusAlpha: number, eps: number): void;
  adagrad(p: number, g: number, s: number, count: number, lr: number, wd: number, eps: number): void;
}

/** A fresh instance, with its own memory, of a compiled engine module (mlp-simd or mlp-relaxed). */
export function instantiateKernels(module: WebAssembly.Module): Kernels {
  // The module imports nothing: no runtime, no allocator, no host calls.
  return new WebAssembly.Instance(module, {}).exports as unknown as Kernels;
}
