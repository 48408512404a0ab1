import { describe, expect, it } from 'vitest';
import { ANN_MNIST, paramCount, paramShapes } from './architecture.ts';
import { initParams } from './init.ts';

describe('ANN_MNIST architecture', () => {
  it('has the notebook shapes and 109,386 parameters', () => {
    expect(paramShapes(ANN_MNIST)).toEqual([[784, 128], [128], [128, 64], [64], [64, 10], [10]]);
    expect(paramCount(ANN_MNIST)).toBe(109386);
  });
});

describe('initialisation', () => {
  it('PyTorch init: weights and biases uniform within ±1/√fan_in, spread over the whole range', () => {
    const p = initParams(ANN_MNIST, 'pytorch', 1);
    const fanIns = [784, 784, 128, 128, 64, 64];
    p.forEach((a, i) => {
      const bound = 1 / Math.sqrt(fanIns[i]);
      const max = a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(max).toBeLessThanOrEqual(bound);
      expect(max).toBeGreaterThan(bound * 0.9);
    });
    // Uniform on ±b has variance b²/3.
    const w1 = p[0];
    const variance = w1.reduce((s, v) => s + v * v, 0) / w1.length;
    expect(variance).toBeCloseTo(1 / 784 / 3, 5);
  });

  it('Glorot init: weights within ±√(6/(in+out)), zero biases', () => {
    const p = initParams(ANN_MNIST, 'glorot', 1);
    const bound = Math.sqrt(6 / (784 + 128));
    expect(p[0].reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeGreaterThan(bound * 0.9);
    expect(p[0].every((v) => Math.abs(v) <= bound)).toBe(true);
    expect(p[1].every((v) => v === 0)).toBe(true);
  });

  it('is reproducible from the seed', () => {
    expect(initParams(ANN_MNIST, 'pytorch', 5)[2]).toEqual(initParams(ANN_MNIST, 'pytorch', 5)[2]);
    expect(initParams(ANN_MNIST, 'pytorch', 5)[2]).not.toEqual(initParams(ANN_MNIST, 'pytorch', 6)[2]);
  });
});
