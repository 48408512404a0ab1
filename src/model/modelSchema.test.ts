import { describe, expect, it } from 'vitest';
import { PRESET } from '../shared/settings.ts';
import { check } from '../shared/validate.ts';
import { holdsUnknownKey, malformedVariants, settingPaths, withExtraKeys } from '../test-support/malformed.ts';
import { ANN_MNIST } from './architecture.ts';
import { initParams } from './init.ts';
import { readStoredModel } from './modelSchema.ts';

/** A record as modelDb.saveModel stores it today: metrics as runSlice builds them, with undefined for a missing figure. */
const stored = {
  id: 3,
  name: 'lr 0.1 · momentum 0.9 · 1 epoch',
  savedAt: '2026-11-27T10:00:00.000Z',
  arch: ANN_MNIST,
  settings: PRESET,
  metrics: { epochsTrained: 1, validationAccuracy: 0.87, testAccuracy: 0.88, macroAuc: undefined },
  params: initParams(ANN_MNIST, 'pytorch', 3),
};
const read = readStoredModel;

describe('a saved model read back from IndexedDB', () => {
  it('reads what the lab stores, leaving an undefined figure absent', () => {
    const r = check(read, stored);
    expect(r.ok || r.problem).toBe(true);
    expect(r.ok && Object.keys(r.value.metrics)).toEqual(['epochsTrained', 'validationAccuracy', 'testAccuracy']);
  });

  it('refuses weights of the wrong length or with NaN', () => {
    const short = { ...stored, params: stored.params.map((p, i) => (i === 2 ? p.subarray(1) : p)) };
    expect(check(read, short)).toEqual({ ok: false, problem: { code: 'weightLength', path: 'params[2]', length: 8192 } });
    const nan = { ...stored, params: stored.params.map((p, i) => (i === 5 ? Float32Array.from(p, () => NaN) : p)) };
    expect(check(read, nan)).toEqual({ ok: false, problem: { code: 'weightsNotFinite', path: 'params[5]' } });
    expect(check(read, { ...stored, params: stored.params.slice(1) })).toEqual({ ok: false, problem: { code: 'weightArrays', path: 'params', count: 6 } });
    expect(check(read, { ...stored, arch: { sizes: [784, 32, 10] } })).toEqual({
      ok: false,
      problem: {
        code: 'settingsMismatch',
        path: '',
        settings: { sizes: [784, 128, 64, 10], activation: 'relu', inputScaling: 'unit' },
        arch: { sizes: [784, 32, 10], activation: 'relu', inputScaling: 'unit' },
      },
    });
  });

  // One metrics schema for file and record: null reads as "not available" in both.
  const figures = ['metrics.validationAccuracy', 'metrics.testAccuracy', 'metrics.macroAuc'];
  const variants = malformedVariants(stored, { optional: [...figures, ...settingPaths(Object.keys(PRESET))], nullable: figures });
  it.each(variants.map((v) => [v.change, v] as const))('refuses %s, naming the field', (_change, v) => {
    const r = check(read, v.doc);
    expect(r.ok).toBe(false);
    if (!r.ok && v.path) expect(r.problem.path).toContain(v.path);
  });

  it.each(withExtraKeys(stored).map((v) => [v.change, v] as const))('ignores %s and keeps nothing of it', (_change, v) => {
    const r = check(read, v.doc);
    expect(r.ok || r.problem).toBe(true);
    expect(holdsUnknownKey(r.ok && { ...r.value, params: [] })).toBe(false);
  });
});
