import { describe, expect, it } from 'vitest';
import { smoothEma } from './smoothing.ts';

describe('EMA smoothing with bias correction', () => {
  it('leaves a constant series unchanged from the first point (the bias correction)', () => {
    expect(smoothEma([2, 2, 2, 2], 0.9).every((v) => Math.abs(v - 2) < 1e-12)).toBe(true);
  });
  it('matches the formula on a step', () => {
    const s = smoothEma([0, 1], 0.5);
    // last1 = 0, debiased 0; last2 = 0*0.5 + 0.5*1 = 0.5, debiased 0.5/(1-0.25) = 2/3
    expect(s[0]).toBe(0);
    expect(s[1]).toBeCloseTo(2 / 3, 12);
  });
  it('weight 0 returns the raw values; non-finite values pass through', () => {
    expect(smoothEma([3, 1, 4], 0)).toEqual([3, 1, 4]);
    const s = smoothEma([1, NaN, 1], 0.9);
    expect(Number.isNaN(s[1])).toBe(true);
    expect(s[2]).toBeCloseTo(1, 12);
  });
});
