import { describe, expect, it } from 'vitest';
import { accuracyDomain, accuracyPoints, accuracyTicks } from './accuracySeries.ts';
import { aucText, shownLabel } from './evalText.ts';

describe('accuracy chart series', () => {
  it('gives validation accuracy per epoch in percent', () => {
    const pts = accuracyPoints([
      { epoch: 1, validation: { accuracy: 0.9 } },
      { epoch: 2, validation: { accuracy: 0.955 } },
    ]);
    expect(pts.map((p) => p.x)).toEqual([1, 2]);
    expect(pts[1].y).toBeCloseTo(95.5, 10);
  });

  it('spans down to a multiple of 5 below the lowest value and up to 100', () => {
    expect(accuracyDomain([91.2, 97.8])).toEqual([90, 100]);
    expect(accuracyDomain([90.5])).toEqual([85, 100]);
    expect(accuracyDomain([99.9])).toEqual([95, 100]);
    expect(accuracyDomain([9.8])).toEqual([5, 100]);
    expect(accuracyDomain([])).toEqual([0, 100]);
    expect(accuracyDomain([Number.NaN, 96])).toEqual([95, 100]);
  });

  it('ticks the y axis at a round step, always at 100', () => {
    expect(accuracyTicks([85, 100])).toEqual([85, 90, 95, 100]);
    expect(accuracyTicks([95, 100])).toEqual([95, 96, 97, 98, 99, 100]);
    expect(accuracyTicks([90, 100])).toEqual([90, 92, 94, 96, 98, 100]);
    expect(accuracyTicks([5, 100])).toEqual([20, 40, 60, 80, 100]);
  });
});

describe('evaluation words', () => {
  it('names the shown evaluation', () => {
    expect(shownLabel('validation', 3)).toBe('Validation, epoch 3');
    expect(shownLabel('test', 3)).toBe('Test set (final)');
  });

  it('writes AUC to 4 decimals and undefined ones as such', () => {
    expect(aucText(0.99123)).toBe('0.9912');
    expect(aucText(Number.NaN)).toBe('undefined');
    expect(aucText(null)).toBe('undefined');
  });
});
