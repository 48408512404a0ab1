import { describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { trainLoop } from './loop.ts';

/** An engine that reports a scripted loss per batch, for testing the loop's own rules. */
function scriptedEngine(losses: number[]): Engine {
  let next = 0;
  let pending: number[] = [];
  return {
    backend: 'fake',
    arch: { sizes: [784, 10] },
    optimizer: { kind: 'sgd' },
    getParams: async () => [],
    setParams() {},
    trainBatch() {
      pending.push(losses[Math.min(next++, losses.length - 1)]);
    },
    flushLosses: async () => {
      const out = Float32Array.from(pending);
      pending = [];
      return out;
    },
    predictLogProbs: async (_x, n) => new Float32Array(n * 10).fill(Math.log(0.1)),
    liveTensors: () => 0,
    dispose() {},
  };
}

const data = (n: number) => ({
  train: { images: new Uint8Array(n * 784), labels: new Uint8Array(n), count: n },
  trainIndices: Int32Array.from({ length: n - 10 }, (_, i) => i),
  validationIndices: Int32Array.from({ length: 10 }, (_, i) => n - 10 + i),
});
const control = { hyper: () => ({ learningRate: 10, momentum: 0.5 }), stopRequested: () => false, whilePaused: async () => {} };

describe('trainLoop divergence', () => {
  it('catches a blow-up inside one readback group (WebGL reads many batches at once)', async () => {
    // Learning rate 10 on this network: 2.3, then ~10¹⁰ within a few batches, then dead ReLUs at chance, finite forever.
    const script = [2.31, 2.34, 19.4, 3.97e4, 2.31e6, 1.66e10, 7.22e8, 11.7, ...Array(200).fill(2.35)];
    const outcome = await trainLoop(scriptedEngine(script), data(64 * 20 + 10), { epochs: 1, batchSize: 64, seed: 1, flushIntervalMs: 60_000 }, control);
    expect(outcome).toMatchObject({ kind: 'diverged', loss: expect.closeTo(19.4, 3) });
  });

  it('does not call ordinary noise divergence', async () => {
    const script = Array.from({ length: 40 }, (_, i) => 2.3 * Math.exp(-i / 8) + 0.05 + (i % 3) * 0.05);
    const outcome = await trainLoop(scriptedEngine(script), data(64 * 20 + 10), { epochs: 2, batchSize: 64, seed: 1, flushIntervalMs: 0 }, control);
    expect(outcome).toEqual({ kind: 'completed', epochs: 2 });
  });
});
