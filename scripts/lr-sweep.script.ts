/**
 * `npm run lr-sweep` (EPOCHS=5 RATES=0.001,0.01,0.1,0.3,1 BACKEND=wasm SEED=1)
 * Races learning rates with the lab's own race engine and loop in Node on the
 * full 50,000 / 10,000 split, then evaluates each run on the official test set,
 * printed beside a PyTorch run of the same network (momentum 0.5, batch 64,
 * five epochs).
 */
import { it } from 'vitest';
import { useBackend } from '../src/test-support/tf.ts';
import os from 'node:os';
import { range, splitTrainValidation } from '../src/data/dataset.ts';
import { createTfjsStackedEngine } from '../src/engine/tfjs/create.ts';
import { ANN_MNIST } from '../src/model/architecture.ts';
import { initParams } from '../src/model/init.ts';
import { PRESET } from '../src/shared/settings.ts';
import { readMnist } from '../src/test-support/mnist.ts';
import { BatchSource } from '../src/train/batches.ts';
import { trainRuns } from '../src/train/core.ts';
import { predictRuns } from '../src/train/predictRuns.ts';
import { summarize } from '../src/worker/summary.ts';

/** Test accuracy of the PyTorch reference after five epochs, by learning rate. */
const PYTORCH: Record<string, string> = { '0.001': '~0.75', '0.01': '~0.93', '0.1': '~0.97', '0.3': '~0.97', '1': '~0.10 (collapse)' };

const env = (name: string, fallback: string): string => process.env[name] || fallback;

it('learning-rate sweep', async () => {
  const epochs = Number(env('EPOCHS', '5'));
  const rates = env('RATES', '0.001,0.01,0.1,0.3,1').split(',').map(Number);
  const backend = env('BACKEND', 'wasm');
  const seed = Number(env('SEED', String(PRESET.seed)));
  await useBackend(backend);
  const { train, test } = readMnist();
  const split = splitTrainValidation(train.count, 10_000, seed);
  const engine = createTfjsStackedEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', seed), rates.length);
  const groups = [{ engine, runs: rates.map((_, r) => r) }];
  console.log(
    `race of ${rates.join(', ')} · ${epochs} epochs · momentum ${PRESET.momentum} · batch ${PRESET.batchSize} · PyTorch init · tfjs ${backend} in Node ${process.version} on ${os.cpus()[0]?.model} (${os.cpus().length} cores)`,
  );
  const t0 = Date.now();
  const outcomes = await trainRuns(
    groups,
    { batches: new BatchSource({ train, indices: split.train, batchSize: PRESET.batchSize, seed }), validation: { set: train, indices: split.validation } },
    { epochs, flushIntervalMs: 1000 },
    { hypers: () => rates.map((learningRate) => ({ learningRate, momentum: PRESET.momentum })), stopRequested: () => false, whilePaused: async () => {} },
    {
      onEpoch: (e) => {
        const accs = e.runs.map(
          (r) => `lr ${rates[r.run]}${r.diverged ? ' (diverged, frozen)' : ''}: ${summarize('validation', r.validation).evaluation.accuracy.toFixed(4)}`,
        );
        console.log(`epoch ${e.epoch} validation accuracy · ${accs.join(' · ')} · ${(e.trainMs / 1000).toFixed(0)} s training`);
      },
    },
  );
  const tests = await predictRuns(groups, test, range(test.count));
  console.log('lr      outcome     test acc  test loss  PyTorch test acc');
  tests.forEach((p, r) => {
    const t = summarize('test', p).evaluation;
    console.log(
      `${String(rates[r]).padEnd(7)} ${outcomes[r].kind.padEnd(10)}  ${t.accuracy.toFixed(4).padStart(8)}  ${Number.isFinite(t.loss) ? t.loss.toFixed(4) : String(t.loss)}  ${PYTORCH[String(rates[r])] ?? ''}`,
    );
  });
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  engine.dispose();
});
