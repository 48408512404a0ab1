/**
 * Pointer position → pad coordinates (0..1, y downwards), the unit the store
 * and the preprocessing use, so strokes do not depend on the canvas's CSS
 * size or the screen's pixel ratio.
 */
import type { PadPoint } from '../../store/drawSlice.ts';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Clamped to the pad: with pointer capture a stroke keeps coming after the
 * pointer leaves the canvas, and ink off the pad would be lost to the
 * raster anyway, so it is pinned to the edge instead.
 */
export function toPadPoint(clientX: number, clientY: number, rect: Rect): PadPoint {
  const clamp = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
  return {
    x: rect.width > 0 ? clamp((clientX - rect.left) / rect.width) : 0,
    y: rect.height > 0 ? clamp((clientY - rect.top) / rect.height) : 0,
  };
}

/** Pad units: a move below this (about a third of a pixel at 280 px) adds nothing to the raster. */
const MIN_STEP = 1e-3;

/** Whether `p` is far enough from the stroke's last point to record. */
export function isNewPoint(points: readonly PadPoint[], p: PadPoint): boolean {
  const last = points[points.length - 1];
  return !last || Math.abs(last.x - p.x) >= MIN_STEP || Math.abs(last.y - p.y) >= MIN_STEP;
}
