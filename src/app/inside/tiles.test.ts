import { describe, expect, it } from 'vitest';
import { contrastRatio, toHex } from '../components/eval/colourScale.ts';
import { DIVERGING_RAMP, divergingRgb, paintRun } from './diverging.ts';
import { GAP_RGBA, paintTiles, summariseTiles, tileBounds, tileLayout, unitAt } from './tiles.ts';

/** `units` tiles; tile u holds u·0.01 everywhere except pixel 0, which holds −u·0.02. */
function tiles(units: number) {
  const t = new Float32Array(units * 784);
  for (let u = 0; u < units; u++) {
    t.fill(u * 0.01, u * 784, (u + 1) * 784);
    t[u * 784] = -u * 0.02;
  }
  return { units, output: false, tiles: t };
}

const pixel = (rgba: Uint8ClampedArray, width: number, x: number, y: number) => Array.from(rgba.subarray((y * width + x) * 4, (y * width + x) * 4 + 3));

describe('the diverging scale', () => {
  it('is white at 0, the end colours at ±bound and beyond, symmetric in lightness', () => {
    expect(toHex(divergingRgb(0, 1))).toBe('#f7f7f7');
    expect(toHex(divergingRgb(1, 1))).toBe(DIVERGING_RAMP.at(-1));
    expect(toHex(divergingRgb(-1, 1))).toBe(DIVERGING_RAMP[0]);
    expect(toHex(divergingRgb(5, 1)), 'clamped above').toBe(DIVERGING_RAMP.at(-1));
    expect(toHex(divergingRgb(-0.3, 0.1)), 'clamped below').toBe(DIVERGING_RAMP[0]);
    // NaN, and a bound of 0 (all weights 0), read as 0 rather than as an end colour.
    expect(toHex(divergingRgb(Number.NaN, 1))).toBe('#f7f7f7');
    expect(toHex(divergingRgb(0.5, 0))).toBe('#f7f7f7');
    // ±v sit at a similar distance from white: neither sign looks stronger than the other.
    for (const v of [0.25, 0.5, 0.75, 1]) {
      const up = contrastRatio(toHex(divergingRgb(v, 1)), '#ffffff');
      const down = contrastRatio(toHex(divergingRgb(-v, 1)), '#ffffff');
      expect(Math.abs(Math.log(up / down)), `±${v}`).toBeLessThan(0.35);
    }
  });

  it('paints a run of values with exactly the colours it names, whatever the value', () => {
    const values = [0, 0.3, -0.3, 1, -1, 2, -2, 0.1234, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const bound of [1, 0.05, 0]) {
      const rgba = new Uint8ClampedArray(values.length * 4);
      paintRun(new Uint32Array(rgba.buffer), 0, values, 0, values.length, bound);
      values.forEach((v, i) => expect([...rgba.subarray(i * 4, i * 4 + 4)], `${v} on ±${bound}`).toEqual([...divergingRgb(v, bound), 255]));
    }
  });

  it('goes from red to blue: the hue tells the sign', () => {
    const [r1, , b1] = divergingRgb(-0.6, 1);
    const [r2, , b2] = divergingRgb(0.6, 1);
    expect(r1).toBeGreaterThan(b1);
    expect(b2).toBeGreaterThan(r2);
  });
});

describe('the weights grid', () => {
  it('lays out 128 tiles 16 × 8, 1,024 tiles 32 × 32, the 10 output units 5 × 2, with a 1-pixel gap', () => {
    expect(tileLayout(128)).toEqual({ columns: 16, rows: 8, width: 16 * 29 - 1, height: 8 * 29 - 1 });
    expect(tileLayout(1024)).toMatchObject({ columns: 32, rows: 32 });
    expect(tileLayout(10)).toMatchObject({ columns: 5, rows: 2 });
    expect(tileLayout(1)).toEqual({ columns: 1, rows: 1, width: 28, height: 28 });
    // Every unit has a place, and no more places than needed a row.
    for (const n of [1, 7, 64, 100, 128, 500, 1024]) {
      const l = tileLayout(n);
      expect(l.columns * l.rows).toBeGreaterThanOrEqual(n);
      expect(l.columns * (l.rows - 1)).toBeLessThan(n);
    }
  });

  it('finds the unit under a pixel, and none in a gap or past the last tile', () => {
    const l = tileLayout(10);
    expect(unitAt(l, 10, 0, 0)).toBe(0);
    expect(unitAt(l, 10, 27, 27)).toBe(0);
    expect(unitAt(l, 10, 28, 5), 'the gap').toBeNull();
    expect(unitAt(l, 10, 29, 0)).toBe(1);
    expect(unitAt(l, 10, 29 * 4 + 3, 29 + 3)).toBe(9);
    const l7 = tileLayout(7);
    expect(unitAt(l7, 7, l7.width - 2, l7.height - 2), 'an empty place').toBeNull();
  });

  it("paints each tile's weights on its own scale or on one shared scale", () => {
    const w = tiles(4);
    const l = tileLayout(4);
    expect(Array.from(tileBounds(w, 'tile'))).toEqual([0, 0.02, 0.04, 0.06].map((v) => Math.fround(v)));
    expect(Array.from(tileBounds(w, 'shared'))).toEqual(Array(4).fill(Math.fround(0.06)));

    const own = paintTiles(w, l, tileBounds(w, 'tile'));
    const shared = paintTiles(w, l, tileBounds(w, 'shared'));
    // Three across: tile 3 starts the second row. Its 0.03 on ±0.06 is half-way blue on either scale; its pixel 0 (−0.06) full red.
    expect(l.columns).toBe(3);
    expect(pixel(own, l.width, 5, 29 + 5)).toEqual(Array.from(divergingRgb(0.5, 1)));
    expect(pixel(shared, l.width, 5, 29 + 5)).toEqual(Array.from(divergingRgb(0.5, 1)));
    expect(pixel(own, l.width, 0, 29)).toEqual(Array.from(divergingRgb(-1, 1)));
    // Tile 1: 0.01 on its own ±0.02 is half-way; on the shared ±0.06 a sixth of the way, paler.
    expect(pixel(own, l.width, 29 + 5, 5)).toEqual(Array.from(divergingRgb(0.5, 1)));
    expect(pixel(shared, l.width, 29 + 5, 5)).toEqual(Array.from(divergingRgb(0.01, 0.06)));
    // Tile 0 is all zeros: white, not an end colour. The gaps are grey.
    expect(pixel(own, l.width, 5, 5)).toEqual(Array.from(divergingRgb(0, 1)));
    expect(pixel(own, l.width, 28, 5)).toEqual(GAP_RGBA.slice(0, 3));
    expect(own.length).toBe(l.width * l.height * 4);
  });

  it('names the units with the most positive and most negative weights for the text alternative', () => {
    const s = summariseTiles(tiles(5), 2);
    expect(s.mostPositive.map((u) => u.unit)).toEqual([4, 3]);
    expect(s.mostNegative.map((u) => u.unit)).toEqual([4, 3]);
    expect(s.max).toBeCloseTo(0.04, 6);
    expect(s.min).toBeCloseTo(-0.08, 6);
  });
});
