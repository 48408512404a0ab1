/**
 * The drawing seen from inside, as pictures and figures: a layer's
 * activations as a strip of cells, the saliency painted over the 28×28 input,
 * and the figures the text alternatives read out. Pure: components only put
 * the images on screen.
 */
import { divergingRgb, maxAbs, paintPixel } from './diverging.ts';

/** One cell per unit, on the diverging scale ±(the layer's largest |activation|): ReLU layers show blues only. */
export function stripRgba(values: ArrayLike<number>): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(values.length * 4);
  const bound = maxAbs(values);
  for (let i = 0; i < values.length; i++) paintPixel(rgba, i, values[i], bound);
  return rgba;
}

/** The `n` units with the largest values, largest first (ties: lower index first). */
export function topUnits(values: ArrayLike<number>, n: number): { unit: number; value: number }[] {
  return Array.from(values, (value, unit) => ({ unit, value }))
    .sort((a, b) => b.value - a.value || a.unit - b.unit)
    .slice(0, n);
}

/** Units whose activation is above 0 (a ReLU unit at 0 is silent). */
export function activeCount(values: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > 0) n++;
  return n;
}

/** How strongly the saliency colour covers the drawing at the largest |gradient|; the ink shows through the rest. */
const OVERLAY_ALPHA = 0.85;
/** The drawing's ink under the overlay: dark grey at full ink, white at none. */
const INK_GREY = 90;

/**
 * The 28×28 input in grey with the saliency over it: blue where more ink
 * would raise the digit's probability, red where it would lower it, opacity
 * growing with |gradient| (scaled by its largest value).
 */
export function saliencyRgba(input: ArrayLike<number>, saliency: ArrayLike<number>): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(input.length * 4);
  const bound = maxAbs(saliency);
  for (let p = 0; p < input.length; p++) {
    const ink = Math.min(1, Math.max(0, input[p]));
    const grey = 255 - ink * (255 - INK_GREY);
    const s = saliency[p];
    const alpha = bound > 0 && Number.isFinite(s) ? (Math.abs(s) / bound) * OVERLAY_ALPHA : 0;
    const [r, g, b] = divergingRgb(s, bound);
    rgba[p * 4] = grey + (r - grey) * alpha;
    rgba[p * 4 + 1] = grey + (g - grey) * alpha;
    rgba[p * 4 + 2] = grey + (b - grey) * alpha;
    rgba[p * 4 + 3] = 255;
  }
  return rgba;
}

/** Where the saliency is largest and smallest: row and column (0-based) of a 28-wide image, and the value. */
export function saliencyPeaks(
  saliency: ArrayLike<number>,
  side = 28,
): { up: { row: number; column: number; value: number }; down: { row: number; column: number; value: number } } {
  let hi = 0;
  let lo = 0;
  for (let p = 1; p < saliency.length; p++) {
    if (saliency[p] > saliency[hi]) hi = p;
    if (saliency[p] < saliency[lo]) lo = p;
  }
  const at = (p: number) => ({ row: Math.floor(p / side), column: p % side, value: saliency[p] });
  return { up: at(hi), down: at(lo) };
}
