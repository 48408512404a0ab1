import { describe, expect, it } from 'vitest';
import { fitToBox } from './resample.ts';

const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

describe('fitToBox', () => {
  it('area-averages: a uniform square stays uniform', () => {
    const out = fitToBox({ data: new Float32Array(40 * 40).fill(0.5), w: 40, h: 40 });
    for (const v of out.data) expect(v).toBeCloseTo(1, 5); // peak normalised to full ink
  });

  it('keeps the aspect ratio and centres the content in the box', () => {
    const out = fitToBox({ data: new Float32Array(100 * 50).fill(1), w: 100, h: 50 });
    // 100 × 50 → 20 × 10, rows 5..14 inked.
    for (let y = 0; y < 20; y++) expect(out.data[y * 20 + 10]).toBeCloseTo(y >= 5 && y < 15 ? 1 : 0, 5);
  });

  it('shares a thin line between the output pixels it straddles', () => {
    // A 1 px column at x = 15 of 30 → at scale 2/3 it covers [10, 10.67) of the output.
    const data = new Float32Array(30 * 30);
    for (let y = 0; y < 30; y++) data[y * 30 + 15] = 1;
    const out = fitToBox({ data, w: 30, h: 30 });
    expect(out.data[10 * 20 + 10]).toBeCloseTo(1, 5);
    expect(out.data[10 * 20 + 9]).toBe(0);
    expect(sum(out.data)).toBeCloseTo(20, 3); // 20 rows × one full pixel after the peak is set to 1
  });

  it('splits a pixel by overlap at fractional scale', () => {
    // 3 source px onto 2 output px: the middle one is shared half-half.
    const out = fitToBox({ data: Float32Array.from([0, 1, 0]), w: 3, h: 1 }, 2);
    // The 3 × 1 strip scales to 2 × 0.67 and is centred vertically; row 0 gets a third of it, row 1 the rest.
    const row0 = out.data.slice(0, 2);
    const row1 = out.data.slice(2, 4);
    expect(row0[0]).toBeCloseTo(row0[1], 6);
    expect(row1[0]).toBeCloseTo(row1[1], 6);
  });
});
