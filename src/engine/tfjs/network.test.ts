/**
 * The network choices beyond layer widths, on the one tfjs engine: each
 * activation and the input scaling against a float64 forward pass written
 * out by hand, and inverted dropout's direction, scale and replay.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../test-support/tf.ts';
import type { Architecture } from '../../model/architecture.ts';
import { initParams } from '../../model/init.ts';
import type { Activation } from '../../shared/network.ts';
import { MNIST_PIXEL_MEAN, MNIST_PIXEL_STD } from '../../shared/network.ts';
import { createTfjsEngine, createTfjsStackedEngine } from './create.ts';

const ACT: Record<Activation, (z: number) => number> = {
  relu: (z) => Math.max(0, z),
  'leaky-relu': (z) => (z > 0 ? z : 0.01 * z),
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
};

/** Log-probabilities of one input through dense layers (W as [in, out], row-major). */
function handForward(arch: Architecture, params: Float32Array[], x: number[]): number[] {
  let h = arch.inputScaling === 'standardised' ? x.map((v) => (v - MNIST_PIXEL_MEAN) / MNIST_PIXEL_STD) : x;
  const layers = params.length / 2;
  for (let l = 0; l < layers; l++) {
    const [W, b] = [params[2 * l], params[2 * l + 1]];
    const out = b.length;
    const z = Array.from(b, (bj, j) => h.reduce((acc, hi, i) => acc + hi * W[i * out + j], bj));
    h = l + 1 < layers ? z.map(ACT[arch.activation ?? 'relu']) : z;
  }
  const m = Math.max(...h);
  const lse = m + Math.log(h.reduce((a, v) => a + Math.exp(v - m), 0));
  return h.map((v) => v - lse);
}

describe.each(['cpu', 'wasm'] as const)('network choices on %s', (backend) => {
  let tf: Awaited<ReturnType<typeof useBackend>>;
  beforeAll(async () => {
    tf = await useBackend(backend);
  });

  const x = [0, 0.2, 0.9, 1, 0.5, 0.05];

  it.each(['relu', 'leaky-relu', 'tanh', 'sigmoid'] as const)('%s hidden layers give the hand-computed log-probabilities', async (activation) => {
    for (const inputScaling of ['unit', 'standardised'] as const) {
      const arch: Architecture = { sizes: [6, 5, 4, 3], activation, inputScaling };
      const params = initParams(arch, 'pytorch', 7);
      const engine = createTfjsEngine(arch, params);
      const got = await engine.predictLogProbs(Float32Array.from(x), 1);
      handForward(arch, params, x).forEach((v, k) => expect(got[k]).toBeCloseTo(v, 5));
      engine.dispose();
    }
  });

  it('activations really differ: the same weights give other outputs under tanh than under ReLU', async () => {
    const sizes = [6, 5, 3];
    const params = initParams({ sizes }, 'pytorch', 3);
    const out = async (activation: Activation) => {
      const e = createTfjsEngine({ sizes, activation }, params);
      const r = Array.from(await e.predictLogProbs(Float32Array.from(x), 1));
      e.dispose();
      return r;
    };
    expect(await out('tanh')).not.toEqual(await out('relu'));
  });

  describe('inverted dropout', () => {
    const arch: Architecture = { sizes: [6, 4, 3] };
    const params = initParams(arch, 'pytorch', 11);
    const xs = Float32Array.from([...x, ...x.map((v) => 1 - v)]);
    const ys = Int32Array.from([2, 0]);
    const lossOf = async (make: () => ReturnType<typeof createTfjsEngine>, dropout: number, u: number | null) => {
      const e = make();
      e.trainBatch(xs, ys, 2, { learningRate: 0, momentum: 0, dropout }, u === null ? undefined : [new Float32Array(2 * 4).fill(u)]);
      const [loss] = await e.flushLosses();
      e.dispose();
      return loss;
    };
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

    it('keeps a unit whose draw is at or above the rate, scaled by 1/(1 − p); drops it below', async () => {
      const make = () => createTfjsEngine(arch, params);
      // Every unit kept at p = 0.5: the hidden layer doubles, as if W2 were doubled.
      const doubled = params.map((p, i) => (i === 2 ? p.map((v) => 2 * v) : p));
      const keptAll = mean([0, 1].map((s) => -handForward(arch, doubled, Array.from(xs.subarray(6 * s, 6 * s + 6)))[ys[s]]));
      expect(await lossOf(make, 0.5, 0.75)).toBeCloseTo(keptAll, 5);
      // Every unit dropped: the output is the last bias alone.
      const noHidden = params.map((p, i) => (i === 2 ? p.map(() => 0) : p));
      const droppedAll = mean([0, 1].map((s) => -handForward(arch, noHidden, Array.from(xs.subarray(6 * s, 6 * s + 6)))[ys[s]]));
      expect(await lossOf(make, 0.5, 0.25)).toBeCloseTo(droppedAll, 5);
      // A rate of 0 drops nothing, whatever the draws.
      expect(await lossOf(make, 0, 0)).toBeCloseTo(await lossOf(make, 0, null), 6);
    });

    it('replays: the same draws give the same step; a stacked run with p = 0 beside p = 0.5 trains as without dropout', async () => {
      const big: Architecture = { sizes: [6, 8, 8, 3] };
      const init = initParams(big, 'pytorch', 5);
      const noise = [Float32Array.from({ length: 16 }, (_, i) => (i * 0.37) % 1), Float32Array.from({ length: 16 }, (_, i) => (i * 0.61) % 1)];
      const train = async (stacked: boolean) => {
        const before = tf.memory().numTensors;
        const e = createTfjsStackedEngine(big, init, 2);
        for (let s = 0; s < 3; s++)
          e.trainBatch(
            xs,
            ys,
            2,
            [
              { learningRate: 0.1, momentum: 0.5 },
              { learningRate: 0.1, momentum: 0.5, dropout: stacked ? 0.5 : 0 },
            ],
            noise,
          );
        const out = { losses: Array.from(await e.flushLosses()), p0: await e.getParams(0), p1: await e.getParams(1) };
        e.dispose();
        expect(tf.memory().numTensors).toBe(before);
        return out;
      };
      const a = await train(true);
      const b = await train(true);
      expect(a.losses).toEqual(b.losses);
      const plain = await train(false);
      // Run 0 (no dropout) is the same in both; run 1 differs once it drops.
      expect(Array.from(a.p0[0])).toEqual(Array.from(plain.p0[0]));
      expect(Array.from(a.p1[0])).not.toEqual(Array.from(plain.p1[0]));
    });
  });

  it('setParams replaces one run of a stack, the others untouched', async () => {
    const arch: Architecture = { sizes: [6, 5, 3] };
    const a = initParams(arch, 'pytorch', 1);
    const b = initParams(arch, 'pytorch', 2);
    for (const r of [0, 1, 2]) {
      const e = createTfjsStackedEngine(arch, a, 3);
      e.setParams(r, b);
      for (const k of [0, 1, 2]) {
        const got = await e.getParams(k);
        got.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from((k === r ? b : a)[i])));
      }
      e.dispose();
    }
  });
});
