/**
 * `npx vitest run --config vitest.scripts.config.ts scripts/rotation-accuracy.script.ts`
 * (EPOCHS=5 LIMIT=50000 ROTATION=30 BACKEND=wasm SEED=1 LR=0.01 MOMENTUM=0.5 VALIDATION=10000)
 * Trains the preset twice with the lab's own core, once on the images as
 * they are and once with each image turned by an angle uniform in
 * ±ROTATION°, then prints both runs' test accuracy by rotation beside the
 * PyTorch figures of issue 12 (the preset, five epochs on 50,000 images).
 * LR, MOMENTUM and VALIDATION (the held-out size, which sets the split as the
 * page's `?validation=` does) reproduce a page's run: e2e/augmentation.e2e.ts
 * was sized with LIMIT=3000 EPOCHS=2 LR=0.1 MOMENTUM=0.9 VALIDATION=1000.
 */
import { it } from 'vitest';
import { useBackend } from '../src/test-support/tf.ts';
import os from 'node:os';
import type { AugmentSettings } from '../src/data/augment/settings.ts';
import { NO_AUGMENTATION } from '../src/data/augment/settings.ts';
import { splitTrainValidation } from '../src/data/dataset.ts';
import { createTfjsStackedEngine } from '../src/engine/tfjs/create.ts';
import { ANN_MNIST } from '../src/model/architecture.ts';
import { initParams } from '../src/model/init.ts';
import { PRESET } from '../src/shared/settings.ts';
import { readMnist } from '../src/test-support/mnist.ts';
import { accuracyByRotation } from '../src/train/accuracyByRotation.ts';
import { BatchSource } from '../src/train/batches.ts';
import { trainRuns } from '../src/train/core.ts';
import { ROTATION_ANGLES } from '../src/data/rotatedSets.ts';

/** Issue 12's PyTorch figures (test accuracy, %), by angle's size: plain, and trained within ±30°. */
const PYTORCH = { plain: { 0: 93, 30: 61, 45: 35 }, rotated: { 0: 92, 30: 83, 45: 62 } } as Record<string, Record<number, number>>;

const env = (name: string, fallback: string): string => process.env[name] || fallback;

it('accuracy by rotation, plain against trained on rotations', async () => {
  const epochs = Number(env('EPOCHS', '5'));
  const limit = Number(env('LIMIT', '50000'));
  const rotation = Number(env('ROTATION', '30'));
  const backend = env('BACKEND', 'wasm');
  const seed = Number(env('SEED', String(PRESET.seed)));
  const learningRate = Number(env('LR', String(PRESET.learningRate)));
  const momentum = Number(env('MOMENTUM', String(PRESET.momentum)));
  const validation = Number(env('VALIDATION', '10000'));
  await useBackend(backend);
  const { train, test } = readMnist();
  const split = splitTrainValidation(train.count, validation, seed, limit);
  console.log(
    `preset (lr ${learningRate}, momentum ${momentum}, batch ${PRESET.batchSize}), ${epochs} epochs on ${split.train.length} images, seed ${seed}, tfjs ${backend}, Node ${process.version}, ${os.cpus().length} cores`,
  );
  const cases: [string, AugmentSettings][] = [
    ['plain', NO_AUGMENTATION],
    [`rotated ±${rotation}°`, { ...NO_AUGMENTATION, rotationDeg: rotation }],
  ];
  const rows: string[] = [];
  for (const [name, augment] of cases) {
    const engine = createTfjsStackedEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', seed), 1);
    const batches = new BatchSource({ train, indices: split.train, batchSize: PRESET.batchSize, seed, augment });
    const t0 = Date.now();
    await trainRuns(
      [{ engine, runs: [0] }],
      { batches, validation: { set: train, indices: split.validation } },
      { epochs, flushIntervalMs: 1000, evaluate: false },
      { hypers: () => [{ learningRate, momentum }], stopRequested: () => false, whilePaused: async () => {} },
    );
    const trainS = (Date.now() - t0) / 1000;
    const t1 = Date.now();
    const [accs] = await accuracyByRotation((x, n) => engine.predictLogProbs(x, n), test);
    const evalS = (Date.now() - t1) / 1000;
    engine.dispose();
    rows.push(
      `${name.padEnd(14)} ${accs.map((a) => (100 * a.accuracy).toFixed(1).padStart(6)).join('')}   (${trainS.toFixed(0)} s training, ${evalS.toFixed(1)} s for the seven test sets)`,
    );
    console.log(rows[rows.length - 1]);
  }
  const ref = (k: string) => ROTATION_ANGLES.map((a) => String(PYTORCH[k][Math.abs(a)] ?? '').padStart(6)).join('');
  console.log(`\ntest accuracy, %   ${ROTATION_ANGLES.map((a) => `${a}°`.padStart(6)).join('')}`);
  rows.forEach((r) => console.log(`lab ${r}`));
  console.log(`PyTorch plain     ${ref('plain')}`);
  console.log(`PyTorch ±30°      ${ref('rotated')}`);
});
