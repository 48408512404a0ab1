/**
 * Every run's forward pass over a set, in fixed-size chunks (a 10,000-image
 * pass in one go would need a 31 MB input upload and a large activation
 * texture): one pass per group gives all of its stacked runs at once.
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE, fillBatch, labelsAt } from '../data/dataset.ts';
import type { RaceEngine } from '../engine/race.ts';
import type { SetPrediction } from './evaluate.ts';
import { EVAL_CHUNK } from './evaluate.ts';

/** The groups' engines, each with the global index of each of its runs. */
export interface PredictGroup {
  engine: RaceEngine;
  runs: readonly number[];
}

/** One SetPrediction per global run, in run order. */
export async function predictRuns(groups: readonly PredictGroup[], set: ImageSet, indices: Int32Array, chunk = EVAL_CHUNK): Promise<SetPrediction[]> {
  const n = indices.length;
  const out: SetPrediction[] = [];
  const labels = labelsAt(set, indices);
  const x = new Float32Array(chunk * IMAGE_SIZE);
  const y = new Int32Array(chunk);
  for (const { engine, runs } of groups) {
    const classes = engine.arch.sizes[engine.arch.sizes.length - 1];
    const logProbs = runs.map(() => new Float32Array(n * classes));
    for (let start = 0; start < n; start += chunk) {
      const m = Math.min(chunk, n - start);
      fillBatch(set, indices, start, m, x, y);
      // runs × m × classes, row-major: run k's rows are one contiguous block.
      const all = await engine.predictLogProbs(x, m);
      const per = m * classes;
      logProbs.forEach((lp, k) => lp.set(all.subarray(k * per, (k + 1) * per), start * classes));
    }
    // Each run gets its own labels and indices: predictions cross threads in a
    // transfer list, where one buffer listed twice is an error.
    runs.forEach((r, k) => (out[r] = { logProbs: logProbs[k], labels: labels.slice(), indices: indices.slice() }));
  }
  return out;
}
