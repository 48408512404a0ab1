/**
 * How far apart two colours look to someone with a colour-vision deficiency,
 * for the palettes' tests. Each colour is passed through Machado, Oliveira &
 * Fernandes (2009)'s simulation at full severity (protanopia, deuteranopia,
 * tritanopia; 3×3 matrices on linear RGB), then compared as CIE 1976 ΔE in
 * L*a*b* (D65). A ΔE around 2 is barely noticeable; lines of a chart want
 * tens.
 */
import { parseHex } from '../app/components/eval/colourScale.ts';

export type Vision = 'normal' | 'protanopia' | 'deuteranopia' | 'tritanopia';
type Matrix = readonly [readonly [number, number, number], readonly [number, number, number], readonly [number, number, number]];

const MACHADO: Record<Exclude<Vision, 'normal'>, Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

export const VISIONS: readonly Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

const linear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};

function simulate(rgb: readonly number[], vision: Vision): number[] {
  if (vision === 'normal') return [...rgb];
  return MACHADO[vision].map((row) => Math.min(1, Math.max(0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])));
}

function lab([r, g, b]: readonly number[]): [number, number, number] {
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** ΔE between two hex colours as seen with `vision`. */
export function seenDistance(a: string, b: string, vision: Vision): number {
  const [la, lb] = [a, b].map((hex) => lab(simulate(parseHex(hex).map(linear), vision)));
  return Math.hypot(la[0] - lb[0], la[1] - lb[1], la[2] - lb[2]);
}

/** The smallest ΔE between two colours over normal vision and the three deficiencies. */
export const worstDistance = (a: string, b: string): number => Math.min(...VISIONS.map((v) => seenDistance(a, b, v)));
