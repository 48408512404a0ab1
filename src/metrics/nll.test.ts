import { describe, expect, it } from 'vitest';
import { meanNllFromLogProbs, meanNllFromProbs } from './index.ts';

describe('mean NLL', () => {
  const probs = [
    [0.7, 0.2, 0.1],
    [0.25, 0.25, 0.5],
  ];
  const labels = [0, 2];
  const expected = -(Math.log(0.7) + Math.log(0.5)) / 2;

  it('from probabilities: mean of -ln p[label], nats', () => {
    expect(meanNllFromProbs(probs, labels, 3)).toBeCloseTo(expected, 15);
    expect(meanNllFromProbs(Float64Array.from(probs.flat()), labels, 3)).toBeCloseTo(expected, 15);
  });

  it('from log-probabilities agrees with the probability form', () => {
    const logProbs = Float64Array.from(probs.flat().map(Math.log));
    expect(meanNllFromLogProbs(logProbs, labels, 3)).toBeCloseTo(expected, 15);
    // Float32 input, float64 accumulation: only the inputs' rounding remains.
    expect(meanNllFromLogProbs(Float32Array.from(logProbs), labels, 3)).toBeCloseTo(expected, 6);
  });

  it('does not clip: a zero true-class probability is +Infinity', () => {
    expect(meanNllFromProbs([[0, 1]], [0], 2)).toBe(Number.POSITIVE_INFINITY);
  });

  it('rejects empty input, bad labels and mismatched lengths', () => {
    expect(() => meanNllFromProbs([], [], 3)).toThrow('no samples');
    expect(() => meanNllFromProbs(probs, [0, 3], 3)).toThrow('label at index 1 is 3');
    expect(() => meanNllFromLogProbs(new Float32Array(6), [0], 3)).toThrow('1 labels for 2 rows');
  });
});
