/**
 * Turns a forward pass over a set into what the page shows: loss, accuracy,
 * the confusion matrix and ten one-vs-rest ROC curves thinned for drawing.
 *
 * ROC scores are the log-probabilities, not their exponentials: the order is
 * the same (so are the curves and AUCs), but exp() in float32 would round
 * very confident wrong answers to exactly 0 and create ties that are not there.
 */
import { accuracy, argmaxRows, confusionMatrix, macroAuc, meanNllFromLogProbs, oneVsRest, thinCurve } from '../metrics/index.ts';
import type { SetPrediction } from '../train/evaluate.ts';
import type { EvalSet, Evaluation } from './protocol.ts';

/** Points per drawn ROC curve: enough for the shape, small enough to post every epoch. */
export const ROC_POINTS = 200;

export interface Summary {
  evaluation: Evaluation;
  /** Predicted digit per row, kept in the worker for the gallery. */
  predicted: Int32Array;
}

export function summarize(set: EvalSet, p: SetPrediction, numClasses = 10): Summary {
  const predicted = argmaxRows(p.logProbs, numClasses);
  const confusion = Int32Array.from(confusionMatrix(p.labels, predicted, numClasses).flat());
  const rocs = hasNaN(p.logProbs) ? null : oneVsRest(p.logProbs, p.labels, numClasses);
  const auc = new Float64Array(numClasses).fill(NaN);
  const curves: { fpr: number[]; tpr: number[] }[] = [];
  rocs?.forEach((r, k) => {
    if (r.auc !== null) auc[k] = r.auc;
    curves.push(r.curve ? thinCurve(r.curve, ROC_POINTS) : { fpr: [], tpr: [] });
  });
  const rocOffsets = new Int32Array(numClasses + 1);
  curves.forEach((c, k) => (rocOffsets[k + 1] = rocOffsets[k] + c.fpr.length));
  const total = rocOffsets[curves.length] ?? 0;
  const rocFpr = new Float32Array(total);
  const rocTpr = new Float32Array(total);
  curves.forEach((c, k) => {
    rocFpr.set(c.fpr, rocOffsets[k]);
    rocTpr.set(c.tpr, rocOffsets[k]);
  });
  if (curves.length === 0) rocOffsets.fill(0);
  return {
    predicted,
    evaluation: {
      set,
      count: p.labels.length,
      loss: meanNllFromLogProbs(p.logProbs, p.labels, numClasses),
      accuracy: accuracy(p.labels, predicted),
      confusion,
      auc,
      macroAuc: macroAuc(Array.from(auc, (a) => (Number.isNaN(a) ? null : a))),
      rocFpr,
      rocTpr,
      rocOffsets,
    },
  };
}

function hasNaN(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (Number.isNaN(a[i])) return true;
  return false;
}
