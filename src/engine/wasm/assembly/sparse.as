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
// every run: per pair of rows (x·W1) or group of 4 pixels (xᵀ·dy), the
// steps of the sum where any of its values is nonzero, as an int32 index and
// the values side by side, ready to broadcast. A packed group of the first kind
// holds up to k entries, of the second up to n; `counts` holds one int32 per
// group. Appends are branch-free: every candidate is written, and the count
// moves on only for a nonzero one, so each list needs room for one more.

const ZERO = f32x4.splat(0);

/**
 * Packs x (n × k, row-major) by pairs of rows, for gemmPacked's x·W: per
 * pair, the steps where either row's value is nonzero, each an int32 index
 * and the two values side by side. Pairs rather than fours: the union of two
 * images' lit pixels is 29% of them against 39% for four (MNIST), and
 * gemmPacked's 2 × 16 tile needs as many registers as a 4 × 8 one. A last
 * odd row is not packed (the dense kernel takes it). Returns the number of
 * entries written, of (n >> 1)·k.
 */
export function packRows(x: usize, n: i32, k: i32, index: usize, values: usize, counts: usize): i32 {
  const row = (<usize>k) << 2;
  const k4 = k & ~3;
  let total = 0;
  for (let g = 0; g < n >> 1; g++) {
    const r0 = x + (<usize>(g << 1)) * row, r1 = r0 + row;
    const gi = index + (<usize>g) * (<usize>(k + 1) << 2);
    const gv = values + (<usize>g) * (<usize>(k + 1) << 3);
    let c = 0;
    let p = 0;
    for (; p < k4; p += 4) {
      const o = (<usize>p) << 2;
      const v0 = v128.load(r0 + o), v1 = v128.load(r1 + o);
      const bits = i32x4.bitmask(v128.or(f32x4.ne(v0, ZERO), f32x4.ne(v1, ZERO)));
      if (bits == 0) continue;
      // Lane q of each row side by side: (v0[q], v1[q]) is the 64-bit lane q & 1 of lo (q < 2) or hi.
      const lo = f32x4.shuffle(v0, v1, 0, 4, 1, 5), hi = f32x4.shuffle(v0, v1, 2, 6, 3, 7);
      store<i32>(gi + ((<usize>c) << 2), p);
      store<i64>(gv + ((<usize>c) << 3), i64x2.extract_lane(lo, 0));
      c += bits & 1;
      store<i32>(gi + ((<usize>c) << 2), p + 1);
      store<i64>(gv + ((<usize>c) << 3), i64x2.extract_lane(lo, 1));
      c += (bits >> 1) & 1;
      store<i32>(gi + ((<usize>c) << 2), p + 2);
      store<i64>(gv + ((<usize>c) << 3), i64x2.extract_lane(hi, 0));
      c += (bits >> 2) & 1;
      store<i32>(gi + ((<usize>c) << 2), p + 3);
      store<i64>(gv + ((<usize>c) << 3), i64x2.extract_lane(hi, 1));
      c += bits >> 3;
    }
    for (; p < k; p++) {
      const o = (<usize>p) << 2;
      const a = load<f32>(r0 + o), b = load<f32>(r1 + o);
      store<i32>(gi + ((<usize>c) << 2), p);
      store<f32>(gv + ((<usize>c) << 3), a);
      store<f32>(gv + ((<usize>c) << 3) + 4, b);
      c += <i32>(a != 0 || b != 0);
    }
    store<i32>(counts + ((<usize>g) << 2), c);
    total += c;
  }
  return total;
}

/**
 * C = x·W (+ bias, 0 for none) over packRows' pairs (stride k + 1 entries):
 * row 2g + r of C is Σ_q values[g][q][r] · W[index[g][q], ·], gemmRows'
 * product without the zero terms, in tiles of 2 rows × 16 columns (8
 * accumulators, as gemmRows' 4 × 8), then 2 × 8 where n is an odd number of
 * 8s. The last odd row is gemmRows'.
 */
export function gemmPacked(c: usize, ldc: i32, index: usize, values: usize, counts: usize, groups: i32, stride: i32, b: usize, ldb: i32, n: i32, bias: usize): void {
  const rowB = (<usize>ldb) << 2;
  const rowC = (<usize>ldc) << 2;
  let j = 0;
  for (; j + 16 <= n; j += 16) {
    const bj = b + ((<usize>j) << 2);
    for (let g = 0; g < groups; g++) {
      let c00 = ZERO, c01 = ZERO, c02 = ZERO, c03 = ZERO, c10 = ZERO, c11 = ZERO, c12 = ZERO, c13 = ZERO;
      let pi = index + (<usize>g) * ((<usize>stride) << 2);
      let pv = values + (<usize>g) * ((<usize>stride) << 3);
      const end = pi + ((<usize>load<i32>(counts + ((<usize>g) << 2))) << 2);
      for (; pi < end; pi += 4, pv += 8) {
        const pb = bj + (<usize>load<i32>(pi)) * rowB;
        const b0 = v128.load(pb), b1 = v128.load(pb, 16), b2 = v128.load(pb, 32), b3 = v128.load(pb, 48);
        const x0 = v128.load32_splat(pv), x1 = v128.load32_splat(pv, 4);
        c00 = madd(x0, b0, c00); c01 = madd(x0, b1, c01); c02 = madd(x0, b2, c02); c03 = madd(x0, b3, c03);
        c10 = madd(x1, b0, c10); c11 = madd(x1, b1, c11); c12 = madd(x1, b2, c12); c13 = madd(x1, b3, c13);
      }
      if (bias) {
        const bb = bias + ((<usize>j) << 2);
        const v0 = v128.load(bb), v1 = v128.load(bb, 16), v2 = v128.load(bb, 32), v3 = v128.load(bb, 48);
        c00 = f32x4.add(c00, v0); c01 = f32x4.add(c01, v1); c02 = f32x4.add(c02, v2); c03 = f32x4.add(c03, v3);
        c10 = f32x4.add(c10, v0); c11 = f32x4.add(c11, v1); c12 = f32x4.add(c12, v2); c13 = f32x4.add(c13, v3);
      }
      const p0 = c + ((<usize>j) << 2) + (<usize>(g << 1)) * rowC, p1 = p0 + rowC;
      v128.store(p0, c00); v128.store(p0, c01, 16); v128.store(p0, c02, 32); v128.store(p0, c03, 48);
      v128.store(p1, c10); v128.store(p1, c11, 16); v128.store(p1, c12, 32); v128.store(p1, c13, 48);
    }
  }
  if (j < n) {
    // The last 8 columns (widths are multiples of 8).
    const bj = b + ((<usize>j) << 2);
    for (let g = 0; g < groups; g++) {
      let c00 = ZERO, c01 = ZERO, c10 = ZERO, c11 = ZERO;
      let pi = index + (<usize>g) * ((<usize>stride) << 2);
      let pv = values + (<usize>g) * ((<usize>stride) << 3);
      const end = pi + ((<usize>load<i32>(counts + ((<usize>g) << 2))) << 2);
      for (; pi < end; pi += 4, pv += 8) {
        const pb = bj + (<usize>load<i32>(pi)) * rowB;
        const b0 = v128.load(pb), b1 = v128.load(pb, 16);
        const x0 = v128.load32_splat(pv), x1 = v128.load32_splat(pv, 4);
        c00 = madd(x0, b0, c00); c01 = madd(x0, b1, c01); c10 = madd(x1, b0, c10); c11 = madd(x1, b1, c11);
      }
      if (bias) {
        const bb = bias + ((<usize>j) << 2);
        const v0 = v128.load(bb), v1 = v128.load(bb, 16);
        c00 = f32x4.add(c00, v0); c01 = f32x4.add(c01, v1); c10 = f32x4.add(c10, v0); c11 = f32x4.add(c11, v1);
      }
      const p0 = c + ((<usize>j) << 2) + (<usize>(g << 1)) * rowC, p1 = p0 + rowC;
      v128.store(p0, c00); v128.store(p0, c01, 16);
      v128.store(p1, c10); v128.store(p1, c11, 16);
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
