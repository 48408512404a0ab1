/**
 * Sample digits for the drawing pad: the test set's images of one digit, in
 * the set's own order, so "Load a sample 3" pressed again shows the next 3
 * (and the same ones in every browser).
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE } from '../data/dataset.ts';

/** The `nth` image (counting round) of `digit` in `set`, with its index; null when the set has none. */
export function nthImageOf(set: ImageSet, digit: number, nth: number): { index: number; image: Uint8Array } | null {
  let count = 0;
  for (let i = 0; i < set.count; i++) if (set.labels[i] === digit) count++;
  if (count === 0) return null;
  let wanted = ((Math.floor(nth) % count) + count) % count;
  for (let i = 0; i < set.count; i++) {
    if (set.labels[i] !== digit) continue;
    if (wanted-- === 0) return { index: i, image: set.images.slice(i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE) };
  }
  return null;
}
