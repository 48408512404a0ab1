import { beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-support/tf.ts';
import { readMnist } from '../test-support/mnist.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import { splitTrainValidation } from '../data/dataset.ts';
import type { StepHyper } from '../engine/engine.ts';
import { createTfjsEngine } from '../engine/tfjs/create.ts';
import { TfjsRaceEngine } from '../engine/tfjs/raceEngine.ts';
import type { EpochEnd, LoopData, LoopSettings, LossPoint } from './loop.ts';
import { trainLoop } from './loop.ts';
import type { RaceEpochEnd, RaceLossPoint } from './raceLoop.ts';
import { raceLoop } from './raceLoop.ts';
import { splitRuns } from './raceEvaluate.ts';

beforeAll(async () => {
  await useCpuBackend();
});

/** 640 training and 200 validation images: 10 batches of 64 an epoch. */
function smallData(): LoopData {
  const { train } = readMnist();
  const split = splitTrainValidation(train.count, 200, 7, 640);
  return { train, trainIndices: split.train, validationIndices: split.validation };
}

const running = { stopRequested: () => false, whilePaused: async () => {} };
// A zero interval reads back after every batch, so each point is one batch and divergence is seen at once.
const settings: LoopSettings = { epochs: 2, batchSize: 64, seed: 11, flushIntervalMs: 0 };

describe('raceLoop', () => {
  it('freezes a run that diverges at lr 10; the lr 0.05 run beside it follows trainLoop exactly', async () => {
    const data = smallData();
    const init = initParams(ANN_MNIST, 'pytorch', 5);
    const hypers: StepHyper[] = [
      { learningRate: 10, momentum: 0.5 },
      { learningRate: 0.05, momentum: 0.5 },
    ];
    const engine = new TfjsRaceEngine(ANN_MNIST, init, 2);
    const points: RaceLossPoint[] = [];
    const epochs: RaceEpochEnd[] = [];
    const outcome = await raceLoop(engine, data, settings, { ...running, hypers: () => hypers }, {
      onLosses: (p) => points.push(...p),
      onEpoch: (e) => void epochs.push(e),
    });
    engine.dispose();

    const solo = createTfjsEngine(ANN_MNIST, init);
    const soloPoints: LossPoint[] = [];
    const soloEpochs: EpochEnd[] = [];
    const soloOutcome = await trainLoop(solo, data, settings, { ...running, hyper: () => hypers[1] }, {
      onLosses: (p) => soloPoints.push(...p),
      onEpoch: (e) => void soloEpochs.push(e),
    });
    solo.dispose();

    expect(outcome[0]).toMatchObject({ kind: 'diverged', epoch: 1, hyper: hypers[0] });
    const diverged = outcome[0] as Extract<(typeof outcome)[0], { kind: 'diverged' }>;
    expect(diverged.step).toBeLessThan(10);
    expect(diverged.loss).toBeGreaterThan(4.6);
    expect(points.filter((p) => p.run === 0).every((p) => p.step < diverged.step)).toBe(true);

    expect(soloOutcome).toEqual({ kind: 'completed', epochs: 2 });
    expect(outcome[1]).toEqual(soloOutcome);
    const raced = points.filter((p) => p.run === 1);
    expect(raced.map(({ run: _run, ...p }) => p)).toEqual(soloPoints.map((p) => ({ ...p, loss: expect.closeTo(p.loss, 5) })));

    // The lr 10 run is judged once more, frozen, at the end of the epoch it diverged in, if its weights still compute.
    const frozen = epochs[0].runs.find((r) => r.run === 0);
    if (frozen) expect(frozen.diverged).toBe(true);
    expect(epochs.map((e) => e.runs.filter((r) => !r.diverged).map((r) => r.run))).toEqual([[1], [1]]);
    expect(epochs[1].runs.map((r) => r.run)).toEqual([1]);
    epochs.forEach((e, i) => {
      const run = e.runs.find((r) => r.run === 1)!;
      expect(run.trainLoss).toBeCloseTo(soloEpochs[i].trainLoss, 5);
      expect(run.validation.labels).toEqual(soloEpochs[i].validation.labels);
      expect(run.validation.indices).toEqual(soloEpochs[i].validation.indices);
      const want = soloEpochs[i].validation.logProbs;
      expect(run.validation.logProbs).toHaveLength(want.length);
      run.validation.logProbs.forEach((v, k) => expect(v).toBeCloseTo(want[k], 4));
    });
  });

  it('judges a diverged run\'s frozen weights once, at the end of its epoch: lr 2 leaves a network near chance', async () => {
    const data = smallData();
    const engine = new TfjsRaceEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 5), 2);
    const hypers: StepHyper[] = [
      { learningRate: 2, momentum: 0.5 },
      { learningRate: 0.2, momentum: 0.5 },
    ];
    const epochs: RaceEpochEnd[] = [];
    const outcome = await raceLoop(engine, data, settings, { ...running, hypers: () => hypers }, { onEpoch: (e) => void epochs.push(e) });
    engine.dispose();
    expect(outcome[0]).toMatchObject({ kind: 'diverged', epoch: 1 });
    expect(outcome[1]).toEqual({ kind: 'completed', epochs: 2 });
    const [frozen] = epochs[0].runs;
    expect(frozen).toMatchObject({ run: 0, diverged: true });
    expect(frozen.validation.logProbs.every(Number.isFinite)).toBe(true);
    // Near chance (10 %), where the run beside it, after the same ten batches, is above it.
    const accuracy = (p: typeof frozen.validation) => {
      let right = 0;
      for (let i = 0; i < p.labels.length; i++) {
        const row = p.logProbs.subarray(i * 10, i * 10 + 10);
        if (row.indexOf(Math.max(...row)) === p.labels[i]) right++;
      }
      return right / p.labels.length;
    };
    expect(accuracy(frozen.validation)).toBeLessThan(0.2);
    expect(accuracy(epochs[0].runs[1].validation)).toBeGreaterThan(0.25);
    // Once only: the next epoch reports the racing run alone.
    expect(epochs[1].runs.map((r) => r.run)).toEqual([1]);
  });

  it('a stop ends every racing run at the same step, after reading back its losses', async () => {
    const data = smallData();
    const arch = { sizes: [784, 16, 10] };
    const engine = new TfjsRaceEngine(arch, initParams(arch, 'pytorch', 6), 3);
    const hypers = [0.01, 0.05, 0.1].map((learningRate) => ({ learningRate, momentum: 0.9 }));
    const points: RaceLossPoint[] = [];
    let paused = 0;
    const outcome = await raceLoop(
      engine,
      data,
      { ...settings, flushIntervalMs: 1e9 },
      {
        hypers: () => hypers,
        // Stops before the fourth batch; no readback is due before then.
        stopRequested: () => paused >= 4,
        whilePaused: async () => void paused++,
      },
      { onLosses: (p) => points.push(...p) },
    );
    engine.dispose();
    expect(outcome).toEqual([0, 1, 2].map(() => ({ kind: 'stopped', epoch: 1, step: 3 })));
    expect(points.map((p) => [p.run, p.step, p.batches])).toEqual([
      [0, 3, 3],
      [1, 3, 3],
      [2, 3, 3],
    ]);
  });

  it('splitRuns cuts a runs × n × classes output into one array per run', () => {
    const out = new Float32Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); // 2 runs × 3 images × 2 classes
    const into = [new Float32Array(8), new Float32Array(8)];
    splitRuns(out, 2, into, 2);
    expect(Array.from(into[0])).toEqual([0, 0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(into[1])).toEqual([0, 0, 7, 8, 9, 10, 11, 12]);
  });
});
