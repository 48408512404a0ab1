import { describe, expect, it } from 'vitest';
import { argmaxRows } from './index.ts';

describe('argmaxRows', () => {
  it('reads flat Float32/Float64 and nested rows alike', () => {
    const rows = [
      [0.1, 0.7, 0.2],
      [0.5, 0.2, 0.3],
      [0.0, 0.1, 0.9],
    ];
    const expected = [1, 0, 2];
    expect(Array.from(argmaxRows(rows, 3))).toEqual(expected);
    expect(Array.from(argmaxRows(Float32Array.from(rows.flat()), 3))).toEqual(expected);
    expect(Array.from(argmaxRows(Float64Array.from(rows.flat()), 3))).toEqual(expected);
  });

  it('a tied maximum goes to the lowest class index', () => {
    expect(
      Array.from(
        argmaxRows(
          [
            [0.1, 0.1, 0.1, 0.1],
            [0, 0.4, 0.2, 0.4],
            [0.2, 0.3, 0.3, 0.2],
          ],
          4,
        ),
      ),
    ).toEqual([0, 1, 1]);
  });

  it('NaN never beats a number; an all-NaN row predicts class 0', () => {
    const nan = Number.NaN;
    expect(
      Array.from(
        argmaxRows(
          [
            [nan, 0.2, 0.3],
            [0.5, nan, 0.1],
            [nan, nan, nan],
          ],
          3,
        ),
      ),
    ).toEqual([2, 0, 0]);
  });

  it('handles zero rows and rejects wrong shapes', () => {
    expect(argmaxRows(new Float32Array(0), 10)).toHaveLength(0);
    expect(() => argmaxRows(new Float32Array(7), 3)).toThrow('not a multiple of numClasses');
    expect(() =>
      argmaxRows(
        [
          [1, 2],
          [1, 2, 3],
        ],
        2,
      ),
    ).toThrow('row 1 has 3 entries');
    expect(() => argmaxRows([[1]], 0)).toThrow('numClasses must be a positive integer');
  });
});
