/**
 * predictSet for a race: one chunked forward pass over a set gives every
 * run's log-probabilities at once, split here into one SetPrediction per run.
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE, fillBatch, labelsAt } from '../data/dataset.ts';
import type { RaceEngine } from '../engine/race.ts';
import type { SetPrediction } from './evaluate.ts';
import { EVAL_CHUNK } from './evaluate.ts';

/**
 * Copies run r's rows out of a race output (runs × n × classes, row-major)
 * into `into[r]` at `offset`.
 */
export function splitRuns(raceOut: Float32Array, runs: number, into: Float32Array[], offset = 0): void {
  const perRun = raceOut.length / runs;
  for (let r = 0; r < runs; r++) into[r].set(raceOut.subarray(r * perRun, (r + 1) * perRun), offset);
}

/** One SetPrediction per run, in run order. */
export async function predictRaceSet(engine: RaceEngine, set: ImageSet, indices: Int32Array, chunk = EVAL_CHUNK): Promise<SetPrediction[]> {
  const classes = engine.arch.sizes[engine.arch.sizes.length - 1];
  const n = indices.length;
  const logProbs = Array.from({ length: engine.runs }, () => new Float32Array(n * classes));
  const x = new Float32Array(chunk * IMAGE_SIZE);
  const y = new Int32Array(chunk);
  for (let start = 0; start < n; start += chunk) {
    const m = Math.min(chunk, n - start);
    fillBatch(set, indices, start, m, x, y);
    splitRuns(await engine.predictLogProbs(x, m), engine.runs, logProbs, start * classes);
  }
  const labels = labelsAt(set, indices);
  // Each run gets its own labels and indices: predictions cross threads in a
  // transfer list, where one buffer listed twice is an error.
  return logProbs.map((lp) => ({ logProbs: lp, labels: labels.slice(), indices: indices.slice() }));
}
