/**
 * What the worker accepts as a model: a network the lab builds (readArchitecture's
 * rule) with its weights in paramShapes order, all finite; and how it warms
 * a backend up before the student presses Train.
 */
import type { RaceEngine } from '../engine/race.ts';
import type { Architecture } from '../model/architecture.ts';
import { ANN_MNIST, paramShapes } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import { readArchitecture } from '../model/modelSchema.ts';
import { EVAL_CHUNK } from '../train/evaluate.ts';

/** Why these are not a network the lab builds and its weights, or null if they are. */
export function checkParams(arch: Architecture, params: Float32Array[]): string | null {
  const a = readArchitecture(arch, 'the network');
  if (!a.ok) return a.message;
  const shapes = paramShapes(arch);
  if (!Array.isArray(params) || params.length !== shapes.length)
    return `expected ${shapes.length} weight arrays, got ${Array.isArray(params) ? params.length : 'none'}`;
  for (let i = 0; i < shapes.length; i++) {
    const n = shapes[i].reduce((a, b) => a * b, 1);
    if (!(params[i] instanceof Float32Array) || params[i].length !== n) return `weight array ${i} should hold ${n} numbers (${shapes[i].join('×')})`;
    if (!params[i].every(Number.isFinite)) return `weight array ${i} holds NaN or infinite values`;
  }
  return null;
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
