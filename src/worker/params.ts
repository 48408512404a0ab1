/**
 * What the worker accepts as a model: the arrays of ANN_MNIST's weights, in
 * paramShapes order, all finite, and how it warms a backend up with them
 * before the student presses Train.
 */
import type { Engine } from '../engine/engine.ts';
import { ANN_MNIST, paramShapes } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import { EVAL_CHUNK } from '../train/evaluate.ts';

/** Why these arrays are not ANN_MNIST weights, or null if they are. */
export function checkParams(params: Float32Array[]): string | null {
  const shapes = paramShapes(ANN_MNIST);
  if (!Array.isArray(params) || params.length !== shapes.length) return `expected ${shapes.length} weight arrays, got ${Array.isArray(params) ? params.length : 'none'}`;
  for (let i = 0; i < shapes.length; i++) {
    const n = shapes[i].reduce((a, b) => a * b, 1);
    if (!(params[i] instanceof Float32Array) || params[i].length !== n) return `weight array ${i} should hold ${n} numbers (${shapes[i].join('×')})`;
    if (!params[i].every(Number.isFinite)) return `weight array ${i} holds NaN or infinite values`;
  }
  return null;
}

/**
 * One throwaway training step and one evaluation chunk on a fresh engine, so
 * the backend compiles its programs (1-3 s on WebGL) before they are needed.
 */
export async function warmEngine(createEngine: (params: Float32Array[]) => Engine, batchSize: number): Promise<void> {
  const e = createEngine(initParams(ANN_MNIST, 'pytorch', 0));
  try {
    const inputs = ANN_MNIST.sizes[0];
    e.trainBatch(new Float32Array(batchSize * inputs), new Int32Array(batchSize), batchSize, { learningRate: 0, momentum: 0 });
    await e.flushLosses();
    await e.predictLogProbs(new Float32Array(EVAL_CHUNK * inputs), EVAL_CHUNK);
  } finally {
    e.dispose();
  }
}
