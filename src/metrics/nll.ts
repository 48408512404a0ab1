/**
 * Mean negative log-likelihood of the true class, in nats per sample: the
 * loss the network is trained on, recomputed from its outputs for reporting.
 *
 * No clipping and no renormalisation: a true-class probability of 0 gives
 * +Infinity, which is the honest value for a confidently wrong model. (This is
 * the fixtures' `nll_mean_raw`; scikit-learn's `log_loss` clips to float64 eps
 * and renormalises rows, and differs by about 1e-6 on rounded inputs.)
 *
 * Both functions throw on zero samples: a mean over nothing is a caller bug.
 */

import { checkLabels, isFlat, rowCount, type ProbMatrix } from './shape.ts';

/**
 * Mean of -logProbs[i, labels[i]], nats per sample.
 * @param logProbs row-major n × numClasses natural-log probabilities (e.g. log-softmax).
 */
export function meanNllFromLogProbs(logProbs: Float32Array | Float64Array, labels: ArrayLike<number>, numClasses: number): number {
  const n = checkNll(logProbs, labels, numClasses, 'meanNllFromLogProbs');
  let sum = 0; // float64 accumulator even for Float32Array input
  for (let i = 0; i < n; i++) sum -= logProbs[i * numClasses + labels[i]];
  return sum / n;
}

/**
 * Mean of -ln(probs[i, labels[i]]), nats per sample.
 * @param probs n × numClasses probabilities, flat row-major or one array per row.
 */
export function meanNllFromProbs(probs: ProbMatrix, labels: ArrayLike<number>, numClasses: number): number {
  const n = checkNll(probs, labels, numClasses, 'meanNllFromProbs');
  let sum = 0;
  if (isFlat(probs)) {
    for (let i = 0; i < n; i++) sum -= Math.log(probs[i * numClasses + labels[i]]);
  } else {
    for (let i = 0; i < n; i++) sum -= Math.log(probs[i][labels[i]]);
  }
  return sum / n;
}

/** Shape checks shared by both means; returns n. */
function checkNll(probs: ProbMatrix, labels: ArrayLike<number>, numClasses: number, caller: string): number {
  const n = rowCount(probs, numClasses, caller);
  if (labels.length !== n) {
    throw new Error(`${caller}: ${labels.length} labels for ${n} rows of ${numClasses} values`);
  }
  if (n === 0) throw new Error(`${caller}: no samples`);
  checkLabels(labels, numClasses, caller);
  return n;
}
