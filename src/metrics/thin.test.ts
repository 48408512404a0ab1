import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deriveRng } from '../shared/rng.ts';
import { curveArea, oneVsRest, rocAuc, rocCurve, thinCurve, type RocCurve } from './index.ts';

/**
 * A seeded MNIST-classifier-like output: n rows of softmax over K classes,
 * true-class logit raised by `margin` (≈ 90% accuracy at margin 3), Gaussian
 * noise, so nearly every score is distinct and each curve has ~n points.
 */
function syntheticProbs(n: number, K: number, margin: number, seed: number) {
  const rng = deriveRng(seed, 'metrics:thin');
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const labels = new Int32Array(n);
  const probs = new Float32Array(n * K);
  const logits = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    labels[i] = Math.floor(rng.next() * K);
    let max = -Infinity;
    for (let k = 0; k < K; k++) {
      logits[k] = gauss() + (k === labels[i] ? margin : 0);
      max = Math.max(max, logits[k]);
    }
    let sum = 0;
    for (let k = 0; k < K; k++) sum += logits[k] = Math.exp(logits[k] - max);
    for (let k = 0; k < K; k++) probs[i * K + k] = logits[k] / sum;
  }
  return { labels, probs };
}

function expectThinned(full: RocCurve, maxPoints: number, areaTolerance: number): void {
  const thin = thinCurve(full, maxPoints);
  const m = thin.fpr.length;
  expect(m).toBeLessThanOrEqual(maxPoints);
  expect(thin.tpr).toHaveLength(m);
  expect(thin.thresholds).toHaveLength(m);
  expect([thin.fpr[0], thin.tpr[0], thin.thresholds[0]]).toEqual([0, 0, full.thresholds[0]]);
  expect([thin.fpr[m - 1], thin.tpr[m - 1], thin.thresholds[m - 1]]).toEqual([1, 1, full.thresholds.at(-1)]);
  // Kept points are a subsequence of the input, still in order.
  expect(thin.thresholds.every((t, i) => i === 0 || t < thin.thresholds[i - 1])).toBe(true);
  expect(Math.abs(thin.auc - curveArea(full))).toBeLessThanOrEqual(1e-12);
  expect(Math.abs(curveArea(thin) - thin.auc)).toBeLessThanOrEqual(areaTolerance);
}

describe('thinCurve', () => {
  it('n = 10,000 × 10 classes: ≤ 200 points, exact auc, drawn area within 1e-3', () => {
    const { labels, probs } = syntheticProbs(10_000, 10, 3, 7);
    const classes = oneVsRest(probs, labels, 10);
    for (let k = 0; k < 10; k++) {
      const full = classes[k].curve!;
      expect(full.fpr.length).toBeGreaterThan(1000); // the case is only meaningful when thinning bites
      const positives = Array.from(labels, (y) => y === k);
      const scores = Array.from(labels, (_, i) => probs[i * 10 + k]);
      const exact = rocAuc(scores, positives)!;
      expect(Math.abs(classes[k].auc! - exact)).toBeLessThanOrEqual(1e-12);
      expect(Math.abs(thinCurve(full).auc - exact)).toBeLessThanOrEqual(1e-12);
      expectThinned(full, 200, 1e-3);
    }
  });

  it('fixture curves: every defined class of every case, with a tight budget', () => {
    const path = fileURLToPath(new URL('../../test-fixtures/metrics_public.json', import.meta.url));
    const { cases } = JSON.parse(readFileSync(path, 'utf8')) as {
      cases: { expected: { roc_drop_intermediate_false: (RocCurve | null)[] } }[];
    };
    for (const c of cases) {
      for (const curve of c.expected.roc_drop_intermediate_false) {
        if (curve !== null) expectThinned(curve, 50, 5e-3);
      }
    }
  });

  it('removes zero-area points (straight runs) even under budget, and nothing else', () => {
    // Up the tpr axis, then along the top. Unlike drop_intermediate, which runs
    // before (0,0) is prepended and so keeps (0, 1/3), thinning sees that point
    // is on the straight run from (0,0) too.
    const full = rocCurve([6, 5, 4, 3, 2, 1], [1, 1, 1, 0, 0, 0])!;
    expect(thinCurve(full)).toEqual({ fpr: [0, 0, 1], tpr: [0, 1, 1], thresholds: [7, 4, 1], auc: 1 });
    const bumpy = rocCurve([0.9, 0.8, 0.7, 0.6], [1, 0, 1, 0])!; // a staircase with no straight run
    expect(thinCurve(bumpy, 200)).toEqual({ ...bumpy, auc: 0.75 });
  });

  it('maxPoints = 2 keeps only the endpoints', () => {
    const full = rocCurve([0.9, 0.8, 0.7, 0.6, 0.5], [1, 0, 1, 0, 1])!;
    const thin = thinCurve(full, 2);
    expect(thin.fpr).toEqual([0, 1]);
    expect(thin.tpr).toEqual([0, 1]);
    expect(thin.auc).toBeCloseTo(curveArea(full), 15);
  });

  it('rejects a budget below 2 and ragged input', () => {
    const full = rocCurve([0.9, 0.1], [1, 0])!;
    expect(() => thinCurve(full, 1)).toThrow('maxPoints must be an integer >= 2');
    expect(() => thinCurve({ ...full, tpr: [0] })).toThrow('lengths differ');
  });
});
