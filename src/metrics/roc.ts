/**
 * Binary ROC curve and its area, following scikit-learn 1.2.1 exactly (the
 * version that produced test-fixtures/metrics_public.json):
 *
 * - one point per distinct score, thresholds strictly decreasing;
 * - a first point (fpr 0, tpr 0) whose threshold is max score + 1 (1.2
 *   convention; scikit-learn >= 1.3 writes +Infinity there instead);
 * - undefined (null here, a ValueError / NaN arrays in scikit-learn) when the
 *   flags are all positive or all negative, including n = 0 and n = 1;
 * - NaN scores throw, naming the sample: a NaN has no place in the ordering and
 *   would otherwise silently corrupt the curve.
 */

import { checkSameLength } from './shape.ts';
import { countsArea, countsFromSplit, dropIntermediateCounts, type RocCounts } from './rocCounts.ts';

/** A ROC curve as parallel arrays; fpr and tpr in [0, 1], non-decreasing. */
export interface RocCurve {
  fpr: number[];
  tpr: number[];
  /**
   * score thresholds, strictly decreasing; thresholds[0] = thresholds[1] + 1
   * (so it equals thresholds[1] when the top score is +Infinity or ≥ 2^53)
   */
  thresholds: number[];
}

export interface RocOptions {
  /**
   * Drop points inside straight horizontal/vertical runs, exactly as
   * scikit-learn 1.2 `drop_intermediate=True`; the area is unchanged.
   * Default false (every distinct score keeps its point).
   */
  dropIntermediate?: boolean;
}

/**
 * @param scores one score per sample; higher means "more positive".
 * @param positives per sample: true/1 for the positive class, false/0 otherwise.
 * @returns the curve, or null when only one class is present.
 */
export function rocCurve(scores: ArrayLike<number>, positives: ArrayLike<boolean | number>, options: RocOptions = {}): RocCurve | null {
  const counts = splitAndCount(scores, positives, 'rocCurve');
  if (counts === null) return null;
  return curveFromCounts(options.dropIntermediate === true ? dropIntermediateCounts(counts) : counts);
}

/**
 * Area under the (unthinned) ROC curve, by the trapezoid rule: tied scores
 * across the classes count half. Equals scikit-learn's `roc_auc_score`.
 * @returns the AUC in [0, 1], or null when only one class is present.
 */
export function rocAuc(scores: ArrayLike<number>, positives: ArrayLike<boolean | number>): number | null {
  const counts = splitAndCount(scores, positives, 'rocAuc');
  return counts === null ? null : countsArea(counts);
}

/** Counts → rates, prepending (0,0) with threshold max + 1 (scikit-learn 1.2). */
export function curveFromCounts(counts: RocCounts): RocCurve {
  const { fps, tps, thresholds } = counts;
  const m = fps.length;
  const negatives = fps[m - 1];
  const positives = tps[m - 1];
  const fpr = new Array<number>(m + 1);
  const tpr = new Array<number>(m + 1);
  const thr = new Array<number>(m + 1);
  fpr[0] = 0;
  tpr[0] = 0;
  thr[0] = thresholds[0] + 1;
  for (let i = 0; i < m; i++) {
    // Same division as scikit-learn (count / total), so rates agree to the last bit.
    fpr[i + 1] = fps[i] / negatives;
    tpr[i + 1] = tps[i] / positives;
    thr[i + 1] = thresholds[i];
  }
  return { fpr, tpr, thresholds: thr };
}

/**
 * Validates the inputs, splits the scores by class into one scratch buffer
 * (positives from the front, negatives from the back) and counts.
 * @returns null when there are no positives or no negatives.
 */
function splitAndCount(scores: ArrayLike<number>, positives: ArrayLike<boolean | number>, caller: string): RocCounts | null {
  checkSameLength(scores, positives, 'scores and positives', caller);
  const n = scores.length;
  const buffer = new Float64Array(n);
  let front = 0;
  let back = n;
  for (let i = 0; i < n; i++) {
    const s = scores[i];
    if (Number.isNaN(s)) throw new Error(`${caller}: score at index ${i} is NaN`);
    const flag = positives[i];
    if (flag === true || flag === 1) buffer[front++] = s;
    else if (flag === false || flag === 0) buffer[--back] = s;
    else throw new Error(`${caller}: positive flag at index ${i} is ${String(flag)}, expected a boolean, 0 or 1`);
  }
  if (front === 0 || front === n) return null;
  return countsFromSplit(buffer.subarray(0, front), buffer.subarray(front));
}
