/**
 * Sequential colour scales for the confusion-matrix heatmap and the choice of
 * a readable text colour on each cell. Two ramps, because the diagonal (right
 * answers, ~1,000 per digit) and the mistakes (a few to a few dozen) differ by
 * two orders of magnitude: on one scale every mistake would be white. Blue and
 * orange stay apart under the common colour-vision deficiencies.
 */

export type Rgb = readonly [number, number, number];

/** ColorBrewer 9-class Blues, light to dark: the diagonal (correct answers). */
export const CORRECT_RAMP: readonly string[] = ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'];

/** ColorBrewer 9-class Oranges, light to dark: off the diagonal (mistakes). */
export const MISTAKE_RAMP: readonly string[] = ['#fff5eb', '#fee6ce', '#fdd0a2', '#fdae6b', '#fd8d3c', '#f16913', '#d94801', '#a63603', '#7f2704'];

export function parseHex(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function toHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The ramp's colour at t in [0, 1] (clamped), interpolated between its stops
 * in sRGB. ColorBrewer stops are already spaced evenly in lightness, so the
 * piecewise interpolation stays monotonic in luminance.
 */
export function rampColour(ramp: readonly string[], t: number): string {
  const u = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(u));
  const f = u - i;
  const a = parseHex(ramp[i]);
  const b = parseHex(ramp[i + 1]);
  return toHex([a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f]);
}

/** WCAG 2 relative luminance of an sRGB colour, 0 (black) .. 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = parseHex(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio, 1 .. 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';

/**
 * Black or white, whichever contrasts more with `background`. One of the two
 * always reaches at least 4.58:1 (the worst case, where both tie, is a
 * luminance of about 0.18), above WCAG AA's 4.5:1 for normal text.
 */
export function readableText(background: string): string {
  return contrastRatio(background, DARK_TEXT) >= contrastRatio(background, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** A CSS linear-gradient through the ramp's stops, for a legend bar. */
export function rampGradient(ramp: readonly string[]): string {
  return `linear-gradient(to right, ${ramp.join(', ')})`;
}
