import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-support/tf.ts';
import { readMnist } from '../test-support/mnist.ts';
import type { Architecture } from '../model/architecture.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import { IMAGE_SIZE, splitTrainValidation } from '../data/dataset.ts';
import type { StepHyper } from '../engine/engine.ts';
import type { RaceEngine } from '../engine/race.ts';
import { createTfjsStackedEngine } from '../engine/tfjs/create.ts';
import type { OptimizerSpec } from '../shared/optimizer.ts';
import { OPTIMIZER_KINDS } from '../shared/optimizer.ts';
import type { AugmentSettings } from '../data/augment/index.ts';
import { NO_AUGMENTATION } from '../data/augment/index.ts';
import { BatchSource } from './batches.ts';
import type { CoreData, CoreEpochEnd, RunGroup, RunLossPoint, RunOutcome } from './core.ts';
import { trainRuns } from './core.ts';

let tf: Awaited<ReturnType<typeof useCpuBackend>>;
beforeAll(async () => {
  tf = await useCpuBackend();
});

/** 640 training and 200 validation images: 10 batches of 64 an epoch. */
function smallData(batchSize = 64, seed = 11): CoreData & { trainIndices: Int32Array } {
  const { train } = readMnist();
  const split = splitTrainValidation(train.count, 200, 7, 640);
  return {
    batches: new BatchSource({ train, indices: split.train, batchSize, seed }),
    validation: { set: train, indices: split.validation },
    trainIndices: split.train,
  };
}

const running = { stopRequested: () => false, whilePaused: async () => {} };

/** Trains `runs` through the core, collecting what its hooks report. */
async function core(groups: RunGroup[], hypers: (step: number) => readonly StepHyper[], settings: Parameters<typeof trainRuns>[2], data = smallData()) {
  const points: RunLossPoint[] = [];
  const epochs: CoreEpochEnd[] = [];
  const ended: [number, RunOutcome][] = [];
  const outcomes = await trainRuns(
    groups,
    data,
    settings,
    { ...running, hypers },
    {
      onLosses: (p) => points.push(...p),
      onEpoch: (e) => void epochs.push(e),
      onRunEnd: (r, o) => void ended.push([r, o]),
    },
  );
  return { points, epochs, ended, outcomes };
}

describe('the training core', () => {
  it('a single run trains exactly the batches of its source, in order: each point is that batch’s loss', async () => {
    const init = initParams(ANN_MNIST, 'pytorch', 5);
    const hyper: StepHyper = { learningRate: 0.05, momentum: 0.5 };
    const engine = createTfjsStackedEngine(ANN_MNIST, init, 1);
    const got = await core([{ engine, runs: [0] }], () => [hyper], { epochs: 2, flushIntervalMs: 0 });
    engine.dispose();

    // By hand: the same source, batch after batch, read back one by one.
    const data = smallData();
    const solo = createTfjsStackedEngine(ANN_MNIST, init, 1);
    const losses: number[] = [];
    for (let epoch = 1; epoch <= 2; epoch++) {
      for (let b = 0; b < data.batches.batchesPerEpoch; b++) {
        const n = data.batches.fill(epoch, b);
        solo.trainBatch(data.batches.x, data.batches.y, n, [hyper]);
        losses.push((await solo.flushLosses())[0]);
      }
    }
    solo.dispose();

    expect(got.outcomes).toEqual([{ kind: 'completed', epochs: 2 }]);
    expect(got.points.map((p) => p.loss)).toEqual(losses.map((l) => Math.fround(l)));
    expect(got.points.map((p) => p.step)).toEqual(losses.map((_, i) => i + 1));
    expect(got.epochs.map((e) => e.runs[0].trainLoss)).toHaveLength(2);
    // The epoch's mean training loss weighs each batch by its size (640 images: ten full batches).
    expect(got.epochs[0].runs[0].trainLoss).toBeCloseTo(losses.slice(0, 10).reduce((a, l) => a + l, 0) / 10, 5);
  });

  it('two groups of other shapes and optimizers take turns batch by batch, each run training exactly as alone', async () => {
    const small: Architecture = { sizes: [784, 32, 10] };
    const adam: OptimizerSpec = { kind: 'adam' };
    const hypers: StepHyper[] = [
      { learningRate: 0.01, momentum: 0.5 },
      { learningRate: 0.05, momentum: 0.5 },
      { learningRate: 0.001, momentum: 0 },
    ];
    const a = createTfjsStackedEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 1), 2);
    const b = createTfjsStackedEngine(small, initParams(small, 'pytorch', 1), 1, adam);
    // The comparison's run order need not follow the groups': the Adam run is run 1.
    const together = await core(
      [
        { engine: a, runs: [0, 2] },
        { engine: b, runs: [1] },
      ],
      () => [hypers[0], hypers[2], hypers[1]],
      { epochs: 1, flushIntervalMs: 0 },
    );
    a.dispose();
    b.dispose();
    const alone = createTfjsStackedEngine(small, initParams(small, 'pytorch', 1), 1, adam);
    const single = await core([{ engine: alone, runs: [0] }], () => [hypers[2]], { epochs: 1, flushIntervalMs: 0 });
    alone.dispose();

    expect(together.outcomes.map((o) => o.kind)).toEqual(['completed', 'completed', 'completed']);
    const run1 = together.points.filter((p) => p.run === 1).map(({ run: _r, ...p }) => p);
    expect(run1).toEqual(single.points.map(({ run: _r, ...p }) => p));
    // Points of one readback come in run order, all three runs in step.
    expect(together.points.slice(0, 3).map((p) => [p.run, p.step])).toEqual([
      [0, 1],
      [1, 1],
      [2, 1],
    ]);
    expect(together.epochs[0].runs.map((r) => r.run)).toEqual([0, 1, 2]);
    // Adam at 0.001 on 32 units learns its first epoch faster than SGD at 0.01 on 128-64.
    expect(together.epochs[0].runs[1].trainLoss).toBeLessThan(together.epochs[0].runs[0].trainLoss);
  });

  it('groups with their own augmentation train as alone on a source augmented their way: plain beside rotation ±30°', async () => {
    const init = initParams(ANN_MNIST, 'pytorch', 3);
    const hyper: StepHyper = { learningRate: 0.05, momentum: 0.5 };
    const rotate = { ...NO_AUGMENTATION, rotationDeg: 30 };
    const plain = createTfjsStackedEngine(ANN_MNIST, init, 1);
    const turned = createTfjsStackedEngine(ANN_MNIST, init, 1);
    const together = await core(
      [
        { engine: plain, runs: [0], augment: NO_AUGMENTATION },
        { engine: turned, runs: [1], augment: rotate },
      ],
      () => [hyper, hyper],
      { epochs: 1, flushIntervalMs: 0 },
    );
    plain.dispose();
    turned.dispose();
    const alone = async (augment?: AugmentSettings) => {
      const e = createTfjsStackedEngine(ANN_MNIST, init, 1);
      const { train } = readMnist();
      const data = { ...smallData(), batches: new BatchSource({ train, indices: smallData().trainIndices, batchSize: 64, seed: 11, augment }) };
      const got = await core([{ engine: e, runs: [0] }], () => [hyper], { epochs: 1, flushIntervalMs: 0 }, data);
      e.dispose();
      return got.points.map((p) => p.loss);
    };
    const [plainAlone, turnedAlone] = [await alone(), await alone(rotate)];
    expect(together.points.filter((p) => p.run === 0).map((p) => p.loss)).toEqual(plainAlone);
    expect(together.points.filter((p) => p.run === 1).map((p) => p.loss)).toEqual(turnedAlone);
    expect(turnedAlone).not.toEqual(plainAlone);
  });

  it('hands an engine that takes pixels the batch’s bytes where nothing augments them, and floats where its group does', async () => {
    const init = initParams(ANN_MNIST, 'pytorch', 5);
    const hyper: StepHyper = { learningRate: 0.05, momentum: 0.5 };
    /** A tfjs engine that also takes pixels, scaling them as the SIMD engine does; counts how each batch came. */
    const taking = () => {
      const e = createTfjsStackedEngine(ANN_MNIST, init, 1);
      const calls = { pixels: 0, floats: 0 };
      const trainBatch = e.trainBatch.bind(e);
      e.trainBatch = (...args) => {
        calls.floats++;
        trainBatch(...args);
      };
      const engine: RaceEngine = Object.assign(e, {
        trainPixels: (pixels: Uint8Array, y: Int32Array, n: number, hypers: readonly StepHyper[]) => {
          calls.pixels++;
          trainBatch(
            Float32Array.from(pixels.subarray(0, n * IMAGE_SIZE), (v) => v / 255),
            y,
            n,
            hypers,
          );
        },
      });
      return { engine, calls };
    };
    const plain = taking();
    const off = taking();
    const turned = taking();
    const rotate: AugmentSettings = { ...NO_AUGMENTATION, rotationDeg: 30 };
    const got = await core(
      [
        { engine: plain.engine, runs: [0] },
        { engine: off.engine, runs: [1], augment: NO_AUGMENTATION },
        { engine: turned.engine, runs: [2], augment: rotate },
      ],
      () => [hyper, hyper, hyper],
      { epochs: 1, flushIntervalMs: 0 },
    );
    for (const e of [plain, off, turned]) e.engine.dispose();
    expect(plain.calls).toEqual({ pixels: 10, floats: 0 });
    expect(off.calls).toEqual({ pixels: 10, floats: 0 });
    expect(turned.calls).toEqual({ pixels: 0, floats: 10 });
    // The bytes trained as the floats do: the plain run's curve is that of an engine that takes floats only.
    const floatsOnly = createTfjsStackedEngine(ANN_MNIST, init, 1);
    const alone = await core([{ engine: floatsOnly, runs: [0] }], () => [hyper], { epochs: 1, flushIntervalMs: 0 });
    floatsOnly.dispose();
    const losses = (run: number) => got.points.filter((p) => p.run === run).map((p) => p.loss);
    expect(losses(0)).toEqual(alone.points.map((p) => p.loss));
    expect(losses(1)).toEqual(losses(0));
    expect(losses(2)).not.toEqual(losses(0));
  });

  it('freezes a run that diverges at lr 10 and tells it at once; the others go on', async () => {
    const engine = createTfjsStackedEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 5), 2);
    const got = await core(
      [{ engine, runs: [0, 1] }],
      () => [
        { learningRate: 10, momentum: 0.5 },
        { learningRate: 0.05, momentum: 0.5 },
      ],
      { epochs: 2, flushIntervalMs: 0 },
    );
    engine.dispose();
    expect(got.outcomes[0]).toMatchObject({ kind: 'diverged', epoch: 1 });
    expect(got.ended).toEqual([[0, got.outcomes[0]]]);
    expect(got.outcomes[1]).toEqual({ kind: 'completed', epochs: 2 });
    expect(got.epochs[1].runs.map((r) => r.run)).toEqual([1]);
  });

  it('reports the first batch at once, and a run that diverges inside its next group of batches keeps a point for the finite batches before', async () => {
    const engine = createTfjsStackedEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 5), 1);
    // No flush until the epoch's end but the first batch's: every batch after it up to the blow-up waits in one group.
    const got = await core([{ engine, runs: [0] }], () => [{ learningRate: 10, momentum: 0.5 }], { epochs: 1, flushIntervalMs: 600_000 });
    engine.dispose();
    const end = got.outcomes[0];
    if (end.kind !== 'diverged') throw new Error(`expected a divergence, got ${end.kind}`);
    expect(end.step).toBeGreaterThan(2);
    expect(got.points).toHaveLength(2);
    const [first, point] = got.points;
    expect(first).toMatchObject({ run: 0, step: 1, batches: 1 });
    expect(point).toMatchObject({ run: 0, step: end.step - 1, batches: end.step - 2 });
    expect(Number.isFinite(point.loss)).toBe(true);
    expect(point.epoch).toBeGreaterThan(0);
    expect(point.epoch).toBeLessThan(1);
  });

  it('the range test: a fixed number of batches, no evaluation, no divergence rule, every batch loss, stopped by its own rule', async () => {
    const engine = createTfjsStackedEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 2), 1);
    const raw: number[] = [];
    let epochs = 0;
    const outcomes = await trainRuns(
      [{ engine, runs: [0] }],
      smallData(),
      { epochs: 1000, maxSteps: 25, evaluate: false, judgeDivergence: false, flushIntervalMs: 0 },
      {
        ...running,
        hypers: (step) => [{ learningRate: 10 ** (-4 + step / 5), momentum: 0 }],
      },
      {
        onBatchLosses: (_r, first, losses) => {
          expect(first).toBe(raw.length);
          raw.push(...losses);
        },
        onEpoch: () => void epochs++,
        finished: () => raw.length >= 18,
      },
    );
    engine.dispose();
    // 25 batches would span 3 epochs of 10; the rule ended it at 18, through an epoch boundary, without evaluating.
    expect(raw).toHaveLength(18);
    expect(epochs).toBe(0);
    expect(outcomes[0].kind).toBe('completed');
  });

  it('early stopping: stops after `patience` epochs without a lower validation loss and restores the best epoch’s weights', async () => {
    // A scripted engine: validation loss by epoch 1.0, 0.5, 0.7, 0.6, 0.9 (best: epoch 2).
    const script = [1.0, 0.5, 0.7, 0.6, 0.9];
    const restored: Float32Array[][] = [];
    const engine = scriptedEngine(script, restored);
    const data = smallData();
    const got = await core([{ engine, runs: [0] }], () => [{ learningRate: 0.01, momentum: 0 }], { epochs: 10, patience: [2] }, data);
    expect(got.outcomes[0]).toMatchObject({ kind: 'early-stopped', epoch: 4, bestEpoch: 2 });
    expect((got.outcomes[0] as { bestLoss: number }).bestLoss).toBeCloseTo(0.5, 5);
    expect(got.ended).toEqual([[0, got.outcomes[0]]]);
    expect(got.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    // The weights handed back are those read after epoch 2.
    expect(restored).toEqual([[Float32Array.of(2)]]);
  });

  it('dropout replays: the same seed gives the same curve; another seed, another', async () => {
    const arch: Architecture = { sizes: [784, 32, 10] };
    const run = async (seed: number) => {
      const engine = createTfjsStackedEngine(arch, initParams(arch, 'pytorch', 3), 1);
      const got = await core(
        [{ engine, runs: [0] }],
        () => [{ learningRate: 0.05, momentum: 0.5, dropout: 0.5 }],
        { epochs: 1, flushIntervalMs: 0 },
        smallData(64, seed),
      );
      engine.dispose();
      return got.points.map((p) => p.loss);
    };
    const a = await run(11);
    expect(await run(11)).toEqual(a);
    const plainEngine = createTfjsStackedEngine(arch, initParams(arch, 'pytorch', 3), 1);
    const plain = await core([{ engine: plainEngine, runs: [0] }], () => [{ learningRate: 0.05, momentum: 0.5 }], { epochs: 1, flushIntervalMs: 0 });
    plainEngine.dispose();
    expect(plain.points.map((p) => p.loss)).not.toEqual(a);
  });

  it.each(OPTIMIZER_KINDS)('holds the tensor count flat across runs with %s', async (kind) => {
    const arch: Architecture = { sizes: [784, 16, 10] };
    const data = smallData();
    const once = async () => {
      const engine = createTfjsStackedEngine(arch, initParams(arch, 'pytorch', 1), 2, { kind });
      await core(
        [{ engine, runs: [0, 1] }],
        () => [
          { learningRate: 0.01, momentum: 0.5, weightDecay: 1e-4, dropout: 0.2 },
          { learningRate: 0.02, momentum: 0 },
        ],
        { epochs: 1, patience: [1, 0] },
        data,
      );
      engine.dispose();
    };
    await once();
    const before = tf.memory().numTensors;
    await once();
    await once();
    expect(tf.memory().numTensors).toBe(before);
  });
});

/**
 * A one-run engine whose validation log-probabilities give a scripted mean
 * NLL per epoch; getParams returns the epoch it was read after.
 */
function scriptedEngine(lossByEpoch: number[], restored: Float32Array[][]): RaceEngine {
  let epoch = 0;
  let pending = 0;
  return {
    backend: 'fake',
    arch: { sizes: [784, 10] },
    optimizer: { kind: 'sgd' },
    runs: 1,
    trainBatch() {
      pending++;
    },
    flushLosses: async () => {
      const out = new Float32Array(pending).fill(1);
      pending = 0;
      return out;
    },
    predictLogProbs: async (_x, n) => {
      // 200 validation images fit one chunk: one call per epoch.
      epoch++;
      // Whatever the true digit, its log-probability gives that NLL (the rows need not sum to 1 here).
      return new Float32Array(n * 10).fill(-lossByEpoch[epoch - 1]);
    },
    getParams: async () => [Float32Array.of(epoch)],
    setParams: (_run, params) => void restored.push(params),
    setActive() {},
    isActive: () => true,
    liveTensors: () => 0,
    dispose() {},
  };
}
