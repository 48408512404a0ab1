import { describe, expect, it } from 'vitest';
import { cropToInk } from './crop.ts';

describe('cropToInk', () => {
  it('returns the smallest box holding the ink and where it was', () => {
    const data = new Float32Array(6 * 5);
    data[1 * 6 + 2] = 0.5;
    data[3 * 6 + 4] = 1;
    const c = cropToInk({ data, w: 6, h: 5 })!;
    expect(c).toMatchObject({ w: 3, h: 3, x0: 2, y0: 1 });
    expect(Array.from(c.data)).toEqual([0.5, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  it('ignores near-zero rims and returns null for a blank image', () => {
    const data = new Float32Array(16);
    data[0] = 1e-4;
    expect(cropToInk({ data, w: 4, h: 4 })).toBeNull();
  });
});
