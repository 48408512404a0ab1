import { describe, expect, it } from 'vitest';
import type { AffineParams } from './sampler.ts';
import { CENTRE, IDENTITY, PADDED_SIZE, SIDE, cosDeg, inverseAffine, loadPadded, sampleAffine, sinDeg } from './sampler.ts';

const PIXELS = SIDE * SIDE;

/** Every pixel a different value in (0, 1]. */
function distinct(): Float32Array {
  return Float32Array.from({ length: PIXELS }, (_, k) => (k + 1) / PIXELS);
}

function transform(image: Float32Array, p: Partial<AffineParams>): Float32Array {
  const padded = new Float32Array(PADDED_SIZE);
  loadPadded(image, 0, padded);
  const m = new Float64Array(6);
  inverseAffine({ ...IDENTITY, ...p }, m);
  const out = new Float32Array(PIXELS);
  sampleAffine(padded, m, out, 0);
  return out;
}

const at = (img: Float32Array, u: number, v: number) => img[v * SIDE + u];

describe('the affine sampler', () => {
  it('centres at 13.5 and is exact at quarter turns', () => {
    expect(CENTRE).toBe(13.5);
    expect([cosDeg(90), sinDeg(90)]).toEqual([0, 1]);
    expect([cosDeg(-90), sinDeg(-90)]).toEqual([0, -1]);
    expect([cosDeg(450), sinDeg(450), cosDeg(180), sinDeg(-180)]).toEqual([0, 1, -1, 0]);
    expect(sinDeg(30)).toBeCloseTo(0.5, 15);
    expect(cosDeg(60)).toBeCloseTo(0.5, 15);
  });

  it('is the identity, bit for bit, at 0°, no shift and scale 1', () => {
    const img = distinct();
    expect(transform(img, {})).toEqual(img);
  });

  it('turns by 90° counter-clockwise as an exact pixel permutation', () => {
    const img = distinct();
    const out = transform(img, { angleDeg: 90 });
    // Output (u, v) reads input (27 − v, u): the top-right corner goes to the top left.
    for (let v = 0; v < SIDE; v++) for (let u = 0; u < SIDE; u++) expect(at(out, u, v)).toBe(at(img, SIDE - 1 - v, u));
    expect(at(out, 0, 0)).toBe(at(img, 27, 0));
  });

  it('gets back the image after four quarter turns, and after −90° of 90°', () => {
    const img = distinct();
    let out = img;
    for (let k = 0; k < 4; k++) out = transform(out, { angleDeg: 90 });
    expect(out).toEqual(img);
    expect(transform(transform(img, { angleDeg: 90 }), { angleDeg: -90 })).toEqual(img);
    // 180° is the point reflection through the centre.
    const half = transform(img, { angleDeg: 180 });
    expect(at(half, 3, 5)).toBe(at(img, 24, 22));
  });

  it('moves pixels exactly by a whole-pixel shift, filling with zeros', () => {
    const img = distinct();
    const out = transform(img, { shiftX: 3, shiftY: -2 });
    for (let v = 0; v < SIDE; v++) {
      for (let u = 0; u < SIDE; u++) {
        const su = u - 3;
        const sv = v + 2;
        expect(at(out, u, v)).toBe(su >= 0 && sv < SIDE ? at(img, su, sv) : 0);
      }
    }
  });

  it('scales a centred square about the centre: 4 px wide at scale 2 becomes 8 px of ink, edges interpolated', () => {
    const img = new Float32Array(PIXELS);
    for (let v = 12; v <= 15; v++) for (let u = 12; u <= 15; u++) img[v * SIDE + u] = 1;
    const out = transform(img, { scale: 2 });
    // Columns 9 … 18 sample 11.25 … 15.75 of the source: bilinear ramps of a quarter pixel each side.
    const profile = (k: number) => [0.25, 0.75, 1, 1, 1, 1, 1, 1, 0.75, 0.25][k - 9] ?? 0;
    for (let v = 0; v < SIDE; v++) for (let u = 0; u < SIDE; u++) expect(at(out, u, v)).toBe(profile(u) * profile(v));
    expect(out.reduce((s, x) => s + x, 0)).toBe(64); // 16 px of ink × 2²
    // Shrinking by half puts the square's 16 px of ink into a 2 × 2 core.
    const small = transform(img, { scale: 0.5 });
    expect(at(small, 13, 13)).toBe(1);
    expect(at(small, 11, 13)).toBe(0);
  });

  it('keeps values in [0, 1] at any angle, and turns +30° counter-clockwise', () => {
    const img = Float32Array.from({ length: PIXELS }, (_, k) => ((k * 7919) % 13) / 12);
    for (const angleDeg of [-45, -30, -15, 15, 30, 45, 72]) {
      for (const v of transform(img, { angleDeg, scale: 1.2, shiftX: 1 })) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
    // A dot 8 px right of the centre, turned 30° counter-clockwise, lands 8 px from the centre up and to the right.
    const dot = new Float32Array(PIXELS);
    dot[13 * SIDE + 21] = 1;
    dot[14 * SIDE + 21] = 1;
    const turned = transform(dot, { angleDeg: 30 });
    let mu = 0;
    let mv = 0;
    let mass = 0;
    turned.forEach((x, k) => {
      mu += x * (k % SIDE);
      mv += x * Math.floor(k / SIDE);
      mass += x;
    });
    expect(mu / mass - CENTRE).toBeCloseTo(7.5 * Math.cos(Math.PI / 6), 0);
    expect(mv / mass - CENTRE).toBeCloseTo(-7.5 * Math.sin(Math.PI / 6), 0);
  });

  it('gives zeros, not NaN, for a degenerate map', () => {
    const out = transform(distinct(), { scale: 0 });
    expect(out.every((v) => v === 0)).toBe(true);
  });
});
