import { describe, expect, it } from 'vitest';
import { rasterize } from './rasterize.ts';
import { inkBox } from './testImages.ts';

describe('rasterize', () => {
  it('draws a single point as a round dot of the pen width', () => {
    const { data, w } = rasterize([[{ x: 0.5, y: 0.5 }]], 100, 0.2);
    expect(data[50 * w + 50]).toBe(1);
    const b = inkBox(data, w, 0.5)!;
    expect(b.w).toBeGreaterThanOrEqual(19);
    expect(b.w).toBeLessThanOrEqual(21);
    expect(data[40 * w + 40]).toBe(0); // the square's corner is outside the round dot
  });

  it('anti-aliases the edge over about one pixel', () => {
    // Vertical segment at x = 50 px with radius 5: pixel centres at 55.5 and 44.5 are on the rim.
    const { data, w } = rasterize(
      [
        [
          { x: 0.5, y: 0.2 },
          { x: 0.5, y: 0.8 },
        ],
      ],
      100,
      0.1,
    );
    expect(data[50 * w + 54]).toBe(1);
    expect(data[50 * w + 55]).toBeCloseTo(0, 5);
    const rim = data[50 * w + 45];
    expect(rim).toBeGreaterThan(0);
    expect(rim).toBeLessThanOrEqual(1);
  });

  it('caps crossings at full ink instead of summing', () => {
    const { data } = rasterize(
      [
        [
          { x: 0.1, y: 0.5 },
          { x: 0.9, y: 0.5 },
        ],
        [
          { x: 0.5, y: 0.1 },
          { x: 0.5, y: 0.9 },
        ],
      ],
      50,
      0.1,
    );
    expect(Math.max(...data)).toBe(1);
  });

  it('cuts off ink beyond the pad', () => {
    const { data, w } = rasterize(
      [
        [
          { x: -0.5, y: 0.5 },
          { x: 0.2, y: 0.5 },
        ],
      ],
      50,
      0.1,
    );
    expect(data[25 * w]).toBe(1);
    expect(data).toHaveLength(2500);
  });
});
