/** The accuracy chart's series and axes, in percent. */
import type { XY } from './rocSeries.ts';

/** Validation accuracy per epoch, y in %. */
export function accuracyPoints(epochs: readonly { epoch: number; validation: { accuracy: number } }[]): XY[] {
  return epochs.map((e) => ({ x: e.epoch, y: e.validation.accuracy * 100 }));
}

/**
 * y-axis range in %: up to 100, down to a multiple of 5 at least one point
 * below the lowest value, so a climb from 91% to 98% fills the chart instead
 * of hugging its top (and a diverged run at 10% still fits).
 */
export function accuracyDomain(valuesPct: readonly number[]): [number, number] {
  const finite = valuesPct.filter(Number.isFinite);
  if (finite.length === 0) return [0, 100];
  const low = Math.floor((Math.min(...finite) - 1) / 5) * 5;
  return [Math.max(0, Math.min(95, low)), 100];
}

/**
 * y ticks in %: about six, at a round step (1, 2, 5, 10 or 20 points),
 * counted down from 100 so the top of the axis is always labelled.
 */
export function accuracyTicks([low, high]: readonly [number, number]): number[] {
  const step = [1, 2, 5, 10, 20].find((s) => s >= (high - low) / 6) ?? 20;
  const ticks: number[] = [];
  for (let v = high; v >= low - 1e-9; v -= step) ticks.unshift(v);
  return ticks;
}
