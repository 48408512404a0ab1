/**
 * Predicted class per row: the index of the largest score.
 *
 * Tie rule (matches `numpy.argmax`): when a row's maximum occurs more than
 * once, the LOWEST class index wins. This matters in practice: a constant or
 * rounded output (e.g. every entry 0.1) must predict class 0, not the last
 * class, or the confusion matrix disagrees with the reference fixtures.
 *
 * NaN rule (differs from numpy, which returns the first NaN): a NaN entry
 * never wins over a number; a row that is entirely NaN predicts class 0. A
 * diverged model (learning rate too high) then shows up as "everything is
 * class 0" in the confusion matrix instead of throwing mid-evaluation.
 */

import { isFlat, rowCount, type ProbMatrix } from './shape.ts';

/**
 * @param probs n × numClasses scores (probabilities, logits or log-probs:
 *   argmax is the same for any strictly increasing transform).
 * @returns predicted class index per row, length n.
 */
export function argmaxRows(probs: ProbMatrix, numClasses: number): Int32Array {
  const n = rowCount(probs, numClasses, 'argmaxRows');
  const out = new Int32Array(n);
  if (isFlat(probs)) {
    for (let i = 0, base = 0; i < n; i++, base += numClasses) {
      out[i] = argmaxRange(probs, base, numClasses);
    }
  } else {
    for (let i = 0; i < n; i++) out[i] = argmaxRange(probs[i], 0, numClasses);
  }
  return out;
}

/** Argmax of row[base .. base+k), as an offset from base; strict `>` keeps the first maximum. */
function argmaxRange(row: ArrayLike<number>, base: number, k: number): number {
  let best = 0;
  let bestValue = row[base];
  for (let c = 1; c < k; c++) {
    const v = row[base + c];
    // Any number replaces a NaN leader.
    if (v > bestValue || (Number.isNaN(bestValue) && !Number.isNaN(v))) {
      best = c;
      bestValue = v;
    }
  }
  return best;
}
