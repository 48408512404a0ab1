/**
 * Leslie Smith's learning-rate range test, as fast.ai's lr_find runs it:
 * from the initial weights, raise the learning rate exponentially each batch,
 * record the (smoothed) loss, stop once it exceeds 4× its best, and read a
 * good learning rate off the curve.
 */
import { smoothEma } from './smoothing.ts';

export const RANGE_TEST = { minLr: 1e-6, maxLr: 10, batches: 300, smoothing: 0.9, stopFactor: 4 } as const;

/** The learning rate of batch i of n, exponentially from minLr to maxLr. */
export function rangeTestLr(i: number, n: number, minLr: number = RANGE_TEST.minLr, maxLr: number = RANGE_TEST.maxLr): number {
  return minLr * (maxLr / minLr) ** (n > 1 ? i / (n - 1) : 0);
}

/** Index of the first smoothed loss above stopFactor × the best before it (or non-finite), else -1. */
export function rangeTestStopIndex(smoothed: readonly number[], stopFactor: number = RANGE_TEST.stopFactor): number {
  let best = Infinity;
  for (let i = 0; i < smoothed.length; i++) {
    const v = smoothed[i];
    if (!Number.isFinite(v) || v > stopFactor * best) return i;
    best = Math.min(best, v);
  }
  return -1;
}

export interface RangeSuggestion {
  /**
   * fast.ai's default rule, "valley": the longest stretch over which the loss
   * keeps falling; the suggestion sits about halfway along it (index
   * start + ⌊len/3⌋ + ⌊len/6⌋), in the region where learning is fast but safe.
   */
  valley: number;
  /** The learning rate where the smoothed loss falls fastest per decade of learning rate. */
  steepest: number;
  smoothed: number[];
}

/** Suggestions from a recorded curve (lrs increasing); null when the curve is too short to judge. */
export function suggestLearningRate(lrs: readonly number[], losses: readonly number[], smoothing: number = RANGE_TEST.smoothing): RangeSuggestion | null {
  const smoothed = smoothEma(losses, smoothing);
  const stop = rangeTestStopIndex(smoothed);
  const n = stop === -1 ? smoothed.length : stop;
  if (n < 5) return null;
  const l = smoothed.slice(0, n);

  // Longest decreasing subsequence ending at each point (O(n²), n ≤ a few hundred).
  const lds = new Array<number>(n).fill(1);
  let maxEnd = 0;
  let maxStart = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (l[i] < l[j] && lds[i] < lds[j] + 1) lds[i] = lds[j] + 1;
    }
    if (lds[maxEnd] < lds[i]) {
      maxEnd = i;
      maxStart = maxEnd - lds[maxEnd];
    }
  }
  const sections = (maxEnd - maxStart) / 3;
  const valleyIdx = Math.min(n - 1, Math.max(0, maxStart + Math.floor(sections) + Math.floor(sections / 2)));

  let steepestIdx = 1;
  let steepestSlope = Infinity;
  for (let i = 1; i < n; i++) {
    const slope = (l[i] - l[i - 1]) / (Math.log10(lrs[i]) - Math.log10(lrs[i - 1]));
    if (slope < steepestSlope) {
      steepestSlope = slope;
      steepestIdx = i;
    }
  }
  return { valley: lrs[valleyIdx], steepest: lrs[steepestIdx], smoothed };
}
