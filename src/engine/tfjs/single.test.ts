import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../test-support/tf.ts';
import { readMnist } from '../../test-support/mnist.ts';
import { ANN_MNIST } from '../../model/architecture.ts';
import { initParams } from '../../model/init.ts';
import { IMAGE_SIZE, fillBatch, range } from '../../data/dataset.ts';
import { createTfjsEngine } from './create.ts';

let tf: Awaited<ReturnType<typeof useBackend>>;

/** Reference: one dense layer + log-softmax + mean NLL, gradients by hand, in float64. */
function handStep(W: number[][], b: number[], xs: number[][], ys: number[], v: { W: number[][]; b: number[] }, lr: number, mu: number) {
  const n = xs.length;
  const gW = W.map((r) => r.map(() => 0));
  const gb = b.map(() => 0);
  let loss = 0;
  xs.forEach((x, s) => {
    const z = b.map((bj, j) => bj + x.reduce((acc, xi, i) => acc + xi * W[i][j], 0));
    const m = Math.max(...z);
    const lse = m + Math.log(z.reduce((acc, zj) => acc + Math.exp(zj - m), 0));
    loss += -(z[ys[s]] - lse) / n;
    z.forEach((zj, j) => {
      const d = (Math.exp(zj - lse) - (j === ys[s] ? 1 : 0)) / n; // dL/dz_j
      gb[j] += d;
      x.forEach((xi, i) => (gW[i][j] += xi * d));
    });
  });
  // PyTorch SGD: v = μv + g; w -= lr·v
  v.W = v.W.map((r, i) => r.map((vij, j) => mu * vij + gW[i][j]));
  v.b = v.b.map((vj, j) => mu * vj + gb[j]);
  return { loss, W: W.map((r, i) => r.map((w, j) => w - lr * v.W[i][j])), b: b.map((bj, j) => bj - lr * v.b[j]) };
}

// wasm runs other product forms than cpu (products.ts): both must train the same network.
describe.each(['cpu', 'wasm'] as const)('a single run on the tfjs engine, %s', (backend) => {
  beforeAll(async () => {
    tf = await useBackend(backend);
  });

  it('two SGD-momentum steps match a hand-computed update on a tiny network', async () => {
    const arch = { sizes: [3, 2] };
    let W = [
      [0.1, -0.2],
      [0.3, 0.05],
      [-0.4, 0.2],
    ];
    let b = [0.01, -0.02];
    const xs = [
      [1, 2, 0.5],
      [0.2, -1, 0.3],
    ];
    const ys = [0, 1];
    const engine = createTfjsEngine(arch, [new Float32Array(W.flat()), new Float32Array(b)]);
    const v = { W: W.map((r) => r.map(() => 0)), b: [0, 0] };
    const hyper = { learningRate: 0.5, momentum: 0.9 };
    const losses: number[] = [];
    for (let step = 0; step < 2; step++) {
      engine.trainBatch(new Float32Array(xs.flat()), new Int32Array(ys), 2, hyper);
      const r = handStep(W, b, xs, ys, v, hyper.learningRate, hyper.momentum);
      losses.push(r.loss);
      W = r.W;
      b = r.b;
    }
    const got = await engine.getParams();
    Array.from(got[0]).forEach((w, k) => expect(w).toBeCloseTo(W.flat()[k], 5));
    Array.from(got[1]).forEach((w, k) => expect(w).toBeCloseTo(b[k], 5));
    const readLosses = await engine.flushLosses();
    expect(readLosses.length).toBe(2);
    expect(readLosses[0]).toBeCloseTo(losses[0], 5);
    expect(readLosses[1]).toBeCloseTo(losses[1], 5);
    engine.dispose();
  });

  it('a momentum change takes effect on the very next step, keeping the velocity', async () => {
    const arch = { sizes: [2, 2] };
    const init = [new Float32Array([0.5, -0.5, 0.25, 0.1]), new Float32Array([0, 0])];
    const x = new Float32Array([1, -1]);
    const y = new Int32Array([1]);
    const run = async (mu2: number) => {
      const e = createTfjsEngine(arch, init);
      e.trainBatch(x, y, 1, { learningRate: 0.1, momentum: 0.5 });
      e.trainBatch(x, y, 1, { learningRate: 0.1, momentum: mu2 });
      const p = await e.getParams();
      e.dispose();
      return p[0];
    };
    const a = await run(0.5);
    const b = await run(0.9);
    const c = await run(0);
    expect(Array.from(a)).not.toEqual(Array.from(b));
    // With μ = 0 the second step is plain SGD: the first step's velocity no longer counts.
    expect(Array.from(c)).not.toEqual(Array.from(a));
  });

  it('learns MNIST: the loss falls over 200 batches (preset network, lr 0.05)', async () => {
    const { train } = readMnist();
    const engine = createTfjsEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 1));
    const x = new Float32Array(64 * IMAGE_SIZE);
    const y = new Int32Array(64);
    const idx = range(200 * 64);
    const all: number[] = [];
    for (let b = 0; b < 200; b++) {
      fillBatch(train, idx, b * 64, 64, x, y);
      engine.trainBatch(x, y, 64, { learningRate: 0.05, momentum: 0.5 });
      if (b % 50 === 49) all.push(...(await engine.flushLosses()));
    }
    const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
    const first = mean(all.slice(0, 20));
    const last = mean(all.slice(-50));
    expect(first).toBeGreaterThan(2.0); // ≈ ln 10 at the start
    expect(last).toBeLessThan(first * 0.4);
    engine.dispose();
  });

  it('holds a flat number of tensors across batches and frees them all on dispose', async () => {
    const base = tf.memory().numTensors;
    const engine = createTfjsEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 2));
    const x = new Float32Array(64 * IMAGE_SIZE).fill(0.5);
    const y = new Int32Array(64).fill(3);
    const hyper = { learningRate: 0.01, momentum: 0.5 };
    engine.trainBatch(x, y, 64, hyper);
    await engine.flushLosses();
    const afterOne = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) {
      engine.trainBatch(x, y, 64, { ...hyper, learningRate: i % 2 ? 0.01 : 0.02 });
      if (i % 10 === 9) await engine.flushLosses();
    }
    await engine.predictLogProbs(x, 64);
    expect(tf.memory().numTensors).toBe(afterOne);
    engine.dispose();
    expect(tf.memory().numTensors).toBe(base);
  });
});
