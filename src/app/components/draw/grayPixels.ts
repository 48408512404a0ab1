/**
 * A [0, 1] ink image as canvas pixels. Dark ink on a white ground, like the
 * pad and the gallery, so the preview reads as "your drawing, smaller"; the
 * network itself receives 1 = ink, as in MNIST.
 */

/** RGBA bytes for ImageData; values outside [0, 1] are clamped. */
export function inkRgba(data: ArrayLike<number>): Uint8ClampedArray<ArrayBuffer> {
  const rgba = new Uint8ClampedArray(data.length * 4);
  for (let i = 0; i < data.length; i++) {
    const v = 255 - Math.round(255 * Math.min(1, Math.max(0, data[i])));
    rgba[i * 4] = v;
    rgba[i * 4 + 1] = v;
    rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** CSS size that fits a w × h image into a `max` px square keeping its aspect ratio. */
export function fitCss(w: number, h: number, max: number): { width: number; height: number } {
  const s = max / Math.max(w, h, 1);
  return { width: Math.max(1, Math.round(w * s)), height: Math.max(1, Math.round(h * s)) };
}
