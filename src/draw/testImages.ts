/** Test helpers: synthetic strokes and measurements on images. Used only by tests. */
import type { Point } from './image.ts';

/** Inclusive ink bounding box of a side × side image; null when blank. */
export function inkBox(data: Float32Array, w: number, threshold = 0.05) {
  const h = data.length / w;
  let minX = w,
    minY = h,
    maxX = -1,
    maxY = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (data[y * w + x] <= threshold) continue;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  return maxX < 0 ? null : { minX, minY, maxX, maxY, w: maxX - minX + 1, h: maxY - minY + 1 };
}

/** A straight stroke sampled every `step` of pad, like a pointer moving steadily. */
export function line(a: Point, b: Point, step = 0.01): Point[] {
  const n = Math.max(1, Math.ceil(Math.hypot(b.x - a.x, b.y - a.y) / step));
  return Array.from({ length: n + 1 }, (_, i) => ({ x: a.x + ((b.x - a.x) * i) / n, y: a.y + ((b.y - a.y) * i) / n }));
}

/** A closed circle of `n` segments. */
export function circle(cx: number, cy: number, r: number, n = 64): Point[] {
  return Array.from({ length: n + 1 }, (_, i) => ({ x: cx + r * Math.cos((2 * Math.PI * i) / n), y: cy + r * Math.sin((2 * Math.PI * i) / n) }));
}
