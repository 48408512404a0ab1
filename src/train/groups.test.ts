import { describe, expect, it } from 'vitest';
import { PRESET } from '../shared/settings.ts';
import { groupRuns } from './groups.ts';

describe('groupRuns', () => {
  it('stacks runs that differ in live numbers only, and splits those that augment differently (a stack trains on one batch of pixels)', () => {
    const groups = groupRuns([
      PRESET,
      { ...PRESET, learningRate: 0.1 },
      { ...PRESET, rotationDeg: 30 },
      { ...PRESET, rotationDeg: 30, momentum: 0.9 },
      // Elastic α and σ mean nothing while elastic distortion is off: still the plain group.
      { ...PRESET, elasticAlpha: 10 },
    ]);
    expect(groups.map((g) => g.runs)).toEqual([
      [0, 1, 4],
      [2, 3],
    ]);
    expect(groups[1].augment).toEqual({ rotationDeg: 30, shiftPx: 0, scalePct: 0, elastic: null });
    expect(groups[0].augment.elastic).toBeNull();
  });
});
