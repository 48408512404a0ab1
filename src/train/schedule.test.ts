import { describe, expect, it } from 'vitest';
import { previewSchedule, scheduledHyper } from './schedule.ts';

const ctx = { totalSteps: 1000, stepsPerEpoch: 100, baseLr: 0.1, baseMomentum: 0.9 };
const at = (kind: Parameters<typeof scheduledHyper>[0], step: number) => scheduledHyper(kind, { ...ctx, step });

describe('learning-rate schedules', () => {
  it('constant keeps the base values', () => {
    expect(at({ kind: 'constant' }, 0)).toEqual({ learningRate: 0.1, momentum: 0.9 });
    expect(at({ kind: 'constant' }, 999)).toEqual({ learningRate: 0.1, momentum: 0.9 });
  });
  it('step decay multiplies by gamma every N epochs', () => {
    const s = { kind: 'step' as const, gamma: 0.5, everyEpochs: 2 };
    expect(at(s, 199).learningRate).toBeCloseTo(0.1);
    expect(at(s, 200).learningRate).toBeCloseTo(0.05);
    expect(at(s, 450).learningRate).toBeCloseTo(0.025);
  });
  it('exponential reaches the final factor at the last step', () => {
    const s = { kind: 'exponential' as const, finalFactor: 0.01 };
    expect(at(s, 0).learningRate).toBeCloseTo(0.1);
    expect(at(s, 999).learningRate).toBeCloseTo(0.001);
    expect(at(s, Math.round(999 / 2)).learningRate).toBeCloseTo(0.01, 3);
  });
  it('cosine anneals from the base to 0 through half at mid-run', () => {
    expect(at({ kind: 'cosine' }, 0).learningRate).toBeCloseTo(0.1);
    expect(at({ kind: 'cosine' }, 999).learningRate).toBeCloseTo(0);
    expect(scheduledHyper({ kind: 'cosine' }, { ...ctx, totalSteps: 1001, step: 500 }).learningRate).toBeCloseTo(0.05);
  });
  it('one-cycle warms up to the base, anneals far below it, and moves momentum the other way', () => {
    const s = { kind: 'one-cycle' as const, warmup: 0.3 };
    const start = at(s, 0);
    const peak = scheduledHyper(s, { ...ctx, totalSteps: 1001, step: 300 });
    const end = at(s, 999);
    expect(start.learningRate).toBeCloseTo(0.1 / 25);
    expect(peak.learningRate).toBeCloseTo(0.1);
    expect(end.learningRate).toBeCloseTo(0.1 / 1e4);
    expect(start.momentum).toBeCloseTo(0.9);
    expect(peak.momentum).toBeCloseTo(0.85);
    expect(end.momentum).toBeCloseTo(0.9);
  });
  it('previews the whole run', () => {
    const p = previewSchedule({ kind: 'cosine' }, ctx, 11);
    expect(p.map((q) => q.step)).toEqual([0, 100, 200, 300, 400, 500, 599, 699, 799, 899, 999]);
    expect(p[0].learningRate).toBeGreaterThan(p[10].learningRate);
  });
});
