import { describe, expect, it } from 'vitest';
import { RANGE_TEST, rangeTestLr, rangeTestStopIndex, suggestLearningRate } from './rangeTest.ts';

/** A typical range-test curve: flat at chance, falls between 1e-3 and 0.3, explodes beyond 1. */
function syntheticCurve(n = 300) {
  const lrs = Array.from({ length: n }, (_, i) => rangeTestLr(i, n));
  const losses = lrs.map((lr, i) => {
    const x = Math.log10(lr);
    const fall = 2.0 / (1 + Math.exp(-3 * (x + 1.7))); // centred near lr 0.02
    const blow = lr > 1 ? (lr - 1) ** 2 * 5 : 0;
    const noise = 0.03 * Math.sin(i * 1.7);
    return 2.3 - fall + blow + noise;
  });
  return { lrs, losses };
}

describe('learning-rate range test', () => {
  it('sweeps 1e-6 to 10 exponentially', () => {
    expect(rangeTestLr(0, 300)).toBeCloseTo(1e-6, 12);
    expect(rangeTestLr(299, 300)).toBeCloseTo(10, 9);
    expect(rangeTestLr(150, 301)).toBeCloseTo(10 ** -2.5, 9);
    expect(RANGE_TEST.batches).toBeGreaterThanOrEqual(100);
  });

  it('stops once the loss exceeds 4× its best', () => {
    expect(rangeTestStopIndex([2, 1, 0.5, 1.9, 2.1, 3])).toBe(4);
    expect(rangeTestStopIndex([2, 1, NaN])).toBe(2);
    expect(rangeTestStopIndex([2, 1.5, 1])).toBe(-1);
  });

  it('suggests a rate in the falling part of a synthetic curve, between 0.01 and 1', () => {
    const { lrs, losses } = syntheticCurve();
    const s = suggestLearningRate(lrs, losses)!;
    expect(s.valley).toBeGreaterThan(1e-3);
    expect(s.valley).toBeLessThan(1);
    expect(s.steepest).toBeGreaterThan(1e-3);
    expect(s.steepest).toBeLessThan(0.3);
    expect(s.smoothed.length).toBe(losses.length);
  });

  it('gives no suggestion for a curve that blows up at once', () => {
    expect(suggestLearningRate([1e-6, 1e-5, 1e-4], [2.3, 50, 900])).toBeNull();
  });
});
