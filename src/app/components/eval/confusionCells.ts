/**
 * What the confusion-matrix heatmap and the per-class accuracy table show,
 * computed from an Evaluation's flat confusion counts (row-major, row = true
 * digit, column = predicted digit).
 */
import { i18n } from '../../../i18n/index.ts';
import { perClassRecall } from '../../../metrics/index.ts';
import { count as countText, num, pct } from '../../format.ts';
import { CORRECT_RAMP, MISTAKE_RAMP, rampColour, readableText } from './colourScale.ts';

export type ConfusionMode = 'counts' | 'recall';

/** The K × K matrix as rows, for the metrics functions. */
export function confusionRows(flat: ArrayLike<number>, k = 10): number[][] {
  if (flat.length !== k * k) throw new Error(`confusionRows: expected ${k * k} counts, got ${flat.length}`);
  return Array.from({ length: k }, (_, t) => Array.from({ length: k }, (_, p) => flat[t * k + p]));
}

/** The digit with the lowest defined recall (the first on a tie); null if none is defined. */
export function lowestDigit(recalls: readonly (number | null)[]): number | null {
  let best: number | null = null;
  recalls.forEach((r, d) => {
    if (r !== null && (best === null || r < (recalls[best] as number))) best = d;
  });
  return best;
}

export interface DigitAccuracy {
  digit: number;
  /** correct / total, 0..1; null when the set holds no image of the digit. */
  recall: number | null;
  correct: number;
  total: number;
  /** The digit the network gets wrong most often (relative to its images). */
  lowest: boolean;
}

/** One row per digit for the per-class accuracy table. */
export function digitAccuracy(flat: ArrayLike<number>, k = 10): DigitAccuracy[] {
  const rows = confusionRows(flat, k);
  const recall = perClassRecall(rows);
  const lowest = lowestDigit(recall);
  return rows.map((r, d) => ({ digit: d, recall: recall[d], correct: r[d], total: r.reduce((a, b) => a + b, 0), lowest: d === lowest }));
}

export interface Cell {
  trueDigit: number;
  predictedDigit: number;
  count: number;
  /** The count, or the fraction of the row (recall view), 0..1. */
  value: number;
  /** What the cell shows: "23" or, in the recall view, "2.3" (% of the row). */
  text: string;
  background: string;
  color: string;
  diagonal: boolean;
  /** Accessible name, e.g. "4 predicted as 9: 23 images". */
  label: string;
  /** A mistake with images opens them: the button's tooltip ("4 predicted as 9: 23 images: show them"); null otherwise. */
  open: string | null;
}

export interface ConfusionView {
  cells: Cell[][];
  /** Images of each true digit. */
  rowTotals: number[];
  total: number;
  /** Largest diagonal value and largest off-diagonal value: the ends of the two colour scales. */
  correctMax: number;
  mistakeMax: number;
}

/**
 * Lightest shade a non-zero mistake gets, so a single confusion never looks
 * like an empty (white) cell. Above it the shade is linear in the value.
 */
export const MIN_SHADE = 0.1;

export function shade(value: number, max: number): number {
  if (!(value > 0) || !(max > 0)) return 0;
  return Math.max(MIN_SHADE, value / max);
}

const EMPTY_BACKGROUND = '#ffffff';
const EMPTY_TEXT = '#6b7480';

export function confusionView(flat: ArrayLike<number>, mode: ConfusionMode, k = 10): ConfusionView {
  const rows = confusionRows(flat, k);
  const rowTotals = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const values = rows.map((r, t) => r.map((c) => (mode === 'counts' ? c : rowTotals[t] > 0 ? c / rowTotals[t] : 0)));
  let correctMax = 0;
  let mistakeMax = 0;
  values.forEach((r, t) =>
    r.forEach((v, p) => {
      if (t === p) correctMax = Math.max(correctMax, v);
      else mistakeMax = Math.max(mistakeMax, v);
    }),
  );
  const cells = rows.map((r, t) =>
    r.map((count, p): Cell => {
      const value = values[t][p];
      const diagonal = t === p;
      const background = count === 0 ? EMPTY_BACKGROUND : rampColour(diagonal ? CORRECT_RAMP : MISTAKE_RAMP, shade(value, diagonal ? correctMax : mistakeMax));
      const names = { digit: t, predicted: p, images: imagesText(count) };
      const label =
        mode === 'recall' && rowTotals[t] > 0 ? i18n.t('eval.confusion.cellShare', { ...names, share: pct(value) }) : i18n.t('eval.confusion.cell', names);
      return {
        trueDigit: t,
        predictedDigit: p,
        count,
        value,
        text: mode === 'counts' || count === 0 ? countText(count) : percentText(value),
        background,
        color: count === 0 ? EMPTY_TEXT : readableText(background),
        diagonal,
        label,
        open: diagonal || count === 0 ? null : i18n.t('eval.confusion.showThem', { cell: label }),
      };
    }),
  );
  return { cells, rowTotals, total: rowTotals.reduce((a, b) => a + b, 0), correctMax, mistakeMax };
}

/** A fraction as a percentage with one decimal, without the % sign: 0.0234 → "2.3" ("2,3" in pt-BR). */
export function percentText(fraction: number): string {
  return num(fraction * 100, 1);
}

/** "1 image", "1,234 images". */
export function imagesText(n: number): string {
  return i18n.t('eval.confusion.images', { count: n, n: countText(n) });
}
