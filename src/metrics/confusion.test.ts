import { describe, expect, it } from 'vitest';
import { accuracy, confusionMatrix, macroAuc, perClassRecall } from './index.ts';

describe('confusionMatrix', () => {
  it('rows are true labels, columns predictions, always K × K', () => {
    const m = confusionMatrix([0, 0, 1, 2, 2, 2], Int32Array.from([0, 1, 1, 2, 0, 2]), 4);
    expect(m).toEqual([
      [1, 1, 0, 0],
      [0, 1, 0, 0],
      [1, 0, 2, 0],
      [0, 0, 0, 0],
    ]);
  });

  it('n = 1 gives a single count', () => {
    const m = confusionMatrix([3], [5], 10);
    expect(m[3][5]).toBe(1);
    expect(m.flat().reduce((a, b) => a + b, 0)).toBe(1);
  });

  it('rejects out-of-range or non-integer classes and mismatched lengths', () => {
    expect(() => confusionMatrix([0, 3], [0, 0], 3)).toThrow('label at index 1 is 3');
    expect(() => confusionMatrix([0, 1], [0, 0.5], 3)).toThrow('label at index 1 is 0.5');
    expect(() => confusionMatrix([0, 1], [0], 3)).toThrow('lengths differ');
  });
});

describe('accuracy, perClassRecall, macroAuc', () => {
  it('accuracy is the fraction of exact matches; empty input throws', () => {
    expect(accuracy([0, 1, 2, 3], [0, 1, 0, 3])).toBe(0.75);
    expect(() => accuracy([], [])).toThrow('no samples');
  });

  it('perClassRecall is null for a class with no samples', () => {
    expect(
      perClassRecall([
        [3, 1, 0],
        [0, 0, 0],
        [1, 1, 2],
      ]),
    ).toEqual([0.75, null, 0.5]);
  });

  it('macroAuc averages the defined entries only', () => {
    expect(macroAuc([0.5, null, 1])).toBe(0.75);
    expect(macroAuc([null, null])).toBeNull();
    expect(macroAuc([])).toBeNull();
  });
});
