/**
 * "Accuracy by rotation": a model's test accuracy on the test set turned by
 * each of a few angles (data/rotatedSets.ts). It knows no engine: `predict`
 * is any forward pass giving log-probabilities (RaceEngine.predictLogProbs,
 * Engine.predictLogProbs, a loaded model's), so the worker can ask it at the
 * end of a run and for a saved model alike.
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE, NUM_CLASSES, fillBatch, range } from '../data/dataset.ts';
import { ROTATION_ANGLES, rotatedSet } from '../data/rotatedSets.ts';
import { accuracy, argmaxRows } from '../metrics/index.ts';
import type { SetPrediction } from './evaluate.ts';
import { EVAL_CHUNK } from './evaluate.ts';

/** One cell of the table: a run's accuracy (fraction in [0, 1]) on the set turned by `angleDeg`. */
export interface RotationAccuracy {
  angleDeg: number;
  accuracy: number;
}

/** A forward pass: runs × n × classes log-probabilities, row-major (runs = 1 for a single model). */
export type PredictLogProbs = (x: Float32Array, n: number) => Promise<Float32Array>;

export interface RotationEvalOptions {
  /** Runs the forward pass gives at once (a stacked engine's R); default 1. */
  runs?: number;
  classes?: number;
  angles?: readonly number[];
  /** Images per forward pass. */
  chunk?: number;
}

/** One run's predictions on the set at each angle (same order) → its row of the table. */
export function rotationRows(angles: readonly number[], predictions: readonly SetPrediction[], classes = NUM_CLASSES): RotationAccuracy[] {
  if (angles.length !== predictions.length) throw new Error(`${angles.length} angles but ${predictions.length} predictions`);
  return angles.map((angleDeg, k) => ({ angleDeg, accuracy: accuracy(predictions[k].labels, argmaxRows(predictions[k].logProbs, classes)) }));
}

/**
 * Accuracy of every run of `predict` on `set` turned by each angle: result[run][angle].
 * Counts as it goes (no log-probabilities kept); the rotated sets come from the cache.
 */
export async function accuracyByRotation(predict: PredictLogProbs, set: ImageSet, options: RotationEvalOptions = {}): Promise<RotationAccuracy[][]> {
  const { runs = 1, classes = NUM_CLASSES, angles = ROTATION_ANGLES, chunk = EVAL_CHUNK } = options;
  if (set.count === 0) throw new Error('accuracy by rotation needs a set with images');
  const order = range(set.count);
  const x = new Float32Array(chunk * IMAGE_SIZE);
  const y = new Int32Array(chunk);
  const rows: RotationAccuracy[][] = Array.from({ length: runs }, () => []);
  for (const angleDeg of angles) {
    const turned = rotatedSet(set, angleDeg);
    const correct = new Array<number>(runs).fill(0);
    for (let start = 0; start < set.count; start += chunk) {
      const m = Math.min(chunk, set.count - start);
      fillBatch(turned, order, start, m, x, y);
      const all = await predict(x, m);
      if (all.length !== runs * m * classes) throw new Error(`the forward pass gave ${all.length} values, expected ${runs} × ${m} × ${classes}`);
      for (let r = 0; r < runs; r++) {
        const predicted = argmaxRows(all.subarray(r * m * classes, (r + 1) * m * classes), classes);
        for (let i = 0; i < m; i++) if (predicted[i] === y[i]) correct[r]++;
      }
    }
    correct.forEach((c, r) => rows[r].push({ angleDeg, accuracy: c / set.count }));
  }
  return rows;
}
