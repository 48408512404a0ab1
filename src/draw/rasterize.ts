/**
 * Strokes → an anti-aliased raster, computed from the recorded points, never
 * from canvas pixels: the result is the same in every browser and in Node.
 *
 * Each segment is a capsule (a thick line with round caps); a pixel's ink is
 * how far its centre lies inside the nearest capsule, ramped over 1 px:
 * coverage = clamp(radius + 0.5 − distance, 0, 1). Overlapping segments take
 * the maximum, not the sum, so joins and crossings never exceed full ink.
 */
import type { Gray, Strokes } from './image.ts';

/**
 * Default pen width as a fraction of the pad side. A digit drawn to fill
 * about 70% of the pad is shrunk by 20 / (0.7 × side), which turns this pen
 * into 0.07 × 20 / 0.7 = 2 px in the 20×20 box: MNIST's strokes are 2–3 px
 * there. The box scaling re-normalises thickness for each drawing, so a digit
 * drawn small comes out bolder, as a small handwritten digit in NIST did.
 */
export const DEFAULT_STROKE_WIDTH = 0.07;

/** Raster side in px: 10× MNIST's 28, fine enough that the 20×20 area average hides its pixels. */
export const DEFAULT_RAW_SIZE = 280;

/**
 * @param strokes points in pad coordinates (0..1); ink outside the pad is cut off.
 * @param size raster side in px.
 * @param strokeWidth pen width as a fraction of the side.
 */
export function rasterize(strokes: Strokes, size = DEFAULT_RAW_SIZE, strokeWidth = DEFAULT_STROKE_WIDTH): Gray {
  const data = new Float32Array(size * size);
  const radius = (strokeWidth * size) / 2;
  for (const stroke of strokes) {
    if (stroke.length === 0) continue;
    // A one-point stroke is a zero-length segment: a round dot.
    if (stroke.length === 1) drawSegment(data, size, radius, stroke[0].x * size, stroke[0].y * size, stroke[0].x * size, stroke[0].y * size);
    for (let i = 1; i < stroke.length; i++) {
      const a = stroke[i - 1];
      const b = stroke[i];
      drawSegment(data, size, radius, a.x * size, a.y * size, b.x * size, b.y * size);
    }
  }
  return { data, w: size, h: size };
}

/** Max-blends one capsule from (ax, ay) to (bx, by), in px, into `data`. */
function drawSegment(data: Float32Array, size: number, radius: number, ax: number, ay: number, bx: number, by: number): void {
  // Only pixels whose centre is within radius + 0.5 of the segment get ink.
  const reach = radius + 0.5;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - reach));
  const x1 = Math.min(size - 1, Math.ceil(Math.max(ax, bx) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - reach));
  const y1 = Math.min(size - 1, Math.ceil(Math.max(ay, by) + reach));
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      // Projection of the pixel centre onto the segment, clamped to its ends (the round caps).
      const t = len2 > 0 ? Math.min(1, Math.max(0, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
      const ex = px - (ax + t * dx);
      const ey = py - (ay + t * dy);
      const cover = reach - Math.sqrt(ex * ex + ey * ey);
      if (cover <= 0) continue;
      const v = cover >= 1 ? 1 : cover;
      const k = y * size + x;
      if (v > data[k]) data[k] = v;
    }
  }
}
