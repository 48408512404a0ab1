import { describe, expect, it } from 'vitest';
import { oneVsRest, rocAuc, rocCurve } from './index.ts';

describe('oneVsRest', () => {
  const probs = Float64Array.from([0.6, 0.3, 0.1, 0.2, 0.5, 0.3, 0.1, 0.1, 0.8, 0.5, 0.4, 0.1]);
  const labels = [0, 1, 2, 1];

  it('matches rocCurve / rocAuc on each column', () => {
    const result = oneVsRest(probs, labels, 3);
    for (let k = 0; k < 3; k++) {
      const scores = [0, 1, 2, 3].map((i) => probs[i * 3 + k]);
      const positives = labels.map((y) => y === k);
      expect(result[k]).toEqual({ auc: rocAuc(scores, positives), curve: rocCurve(scores, positives) });
    }
  });

  it('an absent class gets null auc and curve', () => {
    const four = Float64Array.from([0.5, 0.2, 0.2, 0.1, 0.1, 0.7, 0.1, 0.1]);
    expect(oneVsRest(four, [0, 1], 4).slice(2)).toEqual([
      { auc: null, curve: null },
      { auc: null, curve: null },
    ]);
  });

  it('NaN names the row and class; shapes are checked', () => {
    const bad = Float64Array.from(probs);
    bad[7] = Number.NaN; // row 2, class 1
    expect(() => oneVsRest(bad, labels, 3)).toThrow('oneVsRest: score at row 2, class 1 is NaN');
    expect(() => oneVsRest(probs, [0, 1, 2], 3)).toThrow('3 labels for 4 rows');
    expect(() => oneVsRest(probs, [0, 1, 2, 3], 3)).toThrow('label at index 3 is 3');
  });
});
