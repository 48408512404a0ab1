import { describe, expect, it } from 'vitest';
import { CHANCE_LOSS, divergedLoss, isDivergedLoss } from './divergence.ts';

describe('divergence rule', () => {
  it('NaN and infinities always diverge', () => {
    expect(isDivergedLoss(NaN, 2.3)).toBe(true);
    expect(isDivergedLoss(Infinity, 2.3)).toBe(true);
    expect(divergedLoss(NaN)).toBe('nan');
    expect(divergedLoss(-Infinity)).toBe('infinite');
  });
  it('a blow-up far above the best and above 2× chance diverges (learning rate 10 at batch 3)', () => {
    expect(isDivergedLoss(19.4, 2.31)).toBe(true);
    expect(divergedLoss(3.97e4)).toBe(3.97e4);
  });
  it('ordinary noise late in a good run does not: 4× the best but still better than chance', () => {
    expect(isDivergedLoss(0.4, 0.05)).toBe(false);
    expect(isDivergedLoss(2 * CHANCE_LOSS - 0.01, 0.1)).toBe(false);
  });
  it('a high loss that is not 4× the best does not (a run that never learned)', () => {
    expect(isDivergedLoss(5, 2.3)).toBe(false);
  });
});
