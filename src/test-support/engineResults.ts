/**
 * What engine tests compare once an engine has trained: the queued losses,
 * one run's weights, and every run's log-probabilities on the first
 * `images` test images. The engine is disposed after.
 */
import { IMAGE_SIZE, fillBatch, range } from '../data/dataset.ts';
import type { RaceEngine } from '../engine/race.ts';
import { readMnist } from './mnist.ts';

export async function engineResults(engine: RaceEngine, run: number, images: number) {
  const losses = await engine.flushLosses();
  const params = await engine.getParams(run);
  const x = new Float32Array(images * IMAGE_SIZE);
  fillBatch(readMnist().test, range(images), 0, images, x, new Int32Array(images));
  const logProbs = await engine.predictLogProbs(x, images);
  engine.dispose();
  return { losses, params, logProbs };
}
