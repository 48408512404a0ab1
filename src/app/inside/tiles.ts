/**
 * The first-layer weights as a grid of 28×28 tiles on one canvas: where each
 * tile goes, painting them all into one RGBA image (one pixel per weight, a
 * 1-pixel gap between tiles; CSS enlarges it), and the figures the text
 * alternative reads out. Pure: the component only puts the image on screen.
 */
import type { WeightTiles } from '../../worker/protocol.ts';
import { maxAbs, paintRun } from './diverging.ts';

export const SIDE = 28;
const PIXELS = SIDE * SIDE;
/** The gaps between tiles: the page's muted grey, dark enough to part pale, noisy tiles once enlarged. */
export const GAP_RGBA = [86, 96, 107, 255] as const;

export interface TileLayout {
  columns: number;
  rows: number;
  /** Canvas size, px: tiles of 28 with a 1-px gap between them. */
  width: number;
  height: number;
}

/**
 * Columns for `units` tiles: about twice as wide as tall (the panel is wide),
 * at most 32 across; 128 tiles make 16 × 8, 1,024 make 32 × 32, 10 make 5 × 2.
 */
export function tileLayout(units: number): TileLayout {
  const columns = Math.max(1, Math.min(32, units, Math.ceil(Math.sqrt(units * 2))));
  const rows = Math.ceil(units / columns);
  return { columns, rows, width: columns * (SIDE + 1) - 1, height: rows * (SIDE + 1) - 1 };
}

/** Which unit's tile is under canvas pixel (x, y), or null in a gap or past the last tile. */
export function unitAt(layout: TileLayout, units: number, x: number, y: number): number | null {
  const col = Math.floor(x / (SIDE + 1));
  const row = Math.floor(y / (SIDE + 1));
  if (x < 0 || y < 0 || col >= layout.columns || x % (SIDE + 1) === SIDE || y % (SIDE + 1) === SIDE) return null;
  const unit = row * layout.columns + col;
  return unit < units ? unit : null;
}

/**
 * The colour bound of each tile: its own largest |weight| ('tile': every
 * unit's pattern shows at full contrast) or the largest over all tiles
 * ('shared': tiles compare, and a unit with small weights looks faint).
 */
export function tileBounds(w: WeightTiles, scale: 'tile' | 'shared'): Float64Array {
  const bounds = Float64Array.from({ length: w.units }, (_, u) => maxAbs(w.tiles, u * PIXELS, (u + 1) * PIXELS));
  if (scale === 'shared') bounds.fill(maxAbs(bounds));
  return bounds;
}

/** Every tile, painted on the diverging scale into an RGBA image of layout.width × layout.height. */
export function paintTiles(w: WeightTiles, layout: TileLayout, bounds: Float64Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(layout.width * layout.height * 4);
  const pixels = new Uint32Array(rgba.buffer);
  // The gap colour in pixel 0's bytes, then everywhere: the tiles paint over it.
  rgba.set(GAP_RGBA);
  pixels.fill(pixels[0]);
  for (let u = 0; u < w.units; u++) {
    const x0 = (u % layout.columns) * (SIDE + 1);
    const y0 = Math.floor(u / layout.columns) * (SIDE + 1);
    for (let r = 0; r < SIDE; r++) paintRun(pixels, (y0 + r) * layout.width + x0, w.tiles, u * PIXELS + r * SIDE, SIDE, bounds[u]);
  }
  return rgba;
}

/** One unit's smallest and largest weight. */
export interface UnitExtremes {
  unit: number;
  min: number;
  max: number;
}

/** What the text alternative says: the units with the largest positive and negative weights, and the overall range. */
export interface TilesSummary {
  /** Up to `n` units by their largest weight, highest first. */
  mostPositive: UnitExtremes[];
  /** Up to `n` units by their smallest weight, lowest first. */
  mostNegative: UnitExtremes[];
  min: number;
  max: number;
}

export function summariseTiles(w: WeightTiles, n = 3): TilesSummary {
  const units: UnitExtremes[] = [];
  for (let u = 0; u < w.units; u++) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = u * PIXELS; i < (u + 1) * PIXELS; i++) {
      const v = w.tiles[i];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    units.push({ unit: u, min, max });
  }
  const mostPositive = [...units].sort((a, b) => b.max - a.max).slice(0, n);
  const mostNegative = [...units].sort((a, b) => a.min - b.min).slice(0, n);
  return { mostPositive, mostNegative, min: mostNegative[0]?.min ?? 0, max: mostPositive[0]?.max ?? 0 };
}
