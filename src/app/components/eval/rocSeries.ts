/**
 * From the ten concatenated ROC curves of an Evaluation to what the chart
 * draws. A log false-positive axis cannot show 0, and every curve starts at
 * fpr = 0 (and on MNIST climbs most of the way there), so on that axis points
 * left of a floor are drawn at the floor; the panel's caption says so.
 */
import { num } from '../../format.ts';

export interface XY {
  x: number;
  y: number;
}

/** The ROC fields of an Evaluation (see worker/protocol.ts). */
export interface RocArrays {
  rocFpr: ArrayLike<number>;
  rocTpr: ArrayLike<number>;
  /** length K + 1: digit k's points are [rocOffsets[k], rocOffsets[k + 1]). */
  rocOffsets: ArrayLike<number>;
}

export interface RocSeries {
  digit: number;
  points: XY[];
}

/** Floor used when no curve has a positive false-positive rate. */
export const DEFAULT_FPR_FLOOR = 1e-4;

/** Each digit's curve as points, fpr on x and tpr on y; empty where the digit has no curve. */
export function splitCurves(e: RocArrays): XY[][] {
  const curves: XY[][] = [];
  for (let k = 0; k + 1 < e.rocOffsets.length; k++) {
    const points: XY[] = [];
    for (let i = e.rocOffsets[k]; i < e.rocOffsets[k + 1]; i++) points.push({ x: e.rocFpr[i], y: e.rocTpr[i] });
    curves.push(points);
  }
  return curves;
}

/**
 * The left end of the log axis: the largest power of ten strictly below the
 * smallest positive fpr of any curve (hidden ones too, so toggling a digit
 * does not move the axis). With 10,000 validation images a digit has about
 * 9,000 negatives, one false positive is ~1.1e-4, and the floor is 1e-4.
 */
export function fprFloor(curves: readonly (readonly XY[])[]): number {
  let min = Infinity;
  for (const c of curves) for (const p of c) if (p.x > 0 && p.x < min) min = p.x;
  if (!Number.isFinite(min)) return DEFAULT_FPR_FLOOR;
  let floor = 10 ** Math.floor(Math.log10(min));
  // float32 storage or an exact power of ten can land the floor on a real point.
  if (floor >= min * (1 - 1e-6)) floor /= 10;
  return floor;
}

export interface SeriesOptions {
  /** hidden[k]: leave digit k out. */
  hidden: readonly boolean[];
  logFpr: boolean;
  /** Left end of the log axis; see fprFloor. */
  floor: number;
}

/**
 * The visible digits' curves, in digit order, without the empty ones. On the
 * log axis an fpr below `floor` is raised to it: the points keep their tpr,
 * so the vertical climb at fpr = 0 shows as a climb along the left edge.
 */
export function rocSeries(curves: readonly (readonly XY[])[], { hidden, logFpr, floor }: SeriesOptions): RocSeries[] {
  const out: RocSeries[] = [];
  curves.forEach((c, digit) => {
    if (hidden[digit] || c.length === 0) return;
    out.push({ digit, points: logFpr ? c.map((p) => (p.x < floor ? { x: floor, y: p.y } : p)) : c.slice() });
  });
  return out;
}

/**
 * What guessing at random gives: tpr = fpr. On a linear axis that is the
 * diagonal; on a log axis it bends, so it is sampled `perDecade` times per
 * decade from the floor to 1.
 */
export function chanceLine(logFpr: boolean, floor: number, perDecade = 8): XY[] {
  if (!logFpr)
    return [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
  const decades = Math.max(1, Math.round(-Math.log10(floor)));
  const n = decades * perDecade;
  return Array.from({ length: n + 1 }, (_, i) => {
    const x = floor * 10 ** ((i / n) * -Math.log10(floor));
    return { x, y: x };
  });
}

/** Ticks of the fpr axis: each power of ten from the floor to 1 on a log axis. */
export function fprTicks(logFpr: boolean, floor: number): number[] {
  if (!logFpr) return [0, 0.2, 0.4, 0.6, 0.8, 1];
  const ticks: number[] = [];
  for (let e = Math.round(Math.log10(floor)); e <= 0; e++) ticks.push(10 ** e);
  return ticks;
}

/** An fpr tick as a student reads it, in the page's language: 0.0001 rather than 1e-4 ("0,0001" in pt-BR). */
export function fprTickText(v: number): string {
  return v >= 1 || v === 0 ? num(v) : num(v, Math.max(1, -Math.floor(Math.log10(v) + 1e-9)));
}

/**
 * The true-positive rate a curve reaches without passing `fpr`: the highest
 * tpr among its points at or left of it (a ROC curve only rises). 0 for an
 * empty curve. For the chart's table: "at 1% false positives the network
 * finds 98% of the 4s".
 */
export function tprAt(curve: readonly XY[], fpr: number): number {
  let best = 0;
  for (const p of curve) if (p.x <= fpr && p.y > best) best = p.y;
  return best;
}

/** The false-positive rates the table reads each curve at. */
export const TABLE_FPRS = [0.001, 0.01, 0.1] as const;
