/**
 * Elastic distortion (Simard, Steinkraus & Platt 2003, §2): every pixel gets
 * a displacement drawn uniform in [−1, 1] per axis, the field is smoothed by
 * a Gaussian of standard deviation σ (normalised kernel, truncated at 4σ,
 * zeros beyond the border: scipy's gaussian_filter with mode 'constant', as
 * the usual implementation does) and multiplied by α.
 *
 * Smoothing is the costly part (two 1-D passes of up to 33 taps over 784
 * pixels per field), so a pool of fields is made once per (σ, seed) and each
 * image takes one of them, seen in one of 8 orientations (the symmetries of
 * the square: a smoothed i.i.d. field is as likely as its mirror image or
 * quarter turn), so 256 fields give 2,048 distinct distortions. α only
 * scales, so it is applied when a field is used and changing it rebuilds
 * nothing.
 */
import type { Rng } from '../../shared/rng.ts';
import { deriveRng } from '../../shared/rng.ts';
import { SIDE } from './sampler.ts';

const PIXELS = SIDE * SIDE;
/** Fields made per pool: 256 × 784 × 2 float32 = 1.6 MB. */
export const ELASTIC_POOL_SIZE = 256;
/** Orientations each field is used in: identity, transposes and flips (the dihedral group of the square). */
export const FIELD_VARIANTS = 8;

export interface ElasticPool {
  readonly sigma: number;
  readonly seed: number;
  /** size × 784 smoothed displacements along x and along y, before α; row-major per field. */
  readonly dx: Float32Array;
  readonly dy: Float32Array;
  readonly size: number;
}

/** The pools in use (a run's training and its preview share one); two, so switching σ back and forth does not rebuild. */
const recent: ElasticPool[] = [];

/** The pool of (σ, seed), made on first use. σ in px, > 0. */
export function elasticPool(sigma: number, seed: number, size = ELASTIC_POOL_SIZE): ElasticPool {
  const hit = recent.find((p) => p.sigma === sigma && p.seed === seed && p.size === size);
  if (hit) return hit;
  const pool = makePool(sigma, deriveRng(seed, 'elastic-pool'), size);
  recent.unshift({ ...pool, sigma, seed });
  recent.length = Math.min(recent.length, 2);
  return recent[0];
}

function makePool(sigma: number, rng: Rng, size: number): Omit<ElasticPool, 'sigma' | 'seed'> {
  if (!(sigma > 0 && Number.isFinite(sigma))) throw new RangeError(`the elastic smoothness σ must be a positive number of pixels, got ${sigma}`);
  const half = gaussianKernel(sigma);
  const r = half.length - 1;
  // The whole kernel, w[−r … r], so the inner loops index it without a branch.
  const kernel = Float64Array.from({ length: 2 * r + 1 }, (_, j) => half[Math.abs(j - r)]);
  const dx = new Float32Array(size * PIXELS);
  const dy = new Float32Array(size * PIXELS);
  const noise = new Float64Array(PIXELS);
  const tmp = new Float64Array(PIXELS);
  for (let f = 0; f < size; f++) {
    for (const out of [dx, dy]) {
      for (let i = 0; i < PIXELS; i++) noise[i] = 2 * rng.next() - 1;
      smooth(noise, tmp, out, f * PIXELS, kernel);
    }
  }
  return { dx, dy, size };
}

/** Normalised Gaussian weights w[0 … r], r = round(4σ) as scipy truncates. */
export function gaussianKernel(sigma: number): Float64Array {
  const r = Math.floor(4 * sigma + 0.5);
  const w = new Float64Array(r + 1);
  let sum = 0;
  for (let j = 0; j <= r; j++) {
    w[j] = Math.exp((-j * j) / (2 * sigma * sigma));
    sum += j === 0 ? w[j] : 2 * w[j];
  }
  for (let j = 0; j <= r; j++) w[j] /= sum;
  return w;
}

/** Separable convolution of a 28 × 28 field with the kernel, zeros outside, into out[offset …]. */
function smooth(src: Float64Array, tmp: Float64Array, out: Float32Array, offset: number, full: Float64Array): void {
  const r = (full.length - 1) / 2;
  for (let v = 0; v < SIDE; v++) {
    const row = v * SIDE;
    for (let u = 0; u < SIDE; u++) {
      let s = 0;
      // Taps j = lo … hi keep u + j inside the row; the kernel index is j + r.
      for (let j = Math.max(-r, -u), hi = Math.min(r, SIDE - 1 - u); j <= hi; j++) s += full[j + r] * src[row + u + j];
      tmp[row + u] = s;
    }
  }
  for (let v = 0; v < SIDE; v++) {
    const lo = Math.max(-r, -v);
    const hi = Math.min(r, SIDE - 1 - v);
    for (let u = 0; u < SIDE; u++) {
      let s = 0;
      for (let j = lo; j <= hi; j++) s += full[j + r] * tmp[(v + j) * SIDE + u];
      out[offset + v * SIDE + u] = s;
    }
  }
}

/**
 * Where variant g puts pixel q: bit 1 transposes (u, v) → (v, u), then bit 2
 * mirrors x (u → 27 − u) and bit 4 mirrors y. 8 × 784 indices.
 */
const TARGET = (() => {
  const t = new Int16Array(FIELD_VARIANTS * PIXELS);
  for (let g = 0; g < FIELD_VARIANTS; g++) {
    for (let v = 0; v < SIDE; v++) {
      for (let u = 0; u < SIDE; u++) {
        let x = g & 1 ? v : u;
        let y = g & 1 ? u : v;
        if (g & 2) x = SIDE - 1 - x;
        if (g & 4) y = SIDE - 1 - y;
        t[g * PIXELS + v * SIDE + u] = y * SIDE + x;
      }
    }
  }
  return t;
})();

/**
 * Fills (dispX, dispY) with the displacement, in source pixels, of field
 * `pick` (0 … size·8 − 1: field pick >> 3 in orientation pick & 7) scaled by
 * α and carried through the inverse affine map's linear part m[0 … 3].
 *
 * Why through m: the elastic field moves points of the affine output p to
 * p + d(p); sampling the original at A⁻¹(p + d(p)) = A⁻¹(p) + M·d(p) is the
 * affine map followed by the distortion, in one bilinear pass instead of two
 * (each pass blurs).
 */
export function elasticDisplacement(pool: ElasticPool, pick: number, alpha: number, m: Float64Array, dispX: Float32Array, dispY: Float32Array): void {
  const g = pick & 7;
  const base = (pick >> 3) * PIXELS;
  // The orientation acts on the vectors too: L = (mirror) · (transpose).
  let l00 = g & 1 ? 0 : 1;
  let l01 = g & 1 ? 1 : 0;
  let l10 = l01;
  let l11 = l00;
  if (g & 2) {
    l00 = -l00;
    l01 = -l01;
  }
  if (g & 4) {
    l10 = -l10;
    l11 = -l11;
  }
  const a00 = alpha * (m[0] * l00 + m[1] * l10);
  const a01 = alpha * (m[0] * l01 + m[1] * l11);
  const a10 = alpha * (m[2] * l00 + m[3] * l10);
  const a11 = alpha * (m[2] * l01 + m[3] * l11);
  const target = g * PIXELS;
  const { dx, dy } = pool;
  for (let q = 0; q < PIXELS; q++) {
    const ex = dx[base + q];
    const ey = dy[base + q];
    const p = TARGET[target + q];
    dispX[p] = a00 * ex + a01 * ey;
    dispY[p] = a10 * ex + a11 * ey;
  }
}
