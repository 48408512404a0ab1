/**
 * The images behind one confusion-matrix cell: which rows of the latest
 * evaluation were digit `trueDigit` predicted as `predictedDigit`, with their
 * pixels and probabilities, ready to post.
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE } from '../data/dataset.ts';
import type { SetPrediction } from '../train/evaluate.ts';

/** An evaluation kept in the worker for the gallery. */
export interface KeptEvaluation {
  set: ImageSet;
  prediction: SetPrediction;
  predicted: Int32Array;
}

export function cellExamples(found: KeptEvaluation | undefined, trueDigit: number, predictedDigit: number, limit: number, classes = 10) {
  const rows: number[] = [];
  if (found) {
    const { labels } = found.prediction;
    for (let r = 0; r < labels.length; r++) {
      if (labels[r] === trueDigit && found.predicted[r] === predictedDigit) rows.push(r);
    }
  }
  const n = Math.min(rows.length, Math.max(0, limit));
  const images = new Uint8Array(n * IMAGE_SIZE);
  const probs = new Float32Array(n * classes);
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const index = found!.prediction.indices[r];
    indices[i] = index;
    images.set(found!.set.images.subarray(index * IMAGE_SIZE, (index + 1) * IMAGE_SIZE), i * IMAGE_SIZE);
    for (let k = 0; k < classes; k++) probs[i * classes + k] = Math.exp(found!.prediction.logProbs[r * classes + k]);
  }
  return { total: rows.length, images, probs, indices };
}
