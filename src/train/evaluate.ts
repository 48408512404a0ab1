/**
 * Forward pass over a whole set in fixed-size chunks (a 10,000-image pass in
 * one go would need a 31 MB input upload and a large activation texture).
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE, fillBatch, labelsAt } from '../data/dataset.ts';
import type { Engine } from '../engine/engine.ts';

export interface SetPrediction {
  /** n × classes log-probabilities, row-major. */
  logProbs: Float32Array;
  labels: Uint8Array;
  /** The images' indices in their set, in the order of the rows. */
  indices: Int32Array;
}

/** Images per forward pass when evaluating a set. */
export const EVAL_CHUNK = 1000;

export async function predictSet(engine: Engine, set: ImageSet, indices: Int32Array, chunk = EVAL_CHUNK): Promise<SetPrediction> {
  const classes = engine.arch.sizes[engine.arch.sizes.length - 1];
  const n = indices.length;
  const logProbs = new Float32Array(n * classes);
  const x = new Float32Array(chunk * IMAGE_SIZE);
  const y = new Int32Array(chunk);
  for (let start = 0; start < n; start += chunk) {
    const m = Math.min(chunk, n - start);
    fillBatch(set, indices, start, m, x, y);
    logProbs.set(await engine.predictLogProbs(x, m), start * classes);
  }
  return { logProbs, labels: labelsAt(set, indices), indices };
}
