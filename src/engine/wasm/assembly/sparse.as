import { updateVector } from './optimizers';
import { madd } from './simd';

// The first layer's two products without the zero pixels. Four pixels in
// five are 0 in an MNIST image scaled to [0, 1], and a zero input adds
// nothing to x·W1 or to xᵀ·dy, so these kernels skip it: the products are
// the dense ones (gemm.as) over the nonzero terms only, in the same order,
// so they give the same sums. (The one exception, 0 · ∞ = NaN, needs an
// infinite weight, which the loss has already reported as divergence.)
//
// Each product reads a packed copy of x, made once per batch and shared by
// every run: per group of 4 rows (x·W1) or 4 pixels (xᵀ·dy), the steps of
// the sum where any of the 4 values is nonzero, as an int32 index and the 4
// values side by side, ready to broadcast. A packed group of the first kind
// holds up to k entries, of the second up to n; `counts` holds one int32 per
// group. Appends are branch-free: every candidate is written, and the count
// moves on only for a nonzero one, so each list needs room for one more.

const ZERO = f32x4.splat(0);

/**
 * Packs x (n × k, row-major) by groups of 4 rows, for gemmPacked's x·W. Rows
 * from n & ~3 on are not packed (the dense kernel takes them). Returns the
 * number of entries written, of (n >> 2)·k.
 */
export function packRows(x: usize, n: i32, k: i32, index: usize, values: usize, counts: usize): i32 {
  const row = (<usize>k) << 2;
  const k4 = k & ~3;
  let total = 0;
  for (let g = 0; g < n >> 2; g++) {
    const r0 = x + (<usize>(g << 2)) * row, r1 = r0 + row, r2 = r1 + row, r3 = r2 + row;
    const gi = index + (<usize>g) * (<usize>(k + 1) << 2);
    const gv = values + (<usize>g) * (<usize>(k + 1) << 4);
    let c = 0;
    let p = 0;
    for (; p < k4; p += 4) {
      const o = (<usize>p) << 2;
      const v0 = v128.load(r0 + o), v1 = v128.load(r1 + o), v2 = v128.load(r2 + o), v3 = v128.load(r3 + o);
      const any = v128.or(v128.or(f32x4.ne(v0, ZERO), f32x4.ne(v1, ZERO)), v128.or(f32x4.ne(v2, ZERO), f32x4.ne(v3, ZERO)));
      const bits = i32x4.bitmask(any);
      if (bits == 0) continue;
      // The 4 × 4 block transposed: column q holds the four rows' values at p + q.
      const t0 = f32x4.shuffle(v0, v1, 0, 4, 1, 5), t1 = f32x4.shuffle(v2, v3, 0, 4, 1, 5);
      const t2 = f32x4.shuffle(v0, v1, 2, 6, 3, 7), t3 = f32x4.shuffle(v2, v3, 2, 6, 3, 7);
      store<i32>(gi + ((<usize>c) << 2), p);
      v128.store(gv + ((<usize>c) << 4), f32x4.shuffle(t0, t1, 0, 1, 4, 5));
      c += bits & 1;
      store<i32>(gi + ((<usize>c) << 2), p + 1);
      v128.store(gv + ((<usize>c) << 4), f32x4.shuffle(t0, t1, 2, 3, 6, 7));
      c += (bits >> 1) & 1;
      store<i32>(gi + ((<usize>c) << 2), p + 2);
      v128.store(gv + ((<usize>c) << 4), f32x4.shuffle(t2, t3, 0, 1, 4, 5));
      c += (bits >> 2) & 1;
      store<i32>(gi + ((<usize>c) << 2), p + 3);
      v128.store(gv + ((<usize>c) << 4), f32x4.shuffle(t2, t3, 2, 3, 6, 7));
      c += bits >> 3;
    }
    for (; p < k; p++) {
      const o = (<usize>p) << 2;
      const v = f32x4(load<f32>(r0 + o), load<f32>(r1 + o), load<f32>(r2 + o), load<f32>(r3 + o));
      store<i32>(gi + ((<usize>c) << 2), p);
      v128.store(gv + ((<usize>c) << 4), v);
      c += <i32>v128.any_true(f32x4.ne(v, ZERO));
    }
    store<i32>(counts + ((<usize>g) << 2), c);
    total += c;
  }
  return total;
}

/**
 * C = x·W (+ bias, 0 for none) over packRows' groups (stride k + 1 entries):
 * row 4g + r of C is Σ_q values[g][q][r] · W[index[g][q], ·], gemmRows'
 * product without the zero terms. The rows past the groups are gemmRows'.
 */
export function gemmPacked(c: usize, ldc: i32, index: usize, values: usize, counts: usize, groups: i32, stride: i32, b: usize, ldb: i32, n: i32, bias: usize): void {
  const rowB = (<usize>ldb) << 2;
  const rowC = (<usize>ldc) << 2;
  for (let j = 0; j < n; j += 8) {
    const bj = b + ((<usize>j) << 2);
    for (let g = 0; g < groups; g++) {
      let c00 = ZERO, c01 = ZERO, c10 = ZERO, c11 = ZERO, c20 = ZERO, c21 = ZERO, c30 = ZERO, c31 = ZERO;
      let pi = index + (<usize>g) * ((<usize>stride) << 2);
      let pv = values + (<usize>g) * ((<usize>stride) << 4);
      const end = pi + ((<usize>load<i32>(counts + ((<usize>g) << 2))) << 2);
      for (; pi < end; pi += 4, pv += 16) {
        const pb = bj + (<usize>load<i32>(pi)) * rowB;
        const b0 = v128.load(pb), b1 = v128.load(pb, 16);
        const x0 = v128.load32_splat(pv), x1 = v128.load32_splat(pv, 4), x2 = v128.load32_splat(pv, 8), x3 = v128.load32_splat(pv, 12);
        c00 = madd(x0, b0, c00); c01 = madd(x0, b1, c01); c10 = madd(x1, b0, c10); c11 = madd(x1, b1, c11);
        c20 = madd(x2, b0, c20); c21 = madd(x2, b1, c21); c30 = madd(x3, b0, c30); c31 = madd(x3, b1, c31);
      }
      if (bias) {
        const bb = bias + ((<usize>j) << 2);
        const v0 = v128.load(bb), v1 = v128.load(bb, 16);
        c00 = f32x4.add(c00, v0); c01 = f32x4.add(c01, v1); c10 = f32x4.add(c10, v0); c11 = f32x4.add(c11, v1);
        c20 = f32x4.add(c20, v0); c21 = f32x4.add(c21, v1); c30 = f32x4.add(c30, v0); c31 = f32x4.add(c31, v1);
      }
      const p0 = c + ((<usize>j) << 2) + (<usize>(g << 2)) * rowC, p1 = p0 + rowC, p2 = p1 + rowC, p3 = p2 + rowC;
      v128.store(p0, c00); v128.store(p0, c01, 16);
      v128.store(p1, c10); v128.store(p1, c11, 16);
      v128.store(p2, c20); v128.store(p2, c21, 16);
      v128.store(p3, c30); v128.store(p3, c31, 16);
    }
  }
}

/**
 * Packs x (n × k, row-major) by groups of 4 columns, for gradPacked's xᵀ·dy:
 * group g lists the rows p where x[p, 4g..4g+3] has a nonzero value. Columns
 * from k & ~3 on are not packed. Returns the number of entries, of (k >> 2)·n.
 */
export function packColumns(x: usize, n: i32, k: i32, index: usize, values: usize, counts: usize): i32 {
  const row = (<usize>k) << 2;
  let total = 0;
  for (let g = 0; g < k >> 2; g++) {
    const gi = index + (<usize>g) * (<usize>(n + 1) << 2);
    const gv = values + (<usize>g) * (<usize>(n + 1) << 4);
    let px = x + ((<usize>g) << 4);
    let c = 0;
    for (let p = 0; p < n; p++, px += row) {
      const v = v128.load(px);
      store<i32>(gi + ((<usize>c) << 2), p);
      v128.store(gv + ((<usize>c) << 4), v);
      c += <i32>v128.any_true(f32x4.ne(v, ZERO));
    }
    store<i32>(counts + ((<usize>g) << 2), c);
    total += c;
  }
  return total;
}

/**
 * gradCols (gemm.as) over packColumns' groups (stride n + 1 entries): the
 * gradient of W's rows 4g..4g+3 is Σ_q values[g][q]ᵀ · dy[index[g][q], ·],
 * each tile going straight into the optimizer step. The rows past the
 * groups are gradCols' (gradRow's).
 */
export function gradPacked(w: usize, ldw: i32, index: usize, values: usize, counts: usize, groups: i32, stride: i32, b: usize, ldb: i32, n: i32, d0: usize, d1: usize): void {
  const rowB = (<usize>ldb) << 2;
  const rowW = (<usize>ldw) << 2;
  for (let g = 0; g < groups; g++) {
    const w0 = w + (<usize>(g << 2)) * rowW, w1 = w0 + rowW, w2 = w1 + rowW, w3 = w2 + rowW;
    const first = index + (<usize>g) * ((<usize>stride) << 2);
    const firstValue = values + (<usize>g) * ((<usize>stride) << 4);
    const end = first + ((<usize>load<i32>(counts + ((<usize>g) << 2))) << 2);
    for (let j = 0; j < n; j += 8) {
      const bj = b + ((<usize>j) << 2);
      let c00 = ZERO, c01 = ZERO, c10 = ZERO, c11 = ZERO, c20 = ZERO, c21 = ZERO, c30 = ZERO, c31 = ZERO;
      let pv = firstValue;
      for (let pi = first; pi < end; pi += 4, pv += 16) {
        const pb = bj + (<usize>load<i32>(pi)) * rowB;
        const b0 = v128.load(pb), b1 = v128.load(pb, 16);
        const x0 = v128.load32_splat(pv), x1 = v128.load32_splat(pv, 4), x2 = v128.load32_splat(pv, 8), x3 = v128.load32_splat(pv, 12);
        c00 = madd(x0, b0, c00); c01 = madd(x0, b1, c01); c10 = madd(x1, b0, c10); c11 = madd(x1, b1, c11);
        c20 = madd(x2, b0, c20); c21 = madd(x2, b1, c21); c30 = madd(x3, b0, c30); c31 = madd(x3, b1, c31);
      }
      const o = (<usize>j) << 2;
      updateVector(w0 + o, c00, d0, d1); updateVector(w0 + o + 16, c01, d0, d1);
      updateVector(w1 + o, c10, d0, d1); updateVector(w1 + o + 16, c11, d0, d1);
      updateVector(w2 + o, c20, d0, d1); updateVector(w2 + o + 16, c21, d0, d1);
      updateVector(w3 + o, c30, d0, d1); updateVector(w3 + o + 16, c31, d0, d1);
    }
  }
}
