/**
 * An MNIST image as strokes for the drawing pad, so a sample digit can be
 * loaded into a pad that only keeps strokes (and Undo, the preview and the
 * network all work on it as on a drawing). Each row's runs of ink become one
 * horizontal stroke through the pixel centres; at the pad's pen width
 * (DEFAULT_STROKE_WIDTH, about 2 px of 28) neighbouring rows' strokes
 * overlap, so the runs read as one solid digit, a little bolder than the
 * original. Pure: no DOM.
 */
import type { Point } from './image.ts';

/** Pixels at or above this byte (half ink) become strokes; the anti-aliased fringe below it is left to the pen's width. */
export const INK_THRESHOLD = 128;

/**
 * @param pixels side × side bytes, row-major, 0 = paper, 255 = ink (MNIST's own bytes).
 * @returns strokes in pad coordinates (0..1), row by row, top to bottom.
 */
export function strokesFromImage(pixels: ArrayLike<number>, side = 28, threshold = INK_THRESHOLD): Point[][] {
  if (pixels.length !== side * side) throw new RangeError(`expected ${side * side} pixels, got ${pixels.length}`);
  const strokes: Point[][] = [];
  const at = (px: number) => (px + 0.5) / side;
  for (let r = 0; r < side; r++) {
    let start = -1;
    for (let c = 0; c <= side; c++) {
      const ink = c < side && pixels[r * side + c] >= threshold;
      if (ink && start < 0) start = c;
      if (!ink && start >= 0) {
        const end = c - 1;
        strokes.push(
          end === start
            ? [{ x: at(start), y: at(r) }]
            : [
                { x: at(start), y: at(r) },
                { x: at(end), y: at(r) },
              ],
        );
        start = -1;
      }
    }
  }
  return strokes;
}
