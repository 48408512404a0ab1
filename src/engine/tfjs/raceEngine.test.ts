import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../test-support/tf.ts';
import { readMnist } from '../../test-support/mnist.ts';
import { ANN_MNIST, paramShapes } from '../../model/architecture.ts';
import { initParams } from '../../model/init.ts';
import { IMAGE_SIZE, fillBatch, range } from '../../data/dataset.ts';
import { isDivergedLoss } from '../../train/divergence.ts';
import type { StepHyper } from '../engine.ts';
import { createTfjsEngine } from './create.ts';
import { TfjsRaceEngine } from './raceEngine.ts';

let tf: Awaited<ReturnType<typeof useBackend>>;

const B = 64;

/** The first `count` batches of 64 training images, in order. */
function batches(count: number): Array<{ x: Float32Array; y: Int32Array }> {
  const { train } = readMnist();
  const idx = range(count * B);
  return Array.from({ length: count }, (_, b) => {
    const x = new Float32Array(B * IMAGE_SIZE);
    const y = new Int32Array(B);
    fillBatch(train, idx, b * B, B, x, y);
    return { x, y };
  });
}

/** Per-batch losses of one solo run, read back after every batch. */
async function soloRun(init: Float32Array[], data: ReturnType<typeof batches>, hyper: StepHyper) {
  const engine = createTfjsEngine(ANN_MNIST, init);
  const losses: number[] = [];
  for (const { x, y } of data) {
    engine.trainBatch(x, y, B, hyper);
    losses.push(...(await engine.flushLosses()));
  }
  const params = await engine.getParams();
  const logProbs = await engine.predictLogProbs(data[0].x, B);
  engine.dispose();
  return { losses, params, logProbs };
}

/** Column r of a batches × R loss readback. */
const column = (losses: Float32Array, runs: number, r: number) => Array.from(losses).filter((_, i) => i % runs === r);

function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return worst;
}

// wasm runs other product forms than cpu (products.ts): both must train the same network.
describe.each(['cpu', 'wasm'] as const)('TfjsRaceEngine on %s', (backend) => {
  beforeAll(async () => {
    tf = await useBackend(backend);
  });

  it('two runs with the same learning rate give identical loss curves and weights', async () => {
    const data = batches(15);
    const engine = new TfjsRaceEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 1), 2);
    const hyper = { learningRate: 0.05, momentum: 0.5 };
    data.forEach(({ x, y }) => engine.trainBatch(x, y, B, [hyper, hyper]));
    const losses = await engine.flushLosses();
    expect(losses.length).toBe(15 * 2);
    expect(column(losses, 2, 1)).toEqual(column(losses, 2, 0));
    const [p0, p1] = [await engine.getParams(0), await engine.getParams(1)];
    p0.forEach((p, i) => expect(Array.from(p1[i])).toEqual(Array.from(p)));
    engine.dispose();
  });

  it('a race of lr 0.01 and 0.1 matches the two runs trained alone', async () => {
    const data = batches(20);
    const init = initParams(ANN_MNIST, 'pytorch', 2);
    // Momentum differs too, to check it is per run.
    const hypers = [
      { learningRate: 0.01, momentum: 0.5 },
      { learningRate: 0.1, momentum: 0.9 },
    ];
    const engine = new TfjsRaceEngine(ANN_MNIST, init, 2);
    data.forEach(({ x, y }, b) => {
      engine.trainBatch(x, y, B, hypers);
      // Only the first run's μ changes half way: the cached per-run tensors must follow.
      if (b === 9) hypers[0] = { learningRate: 0.01, momentum: 0.8 };
    });
    const losses = await engine.flushLosses();
    const logProbs = await engine.predictLogProbs(data[0].x, B);
    const classes = 10;
    for (let r = 0; r < 2; r++) {
      const solo = await soloRunWithSchedule(init, data, r);
      expect(maxRelDiff(column(losses, 2, r), solo.losses)).toBeLessThan(1e-4);
      const raced = await engine.getParams(r);
      raced.forEach((p, i) => expect(maxRelDiff(p, solo.params[i])).toBeLessThan(1e-4));
      expect(maxRelDiff(logProbs.subarray(r * B * classes, (r + 1) * B * classes), solo.logProbs)).toBeLessThan(1e-4);
    }
    const final = column(losses, 2, 1).slice(-5);
    expect(Math.max(...final)).toBeLessThan(column(losses, 2, 1)[0]); // it did learn
    engine.dispose();
  });

  it('a run diverging at lr 10 is frozen, and the run beside it trains exactly as alone', async () => {
    const data = batches(20);
    const init = initParams(ANN_MNIST, 'pytorch', 3);
    const hypers = [
      { learningRate: 10, momentum: 0.5 },
      { learningRate: 0.05, momentum: 0.5 },
    ];
    const engine = new TfjsRaceEngine(ANN_MNIST, init, 2);
    const raced: number[] = [];
    let best = Infinity;
    let frozenAt = -1;
    let frozen: Float32Array[] = [];
    for (let b = 0; b < data.length; b++) {
      engine.trainBatch(data[b].x, data[b].y, B, hypers);
      const [bad, good] = await engine.flushLosses();
      raced.push(good);
      if (frozenAt < 0 && isDivergedLoss(bad, best)) {
        engine.setActive(0, false);
        frozenAt = b;
        frozen = await engine.getParams(0);
      }
      if (frozenAt < 0) best = Math.min(best, bad);
    }
    expect(frozenAt).toBeGreaterThanOrEqual(0);
    expect(frozenAt).toBeLessThan(10);
    expect(engine.isActive(0)).toBe(false);
    // Frozen means bit for bit (NaN included): Object.is tells NaN from a number and NaN from NaN alike.
    const after = await engine.getParams(0);
    after.forEach((p, i) => p.forEach((w, k) => expect(Object.is(w, frozen[i][k])).toBe(true)));
    const solo = await soloRun(init, data, hypers[1]);
    expect(maxRelDiff(raced, solo.losses)).toBeLessThan(1e-4);
    expect(raced.every(Number.isFinite)).toBe(true);
    const good = await engine.getParams(1);
    good.forEach((p, i) => expect(maxRelDiff(p, solo.params[i])).toBeLessThan(1e-4));
    engine.dispose();
  });

  it('NaN weights in a frozen run do not reach the others', async () => {
    // A tiny network whose second run is pushed to NaN by an absurd learning rate.
    const arch = { sizes: [4, 3] };
    const init = [new Float32Array(12).map((_, i) => (i % 5) * 0.1 - 0.2), new Float32Array(3)];
    const x = new Float32Array([1, 0.5, -1, 2]);
    const y = new Int32Array([2]);
    const engine = new TfjsRaceEngine(arch, init, 2);
    const good = { learningRate: 0.1, momentum: 0.9 };
    for (let i = 0; i < 6; i++) engine.trainBatch(x, y, 1, [good, { learningRate: 1e38, momentum: 0.9 }]);
    const poisoned = await engine.getParams(1);
    expect(poisoned[0].some((w) => !Number.isFinite(w))).toBe(true);
    engine.setActive(1, false);
    for (let i = 0; i < 6; i++) engine.trainBatch(x, y, 1, [good, good]);
    const solo = createTfjsEngine(arch, init);
    for (let i = 0; i < 12; i++) solo.trainBatch(x, y, 1, good);
    const [expected, got] = [await solo.getParams(), await engine.getParams(0)];
    got.forEach((p, i) => expect(maxRelDiff(p, expected[i])).toBeLessThan(1e-5));
    const losses = await engine.flushLosses();
    expect(column(losses, 2, 0).every(Number.isFinite)).toBe(true);
    solo.dispose();
    engine.dispose();
  });

  it('holds a flat number of tensors across batches and frees them all on dispose', async () => {
    const base = tf.memory().numTensors;
    const engine = new TfjsRaceEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 4), 3);
    const x = new Float32Array(B * IMAGE_SIZE).fill(0.5);
    const y = new Int32Array(B).fill(3);
    const hyper = { learningRate: 0.01, momentum: 0.5 };
    engine.trainBatch(x, y, B, [hyper, hyper, hyper]);
    await engine.flushLosses();
    const afterOne = tf.memory().numTensors;
    for (let i = 0; i < 12; i++) {
      // Hypers and the active set both change, so the cached step tensors are rebuilt.
      engine.setActive(1, i % 3 !== 0);
      engine.trainBatch(x, y, B, [hyper, { ...hyper, learningRate: i % 2 ? 0.01 : 0.02 }, hyper]);
      if (i % 4 === 3) await engine.flushLosses();
    }
    engine.setActive(1, true);
    engine.trainBatch(x, y, B, [hyper, hyper, hyper]);
    await engine.flushLosses();
    expect(await engine.predictLogProbs(x, 5)).toHaveLength(3 * 5 * 10);
    expect((await engine.getParams(2)).map((p) => p.length)).toEqual(paramShapes(ANN_MNIST).map((s) => s.reduce((a, b) => a * b)));
    expect(tf.memory().numTensors).toBe(afterOne);
    engine.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });
});

/** The solo runs of the 'lr 0.01 and 0.1' test, with run 0's μ moving after batch 10 as in the race. */
async function soloRunWithSchedule(init: Float32Array[], data: ReturnType<typeof batches>, run: number) {
  const engine = createTfjsEngine(ANN_MNIST, init);
  const losses: number[] = [];
  data.forEach(({ x, y }, b) => {
    const hyper = run === 1 ? { learningRate: 0.1, momentum: 0.9 } : { learningRate: 0.01, momentum: b < 10 ? 0.5 : 0.8 };
    engine.trainBatch(x, y, B, hyper);
  });
  losses.push(...(await engine.flushLosses()));
  const params = await engine.getParams();
  const logProbs = await engine.predictLogProbs(data[0].x, B);
  engine.dispose();
  return { losses, params, logProbs };
}
