import { describe, expect, it } from 'vitest';
import { CHANCE_LOSS, describeDivergedLoss, isDivergedLoss } from './divergence.ts';

describe('divergence rule', () => {
  it('NaN and infinities always diverge', () => {
    expect(isDivergedLoss(NaN, 2.3)).toBe(true);
    expect(isDivergedLoss(Infinity, 2.3)).toBe(true);
    expect(describeDivergedLoss(NaN)).toBe('became NaN');
    expect(describeDivergedLoss(-Infinity)).toBe('became infinite');
  });
  it('a blow-up far above the best and above 2× chance diverges (learning rate 10 at batch 3)', () => {
    expect(isDivergedLoss(19.4, 2.31)).toBe(true);
    expect(describeDivergedLoss(3.97e4)).toMatch(/rose to 4.0e\+4 nats/);
  });
  it('ordinary noise late in a good run does not: 4× the best but still better than chance', () => {
    expect(isDivergedLoss(0.4, 0.05)).toBe(false);
    expect(isDivergedLoss(2 * CHANCE_LOSS - 0.01, 0.1)).toBe(false);
  });
  it('a high loss that is not 4× the best does not (a run that never learned)', () => {
    expect(isDivergedLoss(5, 2.3)).toBe(false);
  });
});
