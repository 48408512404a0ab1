/**
 * The test set turned by fixed angles, for "Accuracy by rotation" and the
 * drawing pad's "Try rotations": the same bilinear sampler, centre and zero
 * fill as augmentation (augment/sampler.ts), so a model trained on rotations
 * is tested on the very kind of image it trained on.
 *
 * A rotated set is built once per (set, angle), on first use, and kept:
 * every run's end and every loaded model reuse it. Stored as bytes like the
 * set itself (10,000 × 784 B = 7.8 MB an angle; the six non-zero angles
 * 47 MB in all; 0° is the set itself). Building one takes about 0.15 s of
 * CPU (scripts/bench-augment.ts), 1 s for the six, which every run's end
 * would pay again without the cache (the forward passes over the seven sets
 * take about 2 s in Node on wasm). Bytes keep fillBatch and predictRuns
 * working on them unchanged. The cache holds its sets weakly by the source
 * set: dropping the test set frees them.
 */
import type { ImageSet } from './dataset.ts';
import { IMAGE_SIZE } from './dataset.ts';
import type { AffineParams } from './augment/sampler.ts';
import { IDENTITY, inverseAffine, loadPadded, loadPaddedBytes, PADDED_SIZE, sampleAffine } from './augment/sampler.ts';

/** The angles of "Accuracy by rotation", degrees, counter-clockwise positive. */
export const ROTATION_ANGLES: readonly number[] = [-45, -30, -15, 0, 15, 30, 45];

const cache = new WeakMap<ImageSet, Map<number, ImageSet>>();

/** `set` with every image turned by `angleDeg` about its centre; the same object on every call. 0° is `set` itself. */
export function rotatedSet(set: ImageSet, angleDeg: number): ImageSet {
  if (angleDeg === 0) return set;
  let byAngle = cache.get(set);
  if (!byAngle) {
    byAngle = new Map();
    cache.set(set, byAngle);
  }
  let rotated = byAngle.get(angleDeg);
  if (!rotated) {
    rotated = { images: rotateBytes(set.images, set.count, angleDeg), labels: set.labels, count: set.count };
    byAngle.set(angleDeg, rotated);
  }
  return rotated;
}

/** How many rotated sets the cache holds for `set` (for tests and the memory figure). */
export function cachedRotations(set: ImageSet): number {
  return cache.get(set)?.size ?? 0;
}

function rotateBytes(images: Uint8Array, count: number, angleDeg: number): Uint8Array {
  const out = new Uint8Array(count * IMAGE_SIZE);
  const padded = new Float32Array(PADDED_SIZE);
  const turned = new Float32Array(IMAGE_SIZE);
  const m = turnMap(angleDeg);
  for (let i = 0; i < count; i++) {
    loadPaddedBytes(images, i * IMAGE_SIZE, padded);
    sampleAffine(padded, m, turned, 0);
    const o = i * IMAGE_SIZE;
    // Bilinear weights are convex, so values stay in [0, 1]: rounding is the only loss (±0.5 of 255).
    for (let k = 0; k < IMAGE_SIZE; k++) out[o + k] = Math.round(turned[k] * 255);
  }
  return out;
}

/**
 * One image (784 floats in [0, 1], e.g. the drawing pad's) turned by each
 * angle: angles.length × 784 floats, row-major, in the order of `angles`.
 */
export function rotateImage(image: Float32Array, angles: readonly number[] = ROTATION_ANGLES): Float32Array {
  const out = new Float32Array(angles.length * IMAGE_SIZE);
  const padded = new Float32Array(PADDED_SIZE);
  loadPadded(image, 0, padded);
  angles.forEach((a, k) => sampleAffine(padded, turnMap(a), out, k * IMAGE_SIZE));
  return out;
}

function turnMap(angleDeg: number): Float64Array {
  const p: AffineParams = { ...IDENTITY, angleDeg };
  const m = new Float64Array(6);
  inverseAffine(p, m);
  return m;
}
