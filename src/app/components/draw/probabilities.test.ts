import { describe, expect, it } from 'vitest';
import { percentText, predictionText, summarise } from './probabilities.ts';

describe('probabilities', () => {
  it('formats the prediction line exactly', () => {
    expect(predictionText(7, 0.934)).toBe('Prediction: 7 (93%)');
    expect(percentText(0.005)).toBe('1%');
  });

  it('finds the top digit, the lower one on a tie', () => {
    const probs = new Float32Array(10).fill(0.05);
    probs[3] = 0.3;
    probs[8] = 0.3;
    const s = summarise(probs)!;
    expect(s.top).toBe(3);
    expect(s.rows.map((r) => r.digit)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(s.rows[3].percent).toBe('30%');
  });

  it('has nothing to say about no classes', () => {
    expect(summarise(new Float32Array(0))).toBeNull();
  });
});
