/**
 * `npm run fidelity` (EPOCHS=15 INIT=pytorch|glorot BACKEND=wasm|cpu SEED=1)
 * Trains the ANN_MNIST preset with the lab's own loop and engine in Node
 * (tfjs wasm backend by default) on the real 50,000 / 10,000 split, and
 * prints validation accuracy and macro AUC per epoch next to the PyTorch
 * reference run's figures, so the preset's fidelity can be checked.
 */
import { it } from 'vitest';
import { useBackend } from '../src/test-support/tf.ts';
import os from 'node:os';
import { splitTrainValidation } from '../src/data/dataset.ts';
import { createTfjsStackedEngine } from '../src/engine/tfjs/create.ts';
import { ANN_MNIST } from '../src/model/architecture.ts';
import type { InitScheme } from '../src/shared/settings.ts';
import { initParams } from '../src/model/init.ts';
import { PRESET } from '../src/shared/settings.ts';
import { readMnist } from '../src/test-support/mnist.ts';
import { BatchSource } from '../src/train/batches.ts';
import { trainRuns } from '../src/train/core.ts';
import { summarize } from '../src/worker/summary.ts';

/** Validation accuracy of the PyTorch reference run (50k/10k split, PyTorch init), by epoch. */
const PYTORCH: Record<number, number> = { 1: 0.871, 2: 0.906, 3: 0.919, 5: 0.933, 15: 0.962 };

const env = (name: string, fallback: string): string => process.env[name] || fallback;

it('fidelity of the ANN_MNIST preset', async () => {
  const epochs = Number(env('EPOCHS', '15'));
  const init = env('INIT', 'pytorch') as InitScheme;
  const backend = env('BACKEND', 'wasm');
  const seed = Number(env('SEED', String(PRESET.seed)));

  await useBackend(backend);

  const { train } = readMnist();
  const split = splitTrainValidation(train.count, 10_000, seed);
  const engine = createTfjsStackedEngine(ANN_MNIST, initParams(ANN_MNIST, init, seed), 1);
  console.log(`ANN_MNIST preset, ${init} init, seed ${seed}, lr ${PRESET.learningRate}, momentum ${PRESET.momentum}, batch ${PRESET.batchSize}`);
  console.log(`tfjs ${backend} backend in Node ${process.version} on ${os.cpus()[0]?.model} (${os.cpus().length} cores)`);
  console.log('epoch  train loss  val loss  val acc  macro AUC  PyTorch val acc  ms/batch');
  const t0 = Date.now();
  await trainRuns(
    [{ engine, runs: [0] }],
    { batches: new BatchSource({ train, indices: split.train, batchSize: PRESET.batchSize, seed }), validation: { set: train, indices: split.validation } },
    { epochs, flushIntervalMs: 1000 },
    { hypers: () => [{ learningRate: PRESET.learningRate, momentum: PRESET.momentum }], stopRequested: () => false, whilePaused: async () => {} },
    {
      onEpoch: (end) => {
        const e = { ...end.runs[0], epoch: end.epoch, trainMs: end.trainMs };
        const v = summarize('validation', e.validation).evaluation;
        const ref = PYTORCH[e.epoch] !== undefined ? PYTORCH[e.epoch].toFixed(3) : '';
        const msPerBatch = e.trainMs / Math.ceil(split.train.length / PRESET.batchSize);
        console.log(
          `${String(e.epoch).padStart(5)}  ${e.trainLoss.toFixed(4).padStart(10)}  ${v.loss.toFixed(4).padStart(8)}  ${v.accuracy.toFixed(4).padStart(7)}  ${(v.macroAuc ?? NaN).toFixed(4).padStart(9)}  ${ref.padStart(15)}  ${msPerBatch.toFixed(1).padStart(8)}`,
        );
      },
    },
  );
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  engine.dispose();
});
