/**
 * A drawing → the 28×28 image the network expects, by MNIST's own recipe
 * (LeCun et al.): crop to the ink, scale to fit 20×20 keeping the aspect
 * ratio with anti-aliasing, then centre by mass in 28×28. A network trained
 * on MNIST has only ever seen digits normalised this way; a raw downscale of
 * the pad gives it a digit of the wrong size in the wrong place.
 *
 * Pure: no DOM, no React, no tfjs. Deterministic for a given input.
 */
import { centreByMass, massCentre, type MassCentre } from './centre.ts';
import { cropToInk } from './crop.ts';
import type { Strokes } from './image.ts';
import { DEFAULT_RAW_SIZE, DEFAULT_STROKE_WIDTH, rasterize } from './rasterize.ts';
import { fitToBox } from './resample.ts';

export { DEFAULT_STROKE_WIDTH } from './rasterize.ts';

export interface PreprocessOptions {
  /** Pen width as a fraction of the pad side; default DEFAULT_STROKE_WIDTH. */
  strokeWidth?: number;
  /** Side of the intermediate raster, px; default 280. */
  rawSize?: number;
}

/** Every step's image, so the page can show how the drawing became the input. All values in [0, 1], 1 = ink. */
export interface PreprocessResult {
  /** The strokes rasterised, rawSize × rawSize. */
  raw: Float32Array;
  rawSize: number;
  /** `raw` cropped to the ink's bounding box, boxW × boxH. */
  box: Float32Array;
  boxW: number;
  boxH: number;
  /** The box scaled so its longer side is 20, centred in 20×20. */
  fit20: Float32Array;
  /** The network's input: 28×28, row-major, centre of mass at (14, 14) within half a pixel. */
  centred: Float32Array;
  /** Centre of mass of `centred`, pixel-centre coordinates (col + 0.5, row + 0.5). */
  massCentre: MassCentre;
}

/** null when there is no ink: no strokes, only empty strokes, or every point off the pad. */
export function preprocess(strokes: Strokes, options: PreprocessOptions = {}): PreprocessResult | null {
  if (!strokes.some((s) => s.length > 0)) return null;
  const rawSize = options.rawSize ?? DEFAULT_RAW_SIZE;
  const raw = rasterize(strokes, rawSize, options.strokeWidth ?? DEFAULT_STROKE_WIDTH);
  const box = cropToInk(raw);
  if (!box) return null;
  const fit = fitToBox(box);
  const centred = centreByMass(fit);
  return {
    raw: raw.data,
    rawSize,
    box: box.data,
    boxW: box.w,
    boxH: box.h,
    fit20: fit.data,
    centred: centred.data,
    massCentre: massCentre(centred),
  };
}
