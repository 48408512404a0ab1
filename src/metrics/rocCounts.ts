/**
 * The core of every ROC computation: cumulative true/false positive counts at
 * each distinct score, highest score first. Internal to the metrics module;
 * the public shapes (rates, the prepended (0,0) point) are built in roc.ts.
 *
 * Method: instead of sorting an index array by score with a comparator, the
 * positive and the negative scores are held in two Float64Arrays, each sorted
 * with the native numeric `TypedArray.prototype.sort()` (no comparator, no
 * closure, O(n log n)), and merged from the top. Walking both from the
 * highest value and consuming every copy of the current value from both sides
 * yields one point per distinct score, exactly as scikit-learn's
 * `_binary_clf_curve` does after its stable descending sort.
 *
 * Counts are kept as exact integers in doubles (exact below 2^53), so the
 * `drop_intermediate` test and the area below are free of rounding.
 */

/** Cumulative counts per distinct score, in decreasing score order. */
export interface RocCounts {
  /** negatives with score >= thresholds[i]; non-decreasing; last = N */
  readonly fps: Float64Array;
  /** positives with score >= thresholds[i]; non-decreasing; last = P */
  readonly tps: Float64Array;
  /** the distinct scores, strictly decreasing */
  readonly thresholds: Float64Array;
}

/**
 * Sorts `pos` and `neg` IN PLACE (callers pass scratch views) and merges them.
 * Requires: no NaN (checked by the callers, which know the sample index), and
 * at least one element in total.
 */
export function countsFromSplit(pos: Float64Array, neg: Float64Array): RocCounts {
  pos.sort();
  neg.sort();
  const capacity = pos.length + neg.length;
  const fps = new Float64Array(capacity);
  const tps = new Float64Array(capacity);
  const thresholds = new Float64Array(capacity);
  let i = pos.length - 1;
  let j = neg.length - 1;
  let tp = 0;
  let fp = 0;
  let m = 0;
  while (i >= 0 || j >= 0) {
    const s = i < 0 ? neg[j] : j < 0 ? pos[i] : pos[i] > neg[j] ? pos[i] : neg[j];
    // `===` treats -0 and +0 as one score, as numpy's `np.diff(score) != 0` does.
    while (i >= 0 && pos[i] === s) {
      tp++;
      i--;
    }
    while (j >= 0 && neg[j] === s) {
      fp++;
      j--;
    }
    fps[m] = fp;
    tps[m] = tp;
    thresholds[m] = s;
    m++;
  }
  return { fps: fps.subarray(0, m), tps: tps.subarray(0, m), thresholds: thresholds.subarray(0, m) };
}

/**
 * scikit-learn 1.2 `drop_intermediate=True`, applied (as there) before the
 * (0,0) point is prepended: keep point i when it is the first or the last, or
 * when the second difference of fps or of tps is non-zero at i. The dropped
 * points are those whose incoming and outgoing steps are identical, i.e. the
 * inside of a straight run, so the curve's area does not change. Only applies
 * with more than 2 points.
 */
export function dropIntermediateCounts(counts: RocCounts): RocCounts {
  const { fps, tps, thresholds } = counts;
  const m = fps.length;
  if (m <= 2) return counts;
  const keep = new Int32Array(m);
  let k = 0;
  keep[k++] = 0;
  for (let i = 1; i < m - 1; i++) {
    const d2f = fps[i + 1] - 2 * fps[i] + fps[i - 1];
    const d2t = tps[i + 1] - 2 * tps[i] + tps[i - 1];
    if (d2f !== 0 || d2t !== 0) keep[k++] = i;
  }
  keep[k++] = m - 1;
  const out = { fps: new Float64Array(k), tps: new Float64Array(k), thresholds: new Float64Array(k) };
  for (let r = 0; r < k; r++) {
    out.fps[r] = fps[keep[r]];
    out.tps[r] = tps[keep[r]];
    out.thresholds[r] = thresholds[keep[r]];
  }
  return out;
}

/**
 * Area under the ROC staircase starting at (0,0): the trapezoid rule, so a
 * diagonal step (tied positive and negative scores) counts half, the same as
 * the Mann–Whitney statistic. Summed in integer counts (each term is at most
 * 2·N·P, exact while n² / 2 < 2^53, i.e. n below ~1.3e8) and divided once.
 * Requires P > 0 and N > 0.
 */
export function countsArea(counts: RocCounts): number {
  const { fps, tps } = counts;
  const m = fps.length;
  let twiceArea = 0;
  let prevF = 0;
  let prevT = 0;
  for (let i = 0; i < m; i++) {
    twiceArea += (fps[i] - prevF) * (tps[i] + prevT);
    prevF = fps[i];
    prevT = tps[i];
  }
  return twiceArea / (2 * fps[m - 1] * tps[m - 1]);
}
