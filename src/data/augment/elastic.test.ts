import { describe, expect, it } from 'vitest';
import { ELASTIC_POOL_SIZE, FIELD_VARIANTS, elasticDisplacement, elasticPool, gaussianKernel } from './elastic.ts';
import { IDENTITY, SIDE, inverseAffine } from './sampler.ts';

const PIXELS = SIDE * SIDE;

function rms(a: Float32Array): number {
  let s = 0;
  for (const v of a) s += v * v;
  return Math.sqrt(s / a.length);
}

describe('elastic fields', () => {
  it('smooth with a normalised Gaussian truncated at 4σ', () => {
    const w = gaussianKernel(4);
    expect(w.length).toBe(17);
    expect(w[0] + 2 * w.slice(1).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(w[4] / w[0]).toBeCloseTo(Math.exp(-0.5), 12);
  });

  it('come from a pool made once per (σ, seed), the same fields for the same seed', () => {
    const a = elasticPool(4, 1);
    expect(elasticPool(4, 1)).toBe(a);
    expect(a.size).toBe(ELASTIC_POOL_SIZE);
    expect(a.dx.length).toBe(ELASTIC_POOL_SIZE * PIXELS);
    const other = elasticPool(4, 2);
    expect(other.dx).not.toEqual(a.dx);
    // Rebuilt after being evicted, it is the same pool again.
    elasticPool(5, 1);
    expect(elasticPool(4, 1, 8).dx).toEqual(a.dx.subarray(0, 8 * PIXELS));
  });

  it('are smooth noise: much smaller than the raw uniform noise, and smaller the larger σ', () => {
    const raw = 1 / Math.sqrt(3); // rms of uniform [−1, 1]
    const at4 = rms(elasticPool(4, 3, 32).dx);
    const at2 = rms(elasticPool(2, 3, 32).dx);
    expect(at4).toBeLessThan(raw / 5);
    expect(at4).toBeGreaterThan(0.005);
    expect(at2).toBeGreaterThan(at4);
    // Neighbours are strongly correlated: the field barely changes from one pixel to the next.
    const f = elasticPool(4, 3, 32).dx;
    let diff = 0;
    for (let k = 0; k + 1 < PIXELS; k++) if ((k + 1) % SIDE !== 0) diff += (f[k + 1] - f[k]) ** 2;
    expect(Math.sqrt(diff / (SIDE * (SIDE - 1)))).toBeLessThan(at4 / 3);
  });

  it('scale by α and come in 8 orientations of each field', () => {
    const pool = elasticPool(4, 1);
    const m = new Float64Array(6);
    inverseAffine(IDENTITY, m);
    const dx = new Float32Array(PIXELS);
    const dy = new Float32Array(PIXELS);
    elasticDisplacement(pool, 3 * FIELD_VARIANTS, 34, m, dx, dy);
    dx.forEach((v, k) => expect(v).toBeCloseTo(34 * pool.dx[3 * PIXELS + k], 4));
    // Orientation 1 transposes: the x displacement at (u, v) is the y one at (v, u).
    elasticDisplacement(pool, 3 * FIELD_VARIANTS + 1, 1, m, dx, dy);
    expect(dx[5 * SIDE + 2]).toBeCloseTo(pool.dy[3 * PIXELS + 2 * SIDE + 5], 6);
    // Orientation 2 mirrors x: the x displacement flips sign at the mirrored pixel.
    elasticDisplacement(pool, 3 * FIELD_VARIANTS + 2, 1, m, dx, dy);
    expect(dx[5 * SIDE + 2]).toBeCloseTo(-pool.dx[3 * PIXELS + 5 * SIDE + 25], 6);
    expect(dy[5 * SIDE + 2]).toBeCloseTo(pool.dy[3 * PIXELS + 5 * SIDE + 25], 6);
  });

  it('refuses a smoothness that is not a positive number', () => {
    expect(() => elasticPool(0, 1)).toThrow(RangeError);
    expect(() => elasticPool(Number.NaN, 1)).toThrow(RangeError);
  });
});
