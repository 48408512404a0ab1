import { describe, expect, it } from 'vitest';
import { readMnist } from '../../test-support/mnist.ts';
import type { Rng } from '../../shared/rng.ts';
import { deriveRng } from '../../shared/rng.ts';
import { fillBatch, IMAGE_SIZE, range } from '../dataset.ts';
import { DRAWS_PER_IMAGE, augmentBatch } from './augmentBatch.ts';
import type { AugmentSettings } from './settings.ts';
import { NO_AUGMENTATION, SIMARD_ELASTIC } from './settings.ts';
import { SIDE } from './sampler.ts';

const N = 32;

/** The first N training images as floats. */
function batch(): Float32Array {
  const { train } = readMnist();
  const x = new Float32Array(N * IMAGE_SIZE);
  fillBatch(train, range(N), 0, N, x, new Int32Array(N));
  return x;
}

function augmented(settings: AugmentSettings, seed = 1, purpose = 'augment:1:0'): Float32Array {
  const x = batch();
  augmentBatch(x, N, settings, deriveRng(seed, purpose), seed);
  return x;
}

const image = (x: Float32Array, i: number) => x.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE);
const ink = (img: Float32Array) => img.reduce((s, v) => s + v, 0);
/** An Rng that counts its draws. */
function counting(inner: Rng): Rng & { draws: number } {
  const rng = {
    draws: 0,
    next() {
      rng.draws++;
      return inner.next();
    },
  };
  return rng;
}

const ROTATE: AugmentSettings = { ...NO_AUGMENTATION, rotationDeg: 30 };
const ALL: AugmentSettings = { rotationDeg: 15, shiftPx: 2, scalePct: 10, elastic: SIMARD_ELASTIC };

describe('augmentBatch', () => {
  it('leaves the batch alone, drawing nothing, when everything is off', () => {
    const x = batch();
    const rng = counting(deriveRng(1, 'a'));
    augmentBatch(x, N, NO_AUGMENTATION, rng);
    expect(x).toEqual(batch());
    expect(rng.draws).toBe(0);
  });

  it('gives the same batch for the same seed and another for another seed', () => {
    for (const s of [ROTATE, ALL]) {
      expect(augmented(s, 1)).toEqual(augmented(s, 1));
      expect(augmented(s, 2)).not.toEqual(augmented(s, 1));
    }
  });

  it('takes the same number of draws per image whatever is on, so switching on a shift keeps every angle', () => {
    for (const s of [ROTATE, ALL, { ...NO_AUGMENTATION, shiftPx: 1 }]) {
      const rng = counting(deriveRng(1, 'a'));
      augmentBatch(batch(), N, s, rng, 1);
      expect(rng.draws).toBe(N * DRAWS_PER_IMAGE);
    }
    const turned = augmented(ROTATE);
    const turnedAndScaled = augmented({ ...ROTATE, scalePct: 1e-9 });
    turned.forEach((v, k) => expect(turnedAndScaled[k]).toBeCloseTo(v, 5));
  });

  it('shifts by whole pixels only: each image is its original moved by some (dx, dy) within ±2, exactly', () => {
    const x = batch();
    const out = augmented({ ...NO_AUGMENTATION, shiftPx: 2 });
    const shifts = new Set<string>();
    for (let i = 0; i < N; i++) {
      const src = image(x, i);
      const got = image(out, i);
      const match = [-2, -1, 0, 1, 2]
        .flatMap((dx) => [-2, -1, 0, 1, 2].map((dy) => [dx, dy]))
        .find(([dx, dy]) =>
          got.every((v, k) => {
            const u = (k % SIDE) - dx;
            const w = Math.floor(k / SIDE) - dy;
            return v === (u >= 0 && u < SIDE && w >= 0 && w < SIDE ? src[w * SIDE + u] : 0);
          }),
        );
      expect(match).toBeDefined();
      shifts.add(String(match));
    }
    expect(shifts.size).toBeGreaterThan(5);
  });

  it('turns each image by its own angle, keeping the ink (bilinear, digits stay inside the frame)', () => {
    const x = batch();
    const out = augmented(ROTATE);
    let changed = 0;
    for (let i = 0; i < N; i++) {
      if (image(out, i).some((v, k) => v !== image(x, i)[k])) changed++;
      expect(ink(image(out, i))).toBeGreaterThan(0.85 * ink(image(x, i)));
      expect(ink(image(out, i))).toBeLessThan(1.05 * ink(image(x, i)));
    }
    expect(changed).toBe(N);
  });

  it('distorts elastically within [0, 1], moving ink around (a field squeezes some strokes, stretches others)', () => {
    const x = batch();
    const out = augmented({ ...NO_AUGMENTATION, elastic: SIMARD_ELASTIC });
    for (const v of out) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    for (let i = 0; i < N; i++) {
      const a = image(x, i);
      const b = image(out, i);
      const moved = b.reduce((s, v, k) => s + Math.abs(v - a[k]), 0);
      expect(moved).toBeGreaterThan(0.1 * ink(a));
      expect(ink(b)).toBeGreaterThan(0.4 * ink(a));
      expect(ink(b)).toBeLessThan(2.5 * ink(a));
    }
    // Squeezes and stretches roughly balance out over a batch.
    expect(ink(out) / ink(x)).toBeGreaterThan(0.8);
    expect(ink(out) / ink(x)).toBeLessThan(1.25);
  });

  it('augments only the first n images of the buffer', () => {
    const x = batch();
    augmentBatch(x, 3, ALL, deriveRng(1, 'a'), 1);
    expect(x.subarray(3 * IMAGE_SIZE)).toEqual(batch().subarray(3 * IMAGE_SIZE));
    expect(x.subarray(0, 3 * IMAGE_SIZE)).not.toEqual(batch().subarray(0, 3 * IMAGE_SIZE));
  });
});
