/** The ink's bounding box: MNIST normalised the digit's extent, not the page's. */
import type { Gray } from './image.ts';

/**
 * Ink below this is treated as paper when finding the box. The rasterizer's
 * anti-aliased rim can leave a pixel at a few thousandths of ink, which
 * would otherwise widen the box by a pixel for nothing.
 */
const INK_THRESHOLD = 1e-3;

export interface Crop extends Gray {
  /** Where the crop's top-left pixel was in the source. */
  x0: number;
  y0: number;
}

/** The smallest rectangle holding all ink, or null for a blank image. */
export function cropToInk(img: Gray): Crop | null {
  let minX = img.w;
  let minY = img.h;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < img.h; y++) {
    for (let x = 0; x < img.w; x++) {
      if (img.data[y * img.w + x] <= INK_THRESHOLD) continue;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (maxX < 0) return null;
  const w = maxX - minX + 1;
  const h = maxY - minY + 1;
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) data.set(img.data.subarray((minY + y) * img.w + minX, (minY + y) * img.w + minX + w), y * w);
  return { data, w, h, x0: minX, y0: minY };
}
