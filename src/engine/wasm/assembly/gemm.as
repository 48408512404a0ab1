import { updateVector } from './optimizers';
import { madd } from './simd';

// The engine's matrix products: x·W and dy·Wᵀ (gemmRows), and the weight
// gradient xᵀ·dy fused with the optimizer step (gradCols). B and C are
// row-major with n columns, a multiple of 8 (every width is padded to 8 in
// the engine's layout). Strides are in floats, pointers in bytes.
//
// Register tiles of 4 rows × 8 columns: per step of p, 4 broadcast loads of
// A, 2 vector loads of B and 8 multiply-adds into 8 accumulators (11 of the
// 16 vector registers of x86-64). The j-outer loop keeps one k × 8 panel of
// B in L1 while every row tile of A streams past it.

/**
 * C = A·B (+ bias, a row of n floats added to every row of C; 0 for none)
 * with A row-major: A(i, p) = a[i·lda + p].
 */
export function gemmRows(c: usize, ldc: i32, a: usize, lda: i32, b: usize, ldb: i32, m: i32, k: i32, n: i32, bias: usize): void {
  const rowA = (<usize>lda) << 2;
  const rowB = (<usize>ldb) << 2;
  const rowC = (<usize>ldc) << 2;
  for (let j = 0; j < n; j += 8) {
    const bj = b + ((<usize>j) << 2);
    const cj = c + ((<usize>j) << 2);
    let i = 0;
    for (; i + 4 <= m; i += 4) {
      let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
      let a0 = a + (<usize>i) * rowA;
      let pb = bj;
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(pb), b1 = v128.load(pb, 16);
        const x0 = v128.load32_splat(a0), x1 = v128.load32_splat(a0 + rowA), x2 = v128.load32_splat(a0 + 2 * rowA), x3 = v128.load32_splat(a0 + 3 * rowA);
        c00 = madd(x0, b0, c00); c01 = madd(x0, b1, c01); c10 = madd(x1, b0, c10); c11 = madd(x1, b1, c11);
        c20 = madd(x2, b0, c20); c21 = madd(x2, b1, c21); c30 = madd(x3, b0, c30); c31 = madd(x3, b1, c31);
        pb += rowB;
        a0 += 4;
      }
      if (bias) {
        const bb = bias + ((<usize>j) << 2);
        const v0 = v128.load(bb), v1 = v128.load(bb, 16);
        c00 = f32x4.add(c00, v0); c01 = f32x4.add(c01, v1); c10 = f32x4.add(c10, v0); c11 = f32x4.add(c11, v1);
        c20 = f32x4.add(c20, v0); c21 = f32x4.add(c21, v1); c30 = f32x4.add(c30, v0); c31 = f32x4.add(c31, v1);
      }
      const p0 = cj + (<usize>i) * rowC, p1 = p0 + rowC, p2 = p1 + rowC, p3 = p2 + rowC;
      v128.store(p0, c00); v128.store(p0, c01, 16);
      v128.store(p1, c10); v128.store(p1, c11, 16);
      v128.store(p2, c20); v128.store(p2, c21, 16);
      v128.store(p3, c30); v128.store(p3, c31, 16);
    }
    for (; i < m; i++) {
      let c0 = f32x4.splat(0), c1 = f32x4.splat(0);
      let pa = a + (<usize>i) * rowA;
      let pb = bj;
      for (let p = 0; p < k; p++) {
        const x = v128.load32_splat(pa);
        c0 = madd(x, v128.load(pb), c0);
        c1 = madd(x, v128.load(pb, 16), c1);
        pa += 4;
        pb += rowB;
      }
      if (bias) {
        const bb = bias + ((<usize>j) << 2);
        c0 = f32x4.add(c0, v128.load(bb));
        c1 = f32x4.add(c1, v128.load(bb, 16));
      }
      const pc = cj + (<usize>i) * rowC;
      v128.store(pc, c0);
      v128.store(pc, c1, 16);
    }
  }
}

/**
 * The weight gradient Aᵀ·dy and its optimizer step at once: A is k × m
 * row-major (row stride lda; a layer's input, k examples of m values), dy is
 * k × n (the layer's output gradient). The gradient of W[i, j] is
 * Σ_p a[p, i]·dy[p, j]; each 4 × 8 tile of it goes straight into
 * updateVector (optimizers.as) on W (row stride ldw) and its state at
 * W + d0, W + d1, while the tile is still in registers: the gradient is
 * never stored. A tile's four values of A are adjacent, immediate offsets.
 */
export function gradCols(w: usize, ldw: i32, a: usize, lda: i32, b: usize, ldb: i32, m: i32, k: i32, n: i32, d0: usize, d1: usize): void {
  const rowA = (<usize>lda) << 2;
  const rowB = (<usize>ldb) << 2;
  const rowW = (<usize>ldw) << 2;
  let i = 0;
  // Tiles of 4 rows of W, each along the whole row, so that W and its state stream in order.
  for (; i + 4 <= m; i += 4) {
    const w0 = w + (<usize>i) * rowW, w1 = w0 + rowW, w2 = w1 + rowW, w3 = w2 + rowW;
    for (let j = 0; j < n; j += 8) {
      let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
      let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
      let pa = a + ((<usize>i) << 2);
      let pb = b + ((<usize>j) << 2);
      for (let p = 0; p < k; p++) {
        const b0 = v128.load(pb), b1 = v128.load(pb, 16);
        const x0 = v128.load32_splat(pa), x1 = v128.load32_splat(pa, 4), x2 = v128.load32_splat(pa, 8), x3 = v128.load32_splat(pa, 12);
        c00 = madd(x0, b0, c00); c01 = madd(x0, b1, c01); c10 = madd(x1, b0, c10); c11 = madd(x1, b1, c11);
        c20 = madd(x2, b0, c20); c21 = madd(x2, b1, c21); c30 = madd(x3, b0, c30); c31 = madd(x3, b1, c31);
        pa += rowA;
        pb += rowB;
      }
      const o = (<usize>j) << 2;
      updateVector(w0 + o, c00, d0, d1); updateVector(w0 + o + 16, c01, d0, d1);
      updateVector(w1 + o, c10, d0, d1); updateVector(w1 + o + 16, c11, d0, d1);
      updateVector(w2 + o, c20, d0, d1); updateVector(w2 + o + 16, c21, d0, d1);
      updateVector(w3 + o, c30, d0, d1); updateVector(w3 + o + 16, c31, d0, d1);
    }
  }
  for (; i < m; i++) gradRow(w + (<usize>i) * rowW, a + ((<usize>i) << 2), rowA, b, rowB, k, n, d0, d1);
}

/** gradCols for one row of W: a strides by `rowA` bytes from example to example. */
export function gradRow(w: usize, a: usize, rowA: usize, b: usize, rowB: usize, k: i32, n: i32, d0: usize, d1: usize): void {
  for (let j = 0; j < n; j += 8) {
    let c0 = f32x4.splat(0), c1 = f32x4.splat(0);
    let pa = a;
    let pb = b + ((<usize>j) << 2);
    for (let p = 0; p < k; p++) {
      const x = v128.load32_splat(pa);
      c0 = madd(x, v128.load(pb), c0);
      c1 = madd(x, v128.load(pb, 16), c1);
      pa += rowA;
      pb += rowB;
    }
    const o = (<usize>j) << 2;
    updateVector(w + o, c0, d0, d1);
    updateVector(w + o + 16, c1, d0, d1);
  }
}
