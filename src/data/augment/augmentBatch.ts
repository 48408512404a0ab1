/**
 * Augments a batch in place: each image gets its own random affine map
 * (rotation, shift, scale about the centre) and, when on, an elastic
 * distortion, sampled bilinearly with zero fill in one pass.
 *
 * Every image takes exactly DRAWS_PER_IMAGE draws from `rng`, whatever is
 * switched on, so turning on a shift leaves each image's angle as it was, and
 * image i's transform depends only on the draws before it. It allocates
 * nothing per call: the scratch buffers below are reused (JavaScript runs
 * one call at a time per thread, and the function never yields).
 */
import type { Rng } from '../../shared/rng.ts';
import { elasticDisplacement, elasticPool, FIELD_VARIANTS } from './elastic.ts';
import type { AffineParams } from './sampler.ts';
import { inverseAffine, loadPadded, PADDED_SIZE, SIDE, sampleAffine, sampleDisplaced } from './sampler.ts';
import type { AugmentSettings } from './settings.ts';
import { isAugmentOff } from './settings.ts';

const PIXELS = SIDE * SIDE;
/** Uniform draws per image: angle, scale, shift x, shift y, elastic field. */
export const DRAWS_PER_IMAGE = 5;

const padded = new Float32Array(PADDED_SIZE);
const map = new Float64Array(6);
const dispX = new Float32Array(PIXELS);
const dispY = new Float32Array(PIXELS);
const params: AffineParams = { angleDeg: 0, scale: 1, shiftX: 0, shiftY: 0 };

/**
 * Replaces images 0 … n−1 of x (n × 784 floats in [0, 1]) by augmented ones.
 * `poolSeed` picks the elastic fields' pool (the run's seed); the per-image
 * choices come from `rng`. Off settings return at once, drawing nothing.
 */
export function augmentBatch(x: Float32Array, n: number, settings: AugmentSettings, rng: Rng, poolSeed = 0): void {
  if (isAugmentOff(settings)) return;
  const { rotationDeg, scalePct, elastic } = settings;
  const shift = Math.max(0, Math.floor(settings.shiftPx));
  const pool = elastic !== null && elastic.alpha !== 0 ? elasticPool(elastic.sigma, poolSeed) : null;
  const picks = pool ? pool.size * FIELD_VARIANTS : 0;
  for (let i = 0; i < n; i++) {
    drawAffine(rotationDeg, scalePct, shift, rng, params);
    const pick = Math.floor(rng.next() * picks);
    inverseAffine(params, map);
    const offset = i * PIXELS;
    loadPadded(x, offset, padded);
    if (pool) {
      elasticDisplacement(pool, pick, elastic!.alpha, map, dispX, dispY);
      sampleDisplaced(padded, map, dispX, dispY, x, offset);
    } else {
      sampleAffine(padded, map, x, offset);
    }
  }
}

/** One image's affine map from four uniform draws: angle and scale continuous, the shift whole pixels (so a shift alone never blurs). */
export function drawAffine(rotationDeg: number, scalePct: number, shift: number, rng: Rng, out: AffineParams): AffineParams {
  out.angleDeg = (2 * rng.next() - 1) * rotationDeg;
  out.scale = 1 + ((2 * rng.next() - 1) * scalePct) / 100;
  out.shiftX = Math.floor(rng.next() * (2 * shift + 1)) - shift;
  out.shiftY = Math.floor(rng.next() * (2 * shift + 1)) - shift;
  return out;
}
