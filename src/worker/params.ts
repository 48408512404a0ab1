/**
 * What the worker accepts as a model: a network the lab builds (readArchitecture's
 * rule) with its weights in paramShapes order, all finite; and how it warms
 * a backend up before the student presses Train.
 */
import type { RaceEngine } from '../engine/race.ts';
import type { Architecture } from '../model/architecture.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import { readArchitecture, readParams } from '../model/modelSchema.ts';
import type { ReadProblem } from '../shared/validate.ts';
import { EVAL_CHUNK } from '../train/evaluate.ts';

/**
 * Why these are not a network the lab builds and its weights, or null if
 * they are: the saved model's own schema (model/modelSchema.ts), with the
 * paths `arch` and `params` as the page sent them.
 */
export function checkParams(arch: Architecture, params: Float32Array[]): ReadProblem | null {
  const a = readArchitecture(arch, 'arch');
  if (!a.ok) return a.problem;
  const p = readParams(arch)(params, 'params');
  return p.ok ? null : p.problem;
}

/**
 * One throwaway training step and one evaluation chunk on a fresh engine of
 * the notebook's network, so the backend compiles its programs (1-3 s on
 * WebGL) before they are needed.
 */
export async function warmEngine(createEngine: (params: Float32Array[]) => RaceEngine, batchSize: number): Promise<void> {
  const e = createEngine(initParams(ANN_MNIST, 'pytorch', 0));
  try {
    const inputs = ANN_MNIST.sizes[0];
    e.trainBatch(new Float32Array(batchSize * inputs), new Int32Array(batchSize), batchSize, [{ learningRate: 0, momentum: 0 }]);
    await e.flushLosses();
    await e.predictLogProbs(new Float32Array(EVAL_CHUNK * inputs), EVAL_CHUNK);
  } finally {
    e.dispose();
  }
}
