/**
 * How the race's runs are told apart: a colour and a dash pattern from the
 * evaluation panels' colour-blind-safe palette, and a marker shape for the
 * validation points, so no run depends on colour alone. Picked from the
 * palette so that similar hues never share a dash (orange solid, vermillion
 * dashed; purple solid, wine dash-dot).
 */
import { DIGIT_COLOURS, DIGIT_DASHES } from '../eval/palette.ts';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'star' | 'cross';

export interface RunStyle {
  colour: string;
  /** SVG stroke-dasharray, px; '' = solid. */
  dash: string;
  /** Marker of the run's validation points. */
  shape: MarkerShape;
}

// Palette entries in run order: blue, vermillion, bluish green, wine, orange, reddish purple.
const PICK = [4, 5, 3, 7, 1, 6] as const;
const SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'];

/** Run i's look; i is the run's place in the race (the order the rates were entered). */
export function runStyle(i: number): RunStyle {
  const k = PICK[i % PICK.length];
  return { colour: DIGIT_COLOURS[k], dash: DIGIT_DASHES[k], shape: SHAPES[i % SHAPES.length] };
}
