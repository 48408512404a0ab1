/**
 * Every case of the scikit-learn 1.2.1 reference fixtures, every recorded
 * field, at the tolerances the fixtures README suggests.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accuracy, argmaxRows, confusionMatrix, macroAuc, meanNllFromProbs, oneVsRest, rocAuc, rocCurve, type RocCurve } from './index.ts';

interface FixtureCase {
  name: string;
  n: number;
  K: number;
  labels: number[];
  probs: number[][];
  expected: {
    pred_argmax: number[];
    confusion_matrix: number[][];
    accuracy: number;
    n_positive_per_class: number[];
    auc: (number | null)[];
    macro_auc: number | null;
    n_classes_auc_defined: number;
    roc_drop_intermediate_false: (RocCurve | null)[];
    roc_drop_intermediate_true: (RocCurve | null)[];
    nll_mean_raw: number;
  };
}

// Copied into the repository (test-fixtures/README.md): a test never reads outside it.
const fixturePath = fileURLToPath(new URL('../../test-fixtures/metrics_public.json', import.meta.url));
const cases = (JSON.parse(readFileSync(fixturePath, 'utf8')) as { cases: FixtureCase[] }).cases;

const column = (probs: number[][], k: number): number[] => probs.map((row) => row[k]);
const flatten = (probs: number[][]): Float64Array => Float64Array.from(probs.flat());

/** One assertion per array instead of one per element: thousands of points per curve. */
function maxAbsDiff(a: number[], b: number[]): number {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

function expectCurve(actual: RocCurve | null, expected: RocCurve | null): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  const curve = actual as RocCurve;
  expect(curve.fpr.length).toBe(expected.fpr.length);
  expect(curve.tpr.length).toBe(expected.tpr.length);
  expect(curve.thresholds.length).toBe(expected.thresholds.length);
  expect(maxAbsDiff(curve.fpr, expected.fpr)).toBeLessThanOrEqual(1e-12);
  expect(maxAbsDiff(curve.tpr, expected.tpr)).toBeLessThanOrEqual(1e-12);
  // Exact, index 0 included: both sides computed max score + 1 in doubles.
  expect(curve.thresholds).toEqual(expected.thresholds);
}

function expectAuc(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-12);
}

it('the fixture file has the seven documented cases', () => {
  expect(cases.map((c) => c.name)).toEqual([
    'random_n20',
    'ties_n200',
    'absent_class7_n200',
    'separable_n20',
    'constant_uniform_n20',
    'realistic_n2000',
    'single_label_n20',
  ]);
});

describe.each(cases.map((c) => [c.name, c] as const))('fixture %s', (_name, c) => {
  const { labels, probs, expected, K } = c;

  it('argmax (flat and nested input) matches exactly, ties to the lowest class', () => {
    expect(Array.from(argmaxRows(probs, K))).toEqual(expected.pred_argmax);
    expect(Array.from(argmaxRows(flatten(probs), K))).toEqual(expected.pred_argmax);
  });

  it('confusion matrix and accuracy', () => {
    const predicted = argmaxRows(probs, K);
    expect(confusionMatrix(labels, predicted, K)).toEqual(expected.confusion_matrix);
    expect(Math.abs(accuracy(labels, predicted) - expected.accuracy)).toBeLessThanOrEqual(1e-12);
  });

  it('rocAuc per class and macro AUC', () => {
    const aucs = Array.from({ length: K }, (_, k) =>
      rocAuc(
        column(probs, k),
        labels.map((y) => y === k),
      ),
    );
    aucs.forEach((auc, k) => expectAuc(auc, expected.auc[k]));
    expect(aucs.filter((a) => a !== null).length).toBe(expected.n_classes_auc_defined);
    expectAuc(macroAuc(aucs), expected.macro_auc);
  });

  it('rocCurve with dropIntermediate false and true', () => {
    for (let k = 0; k < K; k++) {
      const scores = column(probs, k);
      const positives = labels.map((y) => (y === k ? 1 : 0));
      expectCurve(rocCurve(scores, positives), expected.roc_drop_intermediate_false[k]);
      expectCurve(rocCurve(scores, positives, { dropIntermediate: true }), expected.roc_drop_intermediate_true[k]);
    }
  });

  it('oneVsRest agrees with the per-class references', () => {
    const flat = flatten(probs);
    const full = oneVsRest(flat, labels, K);
    const dropped = oneVsRest(flat, labels, K, { dropIntermediate: true });
    for (let k = 0; k < K; k++) {
      expectAuc(full[k].auc, expected.auc[k]);
      expectAuc(dropped[k].auc, expected.auc[k]);
      expectCurve(full[k].curve, expected.roc_drop_intermediate_false[k]);
      expectCurve(dropped[k].curve, expected.roc_drop_intermediate_true[k]);
    }
  });

  it('oneVsRest on Float32 scores gives the same AUCs (same order, same ties)', () => {
    // Six-decimal scores in [0, 1] are 1e-6 apart at least, far above float32
    // spacing (6e-8 near 1), so rounding to float32 keeps their order and ties.
    const full = oneVsRest(Float32Array.from(probs.flat()), labels, K);
    full.forEach((r, k) => expectAuc(r.auc, expected.auc[k]));
  });

  it('mean NLL from probabilities matches nll_mean_raw (1e-9 relative)', () => {
    const nll = meanNllFromProbs(probs, labels, K);
    expect(Math.abs(nll - expected.nll_mean_raw)).toBeLessThanOrEqual(1e-9 * Math.abs(expected.nll_mean_raw));
    expect(meanNllFromProbs(flatten(probs), labels, K)).toBe(nll);
  });
});
