import { describe, expect, it } from 'vitest';
import type { ImageSet } from './dataset.ts';
import { IMAGE_SIZE } from './dataset.ts';
import { ROTATION_ANGLES, cachedRotations, rotateImage, rotatedSet } from './rotatedSets.ts';

/** Three images of distinct-ish bytes. */
function smallSet(): ImageSet {
  const images = Uint8Array.from({ length: 3 * IMAGE_SIZE }, (_, k) => (k * 37) % 256);
  return { images, labels: Uint8Array.from([4, 1, 9]), count: 3 };
}

describe('rotated test sets', () => {
  it('are the angles of the table', () => {
    expect(ROTATION_ANGLES).toEqual([-45, -30, -15, 0, 15, 30, 45]);
  });

  it('are built once per set and angle: asked twice, the very same object', () => {
    const set = smallSet();
    const a = rotatedSet(set, 30);
    expect(rotatedSet(set, 30)).toBe(a);
    expect(rotatedSet(set, -30)).not.toBe(a);
    expect(cachedRotations(set)).toBe(2);
    // Another set (another identity) has its own.
    expect(rotatedSet(smallSet(), 30)).not.toBe(a);
    expect(rotatedSet(smallSet(), 30)).toEqual(a);
  });

  it('at 0° are the set itself, and keep the labels', () => {
    const set = smallSet();
    expect(rotatedSet(set, 0)).toBe(set);
    expect(rotatedSet(set, 15).labels).toBe(set.labels);
    expect(rotatedSet(set, 15).count).toBe(3);
  });

  it('turn each image as the sampler does: a quarter turn is the exact permutation of its bytes', () => {
    const set = smallSet();
    const q = rotatedSet(set, 90).images;
    for (let i = 0; i < 3; i++) {
      for (let v = 0; v < 28; v++) for (let u = 0; u < 28; u++) expect(q[i * IMAGE_SIZE + v * 28 + u]).toBe(set.images[i * IMAGE_SIZE + u * 28 + 27 - v]);
    }
    // At other angles, the bytes are the float rotation rounded.
    const image = Float32Array.from(set.images.subarray(0, IMAGE_SIZE), (b) => b / 255);
    const turned = rotateImage(image, [30]);
    const bytes = rotatedSet(set, 30).images;
    turned.forEach((v, k) => expect(Math.abs(bytes[k] - v * 255)).toBeLessThanOrEqual(0.5 + 1e-3));
  });

  it('turn one drawn image by every angle at once, in order', () => {
    const image = Float32Array.from({ length: IMAGE_SIZE }, (_, k) => (k % 29) / 28);
    const all = rotateImage(image);
    expect(all.length).toBe(ROTATION_ANGLES.length * IMAGE_SIZE);
    const zero = ROTATION_ANGLES.indexOf(0);
    expect(all.subarray(zero * IMAGE_SIZE, (zero + 1) * IMAGE_SIZE)).toEqual(image);
    expect(all.subarray(0, IMAGE_SIZE)).toEqual(rotateImage(image, [-45]));
  });
});
