/**
 * One run's step on two threads (team.ts) gives the single thread's numbers
 * to the bit: each product is cut by columns (or rows, or pixel groups), so
 * every sum is the same sum in the same order. First with the helper's
 * instance called in this thread (every split, its arguments through the
 * control block), then on a real helper thread; and a helper that fails or
 * never answers stops the step with a TeamError instead of hanging it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { range } from '../../data/dataset.ts';
import type { Architecture } from '../../model/architecture.ts';
import { ANN_MNIST } from '../../model/architecture.ts';
import { initParams } from '../../model/init.ts';
import type { OptimizerSpec, StepHyper } from '../../shared/optimizer.ts';
import { engineResults } from '../../test-support/engineResults.ts';
import { readMnist } from '../../test-support/mnist.ts';
import { compiledSimd } from '../../test-support/simd.ts';
import { type TeamThread, teamThread } from '../../test-support/teamThread.ts';
import { BatchSource } from '../../train/batches.ts';
import type { RaceEngine } from '../race.ts';
import type { SimdLevel } from './create.ts';
import { simdEngines, threadedSimdEngines } from './create.ts';
import { instantiateKernels } from './kernels.ts';
import { CONTROL_BYTES, TeamError, inlineTeam, leadTeam } from './team.ts';

const LEVELS: readonly SimdLevel[] = ['relaxed-simd', 'simd'];
const STEPS = 12;

/** `steps` batches of 64 (pixels, or floats for standardised inputs), dropout draws where the rate asks; losses, weights and predictions. */
async function train(engine: RaceEngine, hyper: StepHyper, steps = STEPS) {
  const source = new BatchSource({ train: readMnist().train, indices: range(steps * 64), batchSize: 64, seed: 1 });
  const unit = engine.arch.inputScaling !== 'standardised';
  for (let b = 0; b < steps; b++) {
    const n = source.fill(1, b);
    const noise = hyper.dropout ? source.dropoutNoise(b, n, engine.arch.sizes.slice(1, -1)) : undefined;
    if (unit) engine.trainPixels!(source.pixels!, source.y, n, [hyper], noise);
    else engine.trainBatch(source.x, source.y, n, [hyper], noise);
  }
  return engineResults(engine, 0, 300);
}

const SETTINGS: [string, Architecture, OptimizerSpec, StepHyper][] = [
  ['the preset (zero pixels skipped), SGD with momentum', ANN_MNIST, { kind: 'sgd' }, { learningRate: 0.05, momentum: 0.9 }],
  ['Adam with weight decay and dropout', ANN_MNIST, { kind: 'adamw' }, { learningRate: 1e-3, momentum: 0, weightDecay: 0.01, dropout: 0.2 }],
  [
    'standardised inputs (the dense products), RMSprop',
    { ...ANN_MNIST, inputScaling: 'standardised' },
    { kind: 'rmsprop' },
    { learningRate: 1e-3, momentum: 0.5 },
  ],
];

describe.each(LEVELS)('one run on two threads, %s build', (level) => {
  const module = compiledSimd(level, true);
  const one = simdEngines(compiledSimd(level), level);
  /** Jobs the inline helper was given: every step must have split its products. */
  let jobs = 0;
  const inline = threadedSimdEngines(module, level, (m, memory) => {
    const team = inlineTeam(instantiateKernels(m, memory));
    return {
      ...team,
      split: (theirs, mine) => {
        jobs++;
        team.split(theirs, mine);
      },
    };
  });

  it.each(SETTINGS)('gives the single thread’s numbers to the bit: %s', async (_, arch, optimizer, hyper) => {
    const params = initParams(arch, 'pytorch', 3);
    const alone = await train(one.createRaceEngine(arch, params, 1, optimizer), hyper);
    jobs = 0;
    const split = await train(inline.createRaceEngine(arch, params, 1, optimizer), hyper);
    expect(inline.threads).toBe(2);
    // Per step: both hidden layers' forward products, both backward products of layers 2 and 3, layer 1's gradient.
    expect(jobs).toBeGreaterThanOrEqual(5 * STEPS);
    expect(split.losses).toEqual(alone.losses);
    expect(split.params).toEqual(alone.params);
    expect(split.logProbs).toEqual(alone.logProbs);
    // And it learnt: the numbers compared are a run's, not zeros.
    expect(alone.losses.at(-1)).toBeLessThan(alone.losses[0]);
  });
});

describe('a helper on its own thread', () => {
  let thread: TeamThread | null = null;
  afterEach(async () => {
    await thread?.close();
    thread = null;
  });

  it('trains to the single thread’s numbers, and goes back to wait for the next engine once disposed', async () => {
    thread = teamThread();
    const live = thread;
    const module = compiledSimd('relaxed-simd', true);
    const threaded = threadedSimdEngines(module, 'relaxed-simd', (m, memory) => live.team(m, memory));
    const params = initParams(ANN_MNIST, 'pytorch', 4);
    const hyper = { learningRate: 0.01, momentum: 0.5 };
    const alone = await train(simdEngines(compiledSimd('relaxed-simd'), 'relaxed-simd').createRaceEngine(ANN_MNIST, params, 1), hyper, 30);
    expect(await train(threaded.createRaceEngine(ANN_MNIST, params, 1), hyper, 30)).toEqual(alone);
    await live.released(1);
    // The same helper serves a second engine, on a new memory.
    expect(await train(threaded.createRaceEngine(ANN_MNIST, params, 1), hyper, 30)).toEqual(alone);
    await live.released(2);
  });

  it('whose kernel fails stops the step with a TeamError, not a hang', () => {
    thread = teamThread();
    const live = thread;
    const threaded = threadedSimdEngines(compiledSimd('simd', true), 'simd', (m, memory) => live.team(m, memory, { kernelThrows: true, timeoutMs: 60_000 }));
    const engine = threaded.createRaceEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 4), 1);
    const { train: set } = readMnist();
    const source = new BatchSource({ train: set, indices: range(64), batchSize: 64, seed: 1 });
    source.fill(1, 0);
    expect(() => engine.trainPixels!(source.pixels!, source.y, 64, [{ learningRate: 0.01, momentum: 0 }])).toThrow(/the helper thread failed/);
    engine.dispose();
  });

  it('that never answers stops the step with a TeamError after the timeout', () => {
    // No helper at all serves this control block.
    const team = leadTeam(new SharedArrayBuffer(CONTROL_BYTES), undefined, 50);
    let mine = false;
    expect(() => team.split([['gemmRows', 0, 8, 0, 8, 0, 8, 1, 1, 8, 0]], () => (mine = true))).toThrow(/did not answer in 50 ms/);
    expect(mine).toBe(true);
    team.dispose();
    expect(() => team.split([], () => {})).toThrow(TeamError);
  });
});
