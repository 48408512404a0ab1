/**
 * MNIST held as bytes (one Uint8Array per set, 784 bytes an image) with the
 * train/validation split as index lists. Images become floats (pixel/255)
 * one batch at a time, into a reused buffer, so 60,000 images never exist as
 * 188 MB of float32 at once.
 */
import { deriveRng, shuffleInPlace } from '../shared/rng.ts';

export const IMAGE_SIZE = 28 * 28;
export const NUM_CLASSES = 10;

/** A set of images in uint8 storage. */
export interface ImageSet {
  /** count × 784 bytes. */
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

/** Index lists into the official 60,000 training images. */
export interface Split {
  train: Int32Array;
  validation: Int32Array;
}

/**
 * Holds `validationSize` images out of `count`, chosen by a seeded shuffle.
 * `trainLimit` (optional) keeps only the first that many training indices:
 * a quick-run option that never touches the validation set.
 */
export function splitTrainValidation(count: number, validationSize: number, seed: number, trainLimit?: number): Split {
  if (!Number.isInteger(validationSize) || validationSize < 1 || validationSize >= count) {
    throw new RangeError(`validation size must be a whole number from 1 to ${count - 1}, got ${validationSize}`);
  }
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  shuffleInPlace(order, deriveRng(seed, 'split'));
  const validation = order.slice(0, validationSize).sort();
  let train = order.slice(validationSize).sort();
  if (trainLimit !== undefined && trainLimit < train.length) {
    // Take the limit from the shuffled order so a subset is still a random sample.
    train = order.slice(validationSize, validationSize + Math.max(1, Math.floor(trainLimit))).sort();
  }
  return { train, validation };
}

/**
 * Copies images `indices[start .. start+n)` of `set` into `x` as pixel/255
 * (row-major n × 784) and their labels into `y`. The SIMD engine scales the
 * bytes of gatherPixels itself into these very numbers (RaceEngine.trainPixels).
 */
export function fillBatch(set: ImageSet, indices: ArrayLike<number>, start: number, n: number, x: Float32Array, y: Int32Array): void {
  const px = set.images;
  for (let r = 0; r < n; r++) {
    const i = indices[start + r];
    const src = i * IMAGE_SIZE;
    const dst = r * IMAGE_SIZE;
    for (let k = 0; k < IMAGE_SIZE; k++) x[dst + k] = px[src + k] / 255;
    y[r] = set.labels[i];
  }
}

/** Copies images `indices[start .. start+n)` of `set` into `pixels` as they are stored (n × 784 bytes), and their labels into `y`. */
export function gatherPixels(set: ImageSet, indices: ArrayLike<number>, start: number, n: number, pixels: Uint8Array, y: Int32Array): void {
  for (let r = 0; r < n; r++) {
    const i = indices[start + r];
    pixels.set(set.images.subarray(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE), r * IMAGE_SIZE);
    y[r] = set.labels[i];
  }
}

/** x = pixels / 255 over the first n images: what fillBatch makes of the same images. */
export function scalePixels(pixels: Uint8Array, n: number, x: Float32Array): void {
  for (let k = 0; k < n * IMAGE_SIZE; k++) x[k] = pixels[k] / 255;
}

/** The identity index list 0..n-1 (for evaluating a whole set in order). */
export function range(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  return a;
}

/** Labels of `set` at `indices`, in that order. */
export function labelsAt(set: ImageSet, indices: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(indices.length);
  for (let i = 0; i < indices.length; i++) out[i] = set.labels[indices[i]];
  return out;
}

/** A fresh training order for `epoch`: same seed and epoch, same order. */
export function epochOrder(train: Int32Array, seed: number, epoch: number): Int32Array {
  return shuffleInPlace(train.slice(), deriveRng(seed, `shuffle:${epoch}`));
}
