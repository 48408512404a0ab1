/**
 * The diverging colour scale of the weights, the activations and the
 * saliency: ColorBrewer's 11-class RdBu, red below 0, white at 0, blue above,
 * which stays two distinct hues under the common colour-vision deficiencies
 * (ColorBrewer marks it colour-blind safe). Values are scaled by a bound b to
 * t = v / b in [−1, 1]; beyond ±b they take the end colours. A 257-entry
 * table, so painting 100,000 weights is a lookup each.
 */
import type { Rgb } from '../components/eval/colourScale.ts';
import { parseHex } from '../components/eval/colourScale.ts';

/** ColorBrewer RdBu, 11 classes, from −1 (dark red) through white to +1 (dark blue). */
export const DIVERGING_RAMP: readonly string[] = [
  '#67001f',
  '#b2182b',
  '#d6604d',
  '#f4a582',
  '#fddbc7',
  '#f7f7f7',
  '#d1e5f0',
  '#92c5de',
  '#4393c3',
  '#2166ac',
  '#053061',
];

const STEPS = 256;
const STOPS = DIVERGING_RAMP.map(parseHex);

/** RGB triples for t = −1 … +1 in STEPS equal steps (index STEPS / 2 is 0). */
const TABLE: Uint8ClampedArray = (() => {
  const table = new Uint8ClampedArray((STEPS + 1) * 3);
  for (let k = 0; k <= STEPS; k++) {
    const u = (k / STEPS) * (STOPS.length - 1);
    const i = Math.min(STOPS.length - 2, Math.floor(u));
    const f = u - i;
    for (let c = 0; c < 3; c++) table[k * 3 + c] = Math.round(STOPS[i][c] + (STOPS[i + 1][c] - STOPS[i][c]) * f);
  }
  return table;
})();

/** Whether this machine stores a Uint32 lowest byte first (every browser's CPU does; checked, not assumed). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The table as opaque RGBA pixels packed for a Uint32Array view of ImageData: one write a pixel. */
const PACKED: Uint32Array = (() => {
  const packed = new Uint32Array(STEPS + 1);
  const bytes = new Uint8Array(packed.buffer);
  for (let k = 0; k <= STEPS; k++) {
    const rgba = [TABLE[k * 3], TABLE[k * 3 + 1], TABLE[k * 3 + 2], 255];
    for (let c = 0; c < 4; c++) bytes[k * 4 + (LITTLE_ENDIAN ? c : 3 - c)] = rgba[c];
  }
  return packed;
})();

/**
 * The table index of v on the scale ±bound: round((v / bound + 1) / 2 · STEPS),
 * clamped to the ends; NaN, and any value on a bound of 0 (all weights 0),
 * read as 0, the middle.
 */
function index(v: number, bound: number, scale = STEPS / (2 * bound)): number {
  if (!(bound > 0)) return STEPS / 2;
  const k = Math.round((v + bound) * scale);
  if (k >= 0) return k > STEPS ? STEPS : k;
  return v < 0 ? 0 : v > 0 ? STEPS : STEPS / 2;
}

/**
 * Paints `count` values from `values[from]` on ±bound into `pixels` (a
 * Uint32Array over RGBA bytes) from pixel `at`: the tiles' inner loop,
 * ~100,000 weights a repaint, one table lookup and one write each.
 */
export function paintRun(pixels: Uint32Array, at: number, values: ArrayLike<number>, from: number, count: number, bound: number): void {
  const scale = STEPS / (2 * bound);
  for (let i = 0; i < count; i++) pixels[at + i] = PACKED[index(values[from + i], bound, scale)];
}

/** The colour of v on the scale ±bound. */
export function divergingRgb(v: number, bound: number): Rgb {
  const k = index(v, bound) * 3;
  return [TABLE[k], TABLE[k + 1], TABLE[k + 2]];
}

/** Writes v's colour, opaque, at pixel `p` of an RGBA buffer. */
export function paintPixel(rgba: Uint8ClampedArray, p: number, v: number, bound: number): void {
  const k = index(v, bound) * 3;
  rgba[p * 4] = TABLE[k];
  rgba[p * 4 + 1] = TABLE[k + 1];
  rgba[p * 4 + 2] = TABLE[k + 2];
  rgba[p * 4 + 3] = 255;
}

/** A CSS gradient from −bound to +bound, for the legends. */
export function divergingGradient(): string {
  return `linear-gradient(to right, ${DIVERGING_RAMP.join(', ')})`;
}

/** The largest |v| in a[from, to), 0 if none is finite. */
export function maxAbs(a: ArrayLike<number>, from = 0, to = a.length): number {
  let m = 0;
  for (let i = from; i < to; i++) {
    const v = Math.abs(a[i]);
    if (v > m) m = v;
  }
  return m;
}
