/**
 * The CPU engines side by side in Node, one thread (ROUNDS=7 SECONDS=1
 * SCALING=unit|standardised): ms per training step of the ANN_MNIST preset
 * (SGD, lr 0.01, momentum 0.5) at batch 64 and 512, and samples per second,
 * for the SIMD engine's two builds (relaxed SIMD where this Node has it: the
 * flag is set below) and tfjs's wasm and cpu backends; and the best build
 * with each step on two threads (engine/wasm/team.ts, its helper a
 * worker_thread), the one contender that is not one thread. Standardised inputs
 * have no zero pixels for the SIMD engine to skip: its dense products alone.
 *
 *   npm run bench:cpu-engines   (npx vitest run --config vitest.scripts.config.ts scripts/wasm-bench.script.ts)
 *
 * Each round times every engine in turn (the order rotating from round to
 * round) for about SECONDS each, on real MNIST batches, with a loss readback
 * every 16 steps as the training loop groups them; each figure is the median
 * of its rounds, so that a round slowed by another process on a shared
 * machine does not decide it. The ratio is against tfjs wasm in the same run.
 */
import os from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { it } from 'vitest';
import { getThreadsCount, setThreadsCount } from '@tensorflow/tfjs-backend-wasm';
import { IMAGE_SIZE, fillBatch, range } from '../src/data/dataset.ts';
import type { RaceEngine } from '../src/engine/race.ts';
import { createTfjsStackedEngine } from '../src/engine/tfjs/create.ts';
import type { SimdLevel } from '../src/engine/wasm/create.ts';
import { simdEngines, simdModuleUrl, simdSupport, threadedSimdEngines } from '../src/engine/wasm/create.ts';
import { compiledSimd } from '../src/test-support/simd.ts';
import { type TeamThread, teamThread } from '../src/test-support/teamThread.ts';
import type { Architecture } from '../src/model/architecture.ts';
import { ANN_MNIST } from '../src/model/architecture.ts';
import type { InputScaling } from '../src/shared/network.ts';
import { initParams } from '../src/model/init.ts';
import { PRESET } from '../src/shared/settings.ts';
import { readMnist } from '../src/test-support/mnist.ts';
import { useBackend } from '../src/test-support/tf.ts';

setFlagsFromString('--experimental-wasm-relaxed-simd');

const env = (name: string, fallback: string): string => process.env[name] || fallback;
const ROUNDS = Number(env('ROUNDS', '7'));
const SECONDS = Number(env('SECONDS', '1'));
const BATCH_SIZES = [64, 512] as const;
const FLUSH_EVERY = 16;
const ARCH: Architecture = { ...ANN_MNIST, inputScaling: env('SCALING', 'unit') as InputScaling };
const WARMUP_STEPS = 3;

interface Contender {
  name: string;
  /** Makes the engine, after switching tfjs to its backend where it needs one. */
  make(): Promise<RaceEngine>;
}

const init = initParams(ARCH, 'pytorch', PRESET.seed);
const hyper = [{ learningRate: PRESET.learningRate, momentum: PRESET.momentum }];

function simd(level: SimdLevel): Contender {
  const module = new WebAssembly.Module(readFileSync(fileURLToPath(simdModuleUrl(level))));
  return { name: `SIMD engine (${level})`, make: async () => simdEngines(module, level).createRaceEngine(ARCH, init, 1) };
}

/** The SIMD engine with each step's products split with a helper thread on a shared memory. */
function simdTwoThreads(level: SimdLevel, helper: TeamThread): Contender {
  const module = compiledSimd(level, true);
  return {
    name: `SIMD engine, 2 threads`,
    make: async () => threadedSimdEngines(module, level, (m, memory) => helper.team(m, memory)).createRaceEngine(ARCH, init, 1),
  };
}

function tfjs(backend: 'wasm' | 'cpu'): Contender {
  return {
    name: `tfjs ${backend}`,
    make: async () => {
      await useBackend(backend);
      return createTfjsStackedEngine(ARCH, init, 1);
    },
  };
}

/** Batches of real training images, cycled through. */
function batches(size: number, count: number): { x: Float32Array; y: Int32Array }[] {
  const { train } = readMnist();
  const order = range(size * count);
  return Array.from({ length: count }, (_, b) => {
    const x = new Float32Array(size * IMAGE_SIZE);
    const y = new Int32Array(size);
    fillBatch(train, order, b * size, size, x, y);
    return { x, y };
  });
}

/** ms per step of `engine` at this batch size, over about SECONDS (at least 3 steps). */
async function time(engine: RaceEngine, data: { x: Float32Array; y: Int32Array }[], size: number): Promise<number> {
  for (let s = 0; s < WARMUP_STEPS; s++) engine.trainBatch(data[s % data.length].x, data[s % data.length].y, size, hyper);
  await engine.flushLosses();
  let steps = 0;
  const t0 = performance.now();
  while (steps < 3 || performance.now() - t0 < SECONDS * 1000) {
    const { x, y } = data[steps % data.length];
    engine.trainBatch(x, y, size, hyper);
    if (++steps % FLUSH_EVERY === 0) await engine.flushLosses();
  }
  await engine.flushLosses();
  return (performance.now() - t0) / steps;
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

it('CPU engines side by side', async () => {
  await useBackend('wasm');
  // One thread for every engine: tfjs wasm runs its threaded build where it can.
  setThreadsCount(1);
  const level = simdSupport();
  const helper = teamThread();
  const contenders = [
    ...(level === 'relaxed-simd' ? [simd('relaxed-simd')] : []),
    ...(level ? [simd('simd'), simdTwoThreads(level, helper)] : []),
    tfjs('wasm'),
    tfjs('cpu'),
  ];
  console.log(
    `ANN_MNIST (784-128-64-10, ${ARCH.inputScaling} inputs), SGD, Node ${process.version} on ${os.cpus()[0]?.model} (${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  console.log(`${ROUNDS} rounds of about ${SECONDS} s per engine and batch size; median ms per step`);
  const data = new Map(BATCH_SIZES.map((size) => [size, batches(size, size === 64 ? 32 : 8)]));
  const figures = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < contenders.length; i++) {
      const c = contenders[(i + round) % contenders.length];
      for (const size of BATCH_SIZES) {
        // tfjs cpu takes half a second a step at 512: one round of it is enough to know.
        if (c.name === 'tfjs cpu' && round > 0 && size === 512) continue;
        const engine = await c.make();
        const ms = await time(engine, data.get(size)!, size);
        engine.dispose();
        const key = `${c.name}@${size}`;
        figures.set(key, [...(figures.get(key) ?? []), ms]);
      }
    }
  }
  console.log(
    `tfjs wasm threads: ${getThreadsCount()}; load after: ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const header = [
    'engine'.padEnd(26),
    ...BATCH_SIZES.flatMap((s) => [`ms/step @${s}`.padStart(13), `samples/s @${s}`.padStart(16), `× tfjs wasm @${s}`.padStart(16)]),
  ];
  console.log(header.join(''));
  for (const c of contenders) {
    const cells = BATCH_SIZES.flatMap((size) => {
      const ms = median(figures.get(`${c.name}@${size}`)!);
      const reference = median(figures.get(`tfjs wasm@${size}`)!);
      return [
        ms.toFixed(3).padStart(13),
        Math.round((size * 1000) / ms)
          .toLocaleString('en')
          .padStart(16),
        (reference / ms).toFixed(1).padStart(16),
      ];
    });
    console.log([c.name.padEnd(26), ...cells].join(''));
  }
  await helper.close();
  for (const c of contenders) {
    console.log(
      `${c.name}: ${BATCH_SIZES.map(
        (s) =>
          `@${s} [${figures
            .get(`${c.name}@${s}`)!
            .map((ms) => ms.toFixed(2))
            .join(' ')}]`,
      ).join(' ')}`,
    );
  }
});
