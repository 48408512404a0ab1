/**
 * The SIMD engine as a RaceEngine: weights in and out, predictions (in
 * chunks, against tfjs), frozen runs, its memory staying flat, and what it
 * refuses. Its training numbers are checked in contract.test.ts and
 * optimizers.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_SIZE, fillBatch, gatherPixels, range } from '../../data/dataset.ts';
import type { Architecture } from '../../model/architecture.ts';
import { ANN_MNIST, paramShapes } from '../../model/architecture.ts';
import { initParams } from '../../model/init.ts';
import { readMnist } from '../../test-support/mnist.ts';
import { useBackend } from '../../test-support/tf.ts';
import { createTfjsStackedEngine } from '../tfjs/create.ts';
import type { SimdLevel } from './create.ts';
import { simdEngines, simdModuleUrl, simdSupport } from './create.ts';
import { instantiateKernels } from './kernels.ts';
import { WasmRaceEngine } from './raceEngine.ts';

setFlagsFromString('--experimental-wasm-relaxed-simd');
const compiled = (level: SimdLevel) => new WebAssembly.Module(readFileSync(fileURLToPath(simdModuleUrl(level))));
const module = compiled('relaxed-simd');
const engines = simdEngines(module, 'relaxed-simd');

/** `count` MNIST training images from `start`, as one batch. */
function images(start: number, count: number): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(count * IMAGE_SIZE);
  const y = new Int32Array(count);
  fillBatch(readMnist().train, range(start + count), start, count, x, y);
  return { x, y };
}

function worstRelative(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i])));
  return worst;
}

const sizes = (arch: Architecture) => paramShapes(arch).map((s) => s.reduce((a, b) => a * b));

describe('the SIMD engine as a RaceEngine', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('finds relaxed SIMD in this Node (its flag is set above) and compiles both builds', () => {
    expect(simdSupport()).toBe('relaxed-simd');
    for (const level of ['relaxed-simd', 'simd'] as const) {
      const m = compiled(level);
      // Self-contained: no imports to provide, one memory of its own.
      expect(WebAssembly.Module.imports(m)).toEqual([]);
      expect(WebAssembly.Module.exports(m).map((e) => e.name)).toContain('gemmRows');
    }
  });

  it('hands back the weights it was given, per run, and setParams replaces one run only', async () => {
    const arch: Architecture = { sizes: [6, 5, 4, 3] };
    const a = initParams(arch, 'pytorch', 1);
    const b = initParams(arch, 'pytorch', 2);
    for (const r of [0, 1, 2]) {
      const e = engines.createRaceEngine(arch, a, 3);
      e.setParams(r, b);
      for (const k of [0, 1, 2]) {
        const got = await e.getParams(k);
        expect(got.map((p) => p.length)).toEqual(sizes(arch));
        got.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from((k === r ? b : a)[i])));
      }
      e.dispose();
    }
  });

  it('predicts what tfjs predicts from the same weights, every run, in chunks past its batch buffers', async () => {
    const arch: Architecture = { ...ANN_MNIST, inputScaling: 'standardised' };
    const init = initParams(arch, 'pytorch', 3);
    const other = initParams(arch, 'pytorch', 4);
    // 600 images: more than the 256 rows the engine's buffers hold at first.
    const { x } = images(0, 600);
    const simd = engines.createRaceEngine(arch, init, 2);
    const tfjs = createTfjsStackedEngine(arch, init, 2);
    simd.setParams(1, other);
    tfjs.setParams(1, other);
    const [got, want] = [await simd.predictLogProbs(x, 600), await tfjs.predictLogProbs(x, 600)];
    expect(got).toHaveLength(2 * 600 * 10);
    expect(worstRelative(got, want)).toBeLessThan(1e-5);
    // The two runs really differ, so the layout R × n × classes is checked, not just repeated.
    expect(worstRelative(got.subarray(0, 6000), got.subarray(6000))).toBeGreaterThan(1e-3);
    simd.dispose();
    tfjs.dispose();
  });

  it('freezes a run exactly, skips it (NaN for its loss), and trains the other as if alone', async () => {
    const init = initParams(ANN_MNIST, 'pytorch', 5);
    const hyper = { learningRate: 0.05, momentum: 0.9 };
    const stack = engines.createRaceEngine(ANN_MNIST, init, 2);
    const alone = engines.createEngine(ANN_MNIST, init);
    const batches = Array.from({ length: 8 }, (_, b) => images(64 * b, 64));
    batches.slice(0, 3).forEach(({ x, y }) => {
      stack.trainBatch(x, y, 64, [hyper, hyper]);
      alone.trainBatch(x, y, 64, hyper);
    });
    stack.setActive(0, false);
    expect(stack.isActive(0)).toBe(false);
    const frozen = await stack.getParams(0);
    batches.slice(3).forEach(({ x, y }) => {
      stack.trainBatch(x, y, 64, [{ learningRate: 1, momentum: 0.9 }, hyper]);
      alone.trainBatch(x, y, 64, hyper);
    });
    const losses = await stack.flushLosses();
    expect(losses).toHaveLength(8 * 2);
    (await stack.getParams(0)).forEach((p, i) => p.forEach((w, k) => expect(Object.is(w, frozen[i][k])).toBe(true)));
    // Its losses until the freeze are real; after it, the run takes no pass at all.
    expect(
      Array.from(losses)
        .filter((_, i) => i % 2 === 0)
        .map(Number.isNaN),
    ).toEqual([false, false, false, true, true, true, true, true]);
    // Run 1 is the run trained alone, to the last bit: the runs share nothing but the batch.
    const soloLosses = await alone.flushLosses();
    expect(Array.from(losses).filter((_, i) => i % 2 === 1)).toEqual(Array.from(soloLosses));
    const [raced, solo] = [await stack.getParams(1), await alone.getParams()];
    raced.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(solo[i])));
    stack.dispose();
    alone.dispose();
  });

  it('keeps NaN weights of a frozen run away from the others', async () => {
    const arch: Architecture = { sizes: [4, 3] };
    const init = [new Float32Array(12).map((_, i) => (i % 5) * 0.1 - 0.2), new Float32Array(3)];
    const x = new Float32Array([1, 0.5, -1, 2]);
    const y = new Int32Array([2]);
    const good = { learningRate: 0.1, momentum: 0.9 };
    const stack = engines.createRaceEngine(arch, init, 2);
    for (let i = 0; i < 6; i++) stack.trainBatch(x, y, 1, [good, { learningRate: 1e38, momentum: 0.9 }]);
    expect((await stack.getParams(1))[0].some((w) => !Number.isFinite(w))).toBe(true);
    stack.setActive(1, false);
    for (let i = 0; i < 6; i++) stack.trainBatch(x, y, 1, [good, good]);
    const solo = engines.createEngine(arch, init);
    for (let i = 0; i < 12; i++) solo.trainBatch(x, y, 1, good);
    const [expected, got] = [await solo.getParams(), await stack.getParams(0)];
    got.forEach((p, i) => expect(Array.from(p)).toEqual(Array.from(expected[i])));
    expect((await stack.flushLosses()).filter((_, i) => i % 2 === 0).every(Number.isFinite)).toBe(true);
    // Resumed, the run takes its steps again (a frozen run is never resumed mid-race, but the engine allows it).
    stack.setActive(1, true);
    stack.trainBatch(x, y, 1, [good, good]);
    expect(Number.isNaN((await stack.flushLosses())[1])).toBe(true);
    stack.dispose();
    solo.dispose();
  });

  it('allocates nothing per batch: its memory stays the same size, and grows once for a larger batch', async () => {
    const engine = new WasmRaceEngine(module, 'relaxed-simd', ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 6), 3, { kind: 'adam' });
    const { x, y } = images(0, 512);
    const noise = [new Float32Array(512 * 128).fill(0.5), new Float32Array(512 * 64).fill(0.5)];
    const hyper = { learningRate: 1e-3, momentum: 0, dropout: 0.2 };
    engine.trainBatch(x, y, 64, [hyper, hyper, hyper], noise);
    const bytes = engine.memoryBytes;
    for (let b = 0; b < 20; b++) engine.trainBatch(x, y, 64, [hyper, { ...hyper, learningRate: b * 1e-4 }, hyper], noise);
    await engine.predictLogProbs(x, 512);
    await engine.flushLosses();
    expect(engine.memoryBytes).toBe(bytes);
    engine.trainBatch(x, y, 512, [hyper, hyper, hyper], noise);
    const grown = engine.memoryBytes;
    expect(grown).toBeGreaterThan(bytes);
    for (let b = 0; b < 5; b++) engine.trainBatch(x, y, b % 2 ? 512 : 64, [hyper, hyper, hyper], noise);
    expect(engine.memoryBytes).toBe(grown);
    expect(engine.liveTensors()).toBe(0);
    engine.dispose();
  });

  it('refuses what it cannot do, and anything after dispose', async () => {
    const arch: Architecture = { sizes: [6, 5, 3] };
    const e = engines.createRaceEngine(arch, initParams(arch, 'pytorch', 1), 2);
    const x = new Float32Array(12);
    const y = new Int32Array(2);
    const h = { learningRate: 0.1, momentum: 0 };
    expect(() => e.trainBatch(x, y, 2, [h])).toThrow(/2 hyperparameter sets/);
    expect(() => e.trainBatch(x, y, 2, [h, { ...h, dropout: 0.5 }])).toThrow(/dropout needs/);
    expect(() => e.trainBatch(x, y, 3, [h, h])).toThrow(/input values/);
    expect(() => e.setParams(2, [])).toThrow(RangeError);
    expect(() => engines.createRaceEngine(arch, [], 1)).toThrow(/parameter arrays/);
    e.dispose();
    expect(() => e.trainBatch(x, y, 2, [h, h])).toThrow(/disposed/);
    await expect(e.getParams(0)).rejects.toThrow(/disposed/);
  });
});

describe('the first layer without its zero inputs', () => {
  beforeAll(async () => {
    await useBackend('wasm');
  });

  it('trains as tfjs does on mostly-zero inputs, with pixels and a row left over from their groups, and a tile of 8 after the 16s', async () => {
    // 11 inputs (2 groups of 4 pixels and 3 more), batches of 7 (3 pairs of rows and 1 more), 24 hidden units
    // (a forward tile of 16 columns and one of 8); nine inputs in ten are 0, so both packed products are taken.
    const arch: Architecture = { sizes: [11, 24, 3] };
    const init = initParams(arch, 'pytorch', 9);
    const n = 7;
    const data = Array.from({ length: 12 }, (_, b) => {
      const x = Float32Array.from({ length: n * 11 }, (_, i) => ((i * 7 + b * 3) % 10 === 0 ? ((i * 37 + b) % 17) / 17 + 0.1 : 0));
      // A label the inputs tell: where a row's first lit pixel is (mod 3).
      const y = Int32Array.from(
        { length: n },
        (_, r) =>
          Math.max(
            0,
            x.subarray(r * 11, (r + 1) * 11).findIndex((v) => v !== 0),
          ) % 3,
      );
      return { x, y };
    });
    const hyper = [{ learningRate: 0.3, momentum: 0.9 }];
    const tfjs = createTfjsStackedEngine(arch, init, 1);
    data.forEach(({ x, y }) => tfjs.trainBatch(x, y, n, hyper));
    const want = { losses: await tfjs.flushLosses(), params: await tfjs.getParams(0), logProbs: await tfjs.predictLogProbs(data[0].x, n) };
    tfjs.dispose();
    for (const level of ['relaxed-simd', 'simd'] as const) {
      const e = simdEngines(compiled(level), level).createRaceEngine(arch, init, 1);
      data.forEach(({ x, y }) => e.trainBatch(x, y, n, hyper));
      expect(worstRelative(await e.flushLosses(), want.losses)).toBeLessThan(1e-5);
      (await e.getParams(0)).forEach((p, i) => expect(worstRelative(p, want.params[i])).toBeLessThan(1e-5));
      expect(worstRelative(await e.predictLogProbs(data[0].x, n), want.logProbs)).toBeLessThan(1e-5);
      e.dispose();
    }
    // It learnt something, so the comparison is of a network that moves.
    expect(want.losses[want.losses.length - 1]).toBeLessThan(want.losses[0]);
  });
});

describe('a batch from its uint8 pixels (trainPixels)', () => {
  it('scales every byte to the float fillBatch makes of it, pixel / 255, in both builds', () => {
    // 263 bytes: every value, then 7 more past the last whole vector of 16.
    const bytes = Uint8Array.from({ length: 263 }, (_, i) => (i < 256 ? i : (i * 53) % 256));
    const want = Float32Array.from(bytes, (v) => v / 255);
    for (const level of ['relaxed-simd', 'simd'] as const) {
      const k = instantiateKernels(compiled(level));
      const at = k.heapBase() + 64;
      new Uint8Array(k.memory.buffer, at, bytes.length).set(bytes);
      k.unitPixels(at + 1024, at, bytes.length);
      expect(new Float32Array(k.memory.buffer, at + 1024, bytes.length)).toEqual(want);
    }
  });

  it('trains to the very losses and weights of trainBatch on the same images as floats, unit-scaled and standardised', async () => {
    const { train } = readMnist();
    const n = 61;
    const batches = Array.from({ length: 8 }, (_, b) => {
      const order = range(8 * n);
      const x = new Float32Array(n * IMAGE_SIZE);
      const pixels = new Uint8Array(n * IMAGE_SIZE);
      const y = new Int32Array(n);
      fillBatch(train, order, b * n, n, x, y);
      gatherPixels(train, order, b * n, n, pixels, new Int32Array(n));
      return { x, pixels, y };
    });
    const hypers = [
      { learningRate: 0.05, momentum: 0.5 },
      { learningRate: 0.01, momentum: 0.9 },
    ];
    for (const inputScaling of ['unit', 'standardised'] as const) {
      const arch: Architecture = { ...ANN_MNIST, inputScaling };
      const init = initParams(arch, 'pytorch', 4);
      const floats = engines.createRaceEngine(arch, init, 2);
      const bytes = engines.createRaceEngine(arch, init, 2);
      for (const { x, pixels, y } of batches) {
        floats.trainBatch(x, y, n, hypers);
        bytes.trainPixels!(pixels, y, n, hypers);
      }
      const losses = await bytes.flushLosses();
      expect(losses).toEqual(await floats.flushLosses());
      expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
      for (const r of [0, 1]) expect(await bytes.getParams(r)).toEqual(await floats.getParams(r));
      floats.dispose();
      bytes.dispose();
    }
  });
});
