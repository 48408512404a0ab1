import { describe, expect, it } from 'vitest';
import { divergingRgb } from './diverging.ts';
import { activeCount, saliencyPeaks, saliencyRgba, stripRgba, topUnits } from './drawingView.ts';

const rgb = (rgba: Uint8ClampedArray, p: number) => Array.from(rgba.subarray(p * 4, p * 4 + 3));

describe("the drawing's look inside", () => {
  it('paints a layer as one cell per unit on its own ±max scale', () => {
    const strip = stripRgba([0, 1, 2, 4]);
    expect(strip.length).toBe(16);
    expect(rgb(strip, 0)).toEqual(Array.from(divergingRgb(0, 1)));
    expect(rgb(strip, 3)).toEqual(Array.from(divergingRgb(1, 1)));
    expect(rgb(strip, 2)).toEqual(Array.from(divergingRgb(0.5, 1)));
  });

  it('names the strongest units and counts the active ones', () => {
    expect(topUnits([0.5, 3, 0, 3, 1], 3)).toEqual([
      { unit: 1, value: 3 },
      { unit: 3, value: 3 },
      { unit: 4, value: 1 },
    ]);
    expect(activeCount([0, 0.1, 0, 2, -0.5])).toBe(2);
  });

  it('shows the ink where the gradient is 0, and the saliency colour over it where it is largest', () => {
    const input = [0, 1, 1, 0];
    const saliency = [0, 0, 2, -2];
    const img = saliencyRgba(input, saliency);
    expect(rgb(img, 0), 'blank, no gradient: white').toEqual([255, 255, 255]);
    expect(rgb(img, 1), 'ink, no gradient: grey').toEqual([90, 90, 90]);
    // Full gradient: mostly the end colour (blue up, red down), a little of what is under it.
    const [r, g, b] = rgb(img, 2);
    const blue = divergingRgb(1, 1);
    expect(Math.abs(b - (90 + (blue[2] - 90) * 0.85))).toBeLessThanOrEqual(1);
    expect(b).toBeGreaterThan(r);
    const [r2, , b2] = rgb(img, 3);
    expect(r2).toBeGreaterThan(b2);
    expect(g).toBeLessThan(255);
  });

  it('finds the pixels that push the digit most up and most down, by row and column', () => {
    const s = new Float32Array(784);
    s[5 * 28 + 14] = 0.7;
    s[20 * 28 + 9] = -0.4;
    expect(saliencyPeaks(s)).toEqual({ up: { row: 5, column: 14, value: Math.fround(0.7) }, down: { row: 20, column: 9, value: Math.fround(-0.4) } });
  });
});
