/**
 * A comparison split over two engines, one of them in a "helper" (the engine
 * server over a MessageChannel, in this thread), trains to the very numbers
 * of one stacked engine of all the runs: losses, frozen runs, dropout from
 * the same draws, weights and predictions. And a helper's failure reaches
 * the caller.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { range } from '../../data/dataset.ts';
import type { StepHyper } from '../../engine/engine.ts';
import type { RaceEngine } from '../../engine/race.ts';
import { SplitRaceEngine } from '../../engine/split.ts';
import type { SimdEngines } from '../../engine/wasm/create.ts';
import { ANN_MNIST } from '../../model/architecture.ts';
import { initParams } from '../../model/init.ts';
import { engineResults } from '../../test-support/engineResults.ts';
import { readMnist } from '../../test-support/mnist.ts';
import { simdEnginesOf } from '../../test-support/simd.ts';
import { BatchSource } from '../../train/batches.ts';
import { attachEngineServer } from './engineServer.ts';
import { RemoteRaceEngine } from './remoteEngine.ts';

const simd = simdEnginesOf('relaxed-simd');
const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});

/** A remote engine of `runs` runs whose server runs in this thread over a MessageChannel; `engines` makes its engine. */
function remote(runs: number, engines: SimdEngines = simd): RaceEngine {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  attachEngineServer(port2, async () => engines);
  return new RemoteRaceEngine(port1, {
    build: 'relaxed-simd',
    arch: ANN_MNIST,
    params: initParams(ANN_MNIST, 'pytorch', 1),
    runs,
    optimizer: { kind: 'adam' },
  });
}

const HYPERS: StepHyper[] = [1e-3, 3e-3, 1e-2, 3e-2].map((learningRate, r) => ({ learningRate, momentum: 0, dropout: r === 1 ? 0.3 : 0 }));

/**
 * 30 steps of 4 runs, run 2 frozen after step 10; the losses, run 3's
 * weights and predictions on 200 images. `fromPixels`: each batch as its
 * uint8 pixels (trainPixels) rather than floats.
 */
async function train(engine: RaceEngine, fromPixels = false) {
  const source = new BatchSource({ train: readMnist().train, indices: range(30 * 64), batchSize: 64, seed: 1 });
  for (let b = 0; b < 30; b++) {
    if (b === 10) engine.setActive(2, false);
    const n = source.fill(1, b);
    const noise = source.dropoutNoise(b, n, [128, 64]);
    if (fromPixels) engine.trainPixels!(source.pixels!, source.y, n, HYPERS, noise);
    else engine.trainBatch(source.x, source.y, n, HYPERS, noise);
  }
  return engineResults(engine, 3, 200);
}

describe('a comparison split between this worker and a helper', () => {
  it.each([
    [2, 2, 'floats'],
    [1, 3, 'floats'],
    [2, 2, 'pixels'],
  ])('trains to the very numbers of one stacked engine of all its runs (%i here, %i in the helper, batches as %s)', async (here, there, batches) => {
    const params = initParams(ANN_MNIST, 'pytorch', 1);
    const whole = await train(simd.createRaceEngine(ANN_MNIST, params, 4, { kind: 'adam' }));
    const split = new SplitRaceEngine([simd.createRaceEngine(ANN_MNIST, params, here, { kind: 'adam' }), remote(there)]);
    expect(split.runs).toBe(4);
    expect(split.isActive(2)).toBe(true);
    const parts = await train(split, batches === 'pixels');
    expect(parts.losses).toEqual(whole.losses);
    expect(parts.params).toEqual(whole.params);
    expect(parts.logProbs).toEqual(whole.logProbs);
    // The frozen run's loss stopped moving the weights; the others learnt.
    expect(whole.losses.length).toBe(30 * 4);
    expect(whole.losses[29 * 4 + 3]).toBeLessThan(whole.losses[3]);
  });

  it('takes pixels only where every part does', () => {
    const params = initParams(ANN_MNIST, 'pytorch', 1);
    const parts = [simd.createRaceEngine(ANN_MNIST, params, 1), remote(1)];
    expect(new SplitRaceEngine(parts).trainPixels).toBeTypeOf('function');
    // A part without it (as tfjs's engines are): the split engine has none, and the core sends it floats.
    const floatsOnly = Object.assign(simd.createRaceEngine(ANN_MNIST, params, 1), { trainPixels: undefined });
    expect(new SplitRaceEngine([floatsOnly, parts[1]]).trainPixels).toBeUndefined();
    for (const p of [...parts, floatsOnly]) p.dispose();
  });

  it('hands a failure in the helper to the next call that waits for it', async () => {
    const broken: SimdEngines = {
      ...simd,
      createRaceEngine: (...args) => {
        const e = simd.createRaceEngine(...args);
        e.trainBatch = () => {
          throw new Error('memory access out of bounds');
        };
        return e;
      },
    };
    const engine = remote(1, broken);
    engine.trainBatch(new Float32Array(784), new Int32Array(1), 1, [{ learningRate: 0.1, momentum: 0 }]);
    await expect(engine.flushLosses()).rejects.toThrow('memory access out of bounds');
    // Reported once: the engine answers again afterwards.
    expect(await engine.flushLosses()).toEqual(new Float32Array(0));
    const pending = engine.getParams(0);
    engine.dispose();
    await expect(pending).rejects.toThrow(/disposed/);
    expect(() => engine.trainBatch(new Float32Array(784), new Int32Array(1), 1, [{ learningRate: 0.1, momentum: 0 }])).toThrow(/disposed/);
  });
});
