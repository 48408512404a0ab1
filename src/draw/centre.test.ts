import { describe, expect, it } from 'vitest';
import { centreByMass, massCentre } from './centre.ts';

describe('massCentre', () => {
  it('uses pixel centres', () => {
    const data = new Float32Array(9);
    data[4] = 1; // the middle of 3 × 3
    expect(massCentre({ data, w: 3, h: 3 })).toEqual({ x: 1.5, y: 1.5 });
  });

  it('weights by ink', () => {
    const data = Float32Array.from([1, 0, 0, 3]);
    expect(massCentre({ data, w: 4, h: 1 })).toEqual({ x: 0.5 * 0.25 + 3.5 * 0.75, y: 0.5 });
  });
});

describe('centreByMass', () => {
  it('moves a blob in the corner of a 20 × 20 box to the middle of 28 × 28 by whole pixels', () => {
    const data = new Float32Array(400);
    data[1 * 20 + 1] = 1;
    data[1 * 20 + 2] = 1;
    const out = centreByMass({ data, w: 20, h: 20 });
    expect(out.w).toBe(28);
    const c = massCentre(out);
    expect(Math.abs(c.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(c.y - 14)).toBeLessThanOrEqual(0.5);
    expect(out.data.filter((v) => v === 1)).toHaveLength(2); // translated, not resampled
  });

  it('drops ink shifted past the edge', () => {
    // Faint ink at the left edge, heavy at the right: the shift of −5 px (and +4 down) pushes the faint pixel out.
    const data = new Float32Array(400);
    data[10 * 20 + 0] = 0.01;
    data[10 * 20 + 19] = 1;
    const out = centreByMass({ data, w: 20, h: 20 });
    expect(out.data.reduce((s, v) => s + v, 0)).toBe(1);
    expect(out.data[14 * 28 + 14]).toBe(1); // row 10.5 → 14.5, col 19.5 → 14.5
  });
});
