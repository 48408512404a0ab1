/**
 * LeCun's size normalisation: the digit's box scaled so its longer side is
 * 20 px, aspect ratio kept, anti-aliased. Anti-aliasing here is exact area
 * averaging (a box filter): each output pixel is the mean ink over the
 * source area it covers, partial source pixels weighted by their overlap.
 */
import type { Gray } from './image.ts';

/** MNIST's normalised box side, px. */
export const FIT_SIZE = 20;

/**
 * Scales `img` uniformly so its longer side is `size`, and centres it (by its
 * box, at sub-pixel precision) in a size × size image. The peak is then set
 * to 1: every MNIST digit reaches full ink, and a thin pen shrunk a lot would
 * otherwise come out grey, which MNIST never is.
 */
export function fitToBox(img: Gray, size = FIT_SIZE): Gray {
  const scale = size / Math.max(img.w, img.h);
  // Offsets in output px that centre the scaled content.
  const ox = (size - img.w * scale) / 2;
  const oy = (size - img.h * scale) / 2;
  const wx = overlapWeights(size, img.w, scale, ox);
  const wy = overlapWeights(size, img.h, scale, oy);

  // Separable: first along x (rows of img → rows of `size`), then along y.
  const tmp = new Float32Array(img.h * size);
  for (let y = 0; y < img.h; y++) {
    for (const { out, src, weight } of wx) tmp[y * size + out] += img.data[y * img.w + src] * weight;
  }
  const data = new Float32Array(size * size);
  for (const { out, src, weight } of wy) {
    for (let x = 0; x < size; x++) data[out * size + x] += tmp[src * size + x] * weight;
  }
  normalisePeak(data);
  return { data, w: size, h: size };
}

interface Weight {
  out: number;
  src: number;
  weight: number;
}

/**
 * 1-D area weights: output pixel `out` spans source interval
 * [(out − offset) / scale, (out + 1 − offset) / scale); source pixel `src`
 * contributes its overlap with it, times `scale` so that an output pixel
 * fully inside the content sums to weight 1.
 */
function overlapWeights(outSize: number, srcSize: number, scale: number, offset: number): Weight[] {
  const weights: Weight[] = [];
  for (let out = 0; out < outSize; out++) {
    const lo = Math.max(0, (out - offset) / scale);
    const hi = Math.min(srcSize, (out + 1 - offset) / scale);
    for (let src = Math.floor(lo); src < hi && src < srcSize; src++) {
      const overlap = Math.min(hi, src + 1) - Math.max(lo, src);
      if (overlap > 0) weights.push({ out, src, weight: overlap * scale });
    }
  }
  return weights;
}

/** Divides by the maximum and clamps to [0, 1] (float sums can overshoot by an ulp). */
function normalisePeak(data: Float32Array): void {
  let max = 0;
  for (const v of data) if (v > max) max = v;
  if (max <= 0) return;
  for (let i = 0; i < data.length; i++) data[i] = Math.min(1, data[i] / max);
}
