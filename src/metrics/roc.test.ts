import { describe, expect, it } from 'vitest';
import { curveArea, rocAuc, rocCurve } from './index.ts';

describe('rocCurve / rocAuc edge cases', () => {
  it('n = 1 has one class only: null curve and null AUC', () => {
    expect(rocCurve([0.7], [true])).toBeNull();
    expect(rocCurve([0.7], [0])).toBeNull();
    expect(rocAuc([0.7], [1])).toBeNull();
  });

  it('n = 0 is null, not an error', () => {
    expect(rocCurve([], [])).toBeNull();
    expect(rocAuc([], [])).toBeNull();
  });

  it('all-positive or all-negative flags give null', () => {
    expect(rocCurve([0.1, 0.2, 0.3], [1, 1, 1])).toBeNull();
    expect(rocAuc([0.1, 0.2, 0.3], [false, false, false])).toBeNull();
  });

  it('all scores equal: one diagonal step, AUC 0.5, thresholds [c + 1, c]', () => {
    const c = 0.25;
    const curve = rocCurve([c, c, c, c, c], [1, 0, 0, 1, 0]);
    expect(curve).toEqual({ fpr: [0, 1], tpr: [0, 1], thresholds: [c + 1, c] });
    expect(rocCurve([c, c, c], [1, 0, 0], { dropIntermediate: true })).toEqual(curve);
    expect(rocAuc([c, c, c, c, c], [1, 0, 0, 1, 0])).toBe(0.5);
  });

  it('a small hand-worked case: one point per distinct score, decreasing thresholds', () => {
    // scores 0.9(+) 0.8(-) 0.8(+) 0.4(-) 0.1(+): the tie at 0.8 is one diagonal step.
    const curve = rocCurve([0.1, 0.8, 0.9, 0.8, 0.4], [1, 0, 1, 1, 0]);
    expect(curve).toEqual({
      fpr: [0, 0, 0.5, 1, 1],
      tpr: [0, 1 / 3, 2 / 3, 2 / 3, 1],
      thresholds: [1.9, 0.9, 0.8, 0.4, 0.1],
    });
    // Pairs (pos, neg) ranked correctly: 0.9>0.8, 0.9>0.4, 0.8>0.4, tie 0.8=0.8 counts half: 3.5 / 6.
    expect(rocAuc([0.1, 0.8, 0.9, 0.8, 0.4], [1, 0, 1, 1, 0])).toBeCloseTo(3.5 / 6, 15);
    expect(curveArea(curve!)).toBeCloseTo(3.5 / 6, 15);
  });

  it('dropIntermediate removes only points inside straight runs', () => {
    // Descending: + + + - - - : a vertical run then a horizontal run.
    const scores = [6, 5, 4, 3, 2, 1];
    const positives = [1, 1, 1, 0, 0, 0];
    expect(rocCurve(scores, positives)!.fpr).toHaveLength(7);
    expect(rocCurve(scores, positives, { dropIntermediate: true })).toEqual({
      fpr: [0, 0, 0, 1],
      tpr: [0, 1 / 3, 1, 1],
      thresholds: [7, 6, 4, 1],
    });
    expect(rocAuc(scores, positives)).toBe(1);
  });

  it('booleans and 0/1 numbers give identical results', () => {
    const scores = [0.3, 0.3, 0.9, 0.1, 0.5, 0.5, 0.7, 0.2];
    const bools = [true, false, true, false, true, true, false, false];
    const numbers = bools.map((b) => (b ? 1 : 0));
    expect(rocCurve(scores, numbers)).toEqual(rocCurve(scores, bools));
    expect(rocCurve(scores, Uint8Array.from(numbers), { dropIntermediate: true })).toEqual(rocCurve(scores, bools, { dropIntermediate: true }));
    expect(rocAuc(scores, numbers)).toBe(rocAuc(scores, bools));
  });

  it('typed-array scores give the same curve as plain arrays', () => {
    const scores = [0.5, 0.25, 0.75, 0.25, 1];
    const positives = [1, 0, 1, 1, 0];
    expect(rocCurve(Float64Array.from(scores), positives)).toEqual(rocCurve(scores, positives));
  });

  it('NaN scores throw, naming the index', () => {
    expect(() => rocCurve([0.1, Number.NaN, 0.3], [1, 0, 1])).toThrow('rocCurve: score at index 1 is NaN');
    expect(() => rocAuc([0.1, 0.2, Number.NaN], [1, 0, 1])).toThrow('rocAuc: score at index 2 is NaN');
  });

  it('infinite scores are ordinary extremes', () => {
    const curve = rocCurve([Number.NEGATIVE_INFINITY, 0, Number.POSITIVE_INFINITY], [0, 0, 1]);
    expect(curve!.thresholds).toEqual([Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0, Number.NEGATIVE_INFINITY]);
    expect(rocAuc([Number.NEGATIVE_INFINITY, 0, Number.POSITIVE_INFINITY], [0, 0, 1])).toBe(1);
  });

  it('rejects flags other than booleans, 0 and 1, and mismatched lengths', () => {
    expect(() => rocCurve([0.1, 0.2], [1, 2])).toThrow('positive flag at index 1 is 2');
    expect(() => rocAuc([0.1, 0.2], [1])).toThrow('lengths differ');
  });

  it('AUC equals the Mann–Whitney pair count on random data with ties', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const scores = Array.from({ length: 300 }, () => Math.round(next() * 20) / 20);
    const positives = scores.map((s) => next() < 0.3 + 0.4 * s);
    let pairs = 0;
    let wins = 0;
    for (let i = 0; i < scores.length; i++) {
      if (!positives[i]) continue;
      for (let j = 0; j < scores.length; j++) {
        if (positives[j]) continue;
        pairs++;
        wins += scores[i] > scores[j] ? 1 : scores[i] === scores[j] ? 0.5 : 0;
      }
    }
    expect(Math.abs(rocAuc(scores, positives)! - wins / pairs)).toBeLessThan(1e-12);
    expect(Math.abs(curveArea(rocCurve(scores, positives)!) - wins / pairs)).toBeLessThan(1e-12);
  });
});
