/**
 * How the race's runs are told apart: a colour from the evaluation panels'
 * colour-blind-safe palette, a dash pattern and a marker shape for the
 * validation points, each different for every run, so no run depends on
 * colour alone. The colours are the six of that palette that stay furthest
 * apart under the common colour-vision deficiencies (palette.test.ts), the
 * two most distinct first: most races have two or three runs.
 */
import type { MarkerShape } from '../../chart/plot/markers.ts';
import { DASHES, DIGIT_COLOURS } from '../eval/palette.ts';

export interface RunStyle {
  colour: string;
  /** SVG stroke-dasharray, px; '' = solid. */
  dash: string;
  /** Marker of the run's validation points. */
  shape: MarkerShape;
}

// Palette entries in run order: blue, vermillion, black, reddish purple, indigo, wine.
const PICK = [4, 5, 0, 6, 9, 7] as const;
const RUN_DASHES = [DASHES.solid, DASHES.dashed, DASHES.dotted, DASHES.dashDot, DASHES.longDash, DASHES.dashDotDot] as const;
const SHAPES: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'];

/** The most runs a race styles apart; a race takes at most six (parseRates.ts). */
export const RUN_STYLES = PICK.length;

/** Run i's look; i is the run's place in the race (the order the rates were entered). */
export function runStyle(i: number): RunStyle {
  const k = i % RUN_STYLES;
  return { colour: DIGIT_COLOURS[PICK[k]], dash: RUN_DASHES[k], shape: SHAPES[k] };
}
