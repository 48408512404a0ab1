/**
 * The start-up probe's timing and choice, on injected times: a fake engine
 * whose every step and readback moves a fake clock by a set amount.
 */
import { describe, expect, it } from 'vitest';
import { ANN_MNIST } from '../model/architecture.ts';
import { fastest, probeBatch, timeSteps } from './probe.ts';
import type { RaceEngine } from './race.ts';

/** An engine of one run whose step costs `stepMs` and whose readback costs `flushMs` on `clock`; it counts its steps. */
function timedEngine(clock: { t: number }, stepMs: number, flushMs = 0) {
  const calls = { steps: 0, flushes: 0 };
  const engine = {
    runs: 1,
    trainBatch: () => {
      calls.steps++;
      clock.t += stepMs;
    },
    flushLosses: async () => {
      calls.flushes++;
      clock.t += flushMs;
      return new Float32Array(0);
    },
  } as unknown as RaceEngine;
  return { engine, calls };
}

describe('timing an engine', () => {
  const options = { warmSteps: 2, minSteps: 2, maxSteps: 12, budgetMs: 60 };

  it('leaves the warm-up out and counts the closing readback, as a GPU queue must be', async () => {
    const clock = { t: 0 };
    const { engine, calls } = timedEngine(clock, 5, 10);
    const ms = await timeSteps(engine, probeBatch(ANN_MNIST, 4), options, () => clock.t);
    // 12 timed steps fit in 60 ms (the 12th starts at 55 ms): 12 × 5 ms + one 10 ms readback.
    expect(calls.steps).toBe(2 + 12);
    expect(calls.flushes).toBe(2);
    expect(ms).toBeCloseTo((12 * 5 + 10) / 12, 9);
  });

  it('takes at least minSteps on a slow engine, and no more than the budget allows', async () => {
    const clock = { t: 0 };
    const { engine, calls } = timedEngine(clock, 50);
    expect(await timeSteps(engine, probeBatch(ANN_MNIST, 4), options, () => clock.t)).toBe(50);
    expect(calls.steps - options.warmSteps).toBe(2);
  });

  it('trains every run of a stacked engine', async () => {
    const hypers: number[] = [];
    const engine = {
      runs: 3,
      trainBatch: (_x: Float32Array, _y: Int32Array, _n: number, h: readonly unknown[]) => hypers.push(h.length),
      flushLosses: async () => new Float32Array(0),
    } as unknown as RaceEngine;
    await timeSteps(engine, probeBatch(ANN_MNIST, 4), { ...options, maxSteps: 2 });
    expect(new Set(hypers)).toEqual(new Set([3]));
  });
});

describe('the probe batch', () => {
  it('is MNIST-like: about one pixel in five lit, in [0, 1], labels of every class', () => {
    const { x, y, n } = probeBatch(ANN_MNIST, 64);
    expect(n).toBe(64);
    expect(x.length).toBe(64 * 784);
    const lit = x.filter((v) => v > 0).length / x.length;
    expect(lit).toBeGreaterThan(0.15);
    expect(lit).toBeLessThan(0.25);
    expect(Math.max(...x)).toBeLessThanOrEqual(1);
    expect(new Set(y)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
  });
});

describe('choosing the fastest', () => {
  it('picks the shortest step and says how many times longer the runner-up took', () => {
    const choice = fastest([
      { engine: 'wasm', msPerStep: 4.5 },
      { engine: 'simd', msPerStep: 0.5 },
      { engine: 'webgl', msPerStep: 56 },
    ]);
    expect(choice).toEqual({ engine: 'simd', runnerUp: { engine: 'wasm', ratio: 9 } });
  });

  it('lets a GPU win when it is faster', () => {
    expect(
      fastest([
        { engine: 'simd', msPerStep: 3 },
        { engine: 'webgl', msPerStep: 1 },
      ]),
    ).toEqual({ engine: 'webgl', runnerUp: { engine: 'simd', ratio: 3 } });
  });

  it('ignores timings that are not finite positive numbers; a tie goes to the engine listed first', () => {
    expect(
      fastest([
        { engine: 'webgl', msPerStep: Number.NaN },
        { engine: 'simd', msPerStep: 2 },
        { engine: 'wasm', msPerStep: 2 },
        { engine: 'cpu', msPerStep: 0 },
      ]),
    ).toEqual({ engine: 'simd', runnerUp: { engine: 'wasm', ratio: 1 } });
    expect(fastest([{ engine: 'simd', msPerStep: 1 }])).toEqual({ engine: 'simd' });
    expect(fastest([{ engine: 'simd', msPerStep: Number.POSITIVE_INFINITY }])).toBeNull();
    expect(fastest([])).toBeNull();
  });
});
