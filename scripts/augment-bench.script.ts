/**
 * `npx vitest run --config vitest.scripts.config.ts scripts/augment-bench.script.ts`
 * (ROUNDS=9 BATCHES=100 BACKEND=wasm)
 * Augmentation's cost per batch of 64 beside a training step of the preset
 * (ANN_MNIST, SGD with momentum, tfjs wasm in Node), measured in turns,
 * round by round, so that a shared machine slows both alike. The aim: every
 * kind under a quarter of a training step.
 */
import { it } from 'vitest';
import { useBackend } from '../src/test-support/tf.ts';
import { createTfjsEngine } from '../src/engine/tfjs/create.ts';
import { ANN_MNIST } from '../src/model/architecture.ts';
import { initParams } from '../src/model/init.ts';
import { PRESET } from '../src/shared/settings.ts';
import { readMnist } from '../src/test-support/mnist.ts';
import { IMAGE_SIZE, fillBatch, range } from '../src/data/dataset.ts';
import type { Timing } from './bench-augment.ts';
import { AUGMENT_BATCH, augmentReport, benchAugment, stopwatch } from './bench-augment.ts';

const env = (name: string, fallback: string): string => process.env[name] || fallback;

it('augmentation cost beside a training step', async () => {
  const rounds = Number(env('ROUNDS', '9'));
  const batches = Number(env('BATCHES', '100'));
  const backend = env('BACKEND', 'wasm');
  await useBackend(backend);
  const { train } = readMnist();
  const engine = createTfjsEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', PRESET.seed));
  const hyper = { learningRate: PRESET.learningRate, momentum: PRESET.momentum };
  const x = new Float32Array(AUGMENT_BATCH * IMAGE_SIZE);
  const y = new Int32Array(AUGMENT_BATCH);
  const order = range(train.count);
  let next = 0;
  /** One round of training steps (batch filled, step, losses read back every 20 batches, as the core does at ~100 ms); ms per batch. */
  const trainRound = async (): Promise<Timing> => {
    const t = stopwatch();
    for (let b = 0; b < batches; b++) {
      fillBatch(train, order, next, AUGMENT_BATCH, x, y);
      next = (next + AUGMENT_BATCH) % (train.count - AUGMENT_BATCH);
      engine.trainBatch(x, y, AUGMENT_BATCH, hyper);
      if (b % 20 === 19) await engine.flushLosses();
    }
    await engine.flushLosses();
    const { wall, cpu } = t();
    return { wall: wall / batches, cpu: cpu / batches };
  };

  console.log(augmentReport(await benchAugment(rounds, batches, trainRound), undefined, `a ${backend} training step`));
  engine.dispose();
});
