import { describe, expect, it } from 'vitest';
import { PRESET } from '../shared/settings.ts';
import { ANN_MNIST } from './architecture.ts';
import { initParams } from './init.ts';
import { decodeModelFile, encodeModelFile } from './modelFile.ts';
import type { SavedModel } from './modelFile.ts';

const model: SavedModel = {
  name: 'lr 0.01 · 10 epochs', savedAt: '2026-11-27T10:00:00.000Z', arch: ANN_MNIST, settings: PRESET,
  metrics: { epochsTrained: 10, validationAccuracy: 0.95, testAccuracy: 0.951 }, params: initParams(ANN_MNIST, 'pytorch', 3),
};

describe('model file', () => {
  it('round-trips weights bit for bit with settings and metrics', () => {
    const r = decodeModelFile(encodeModelFile(model), ANN_MNIST);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.name).toBe(model.name);
    expect(r.model.settings).toEqual(PRESET);
    expect(r.model.metrics).toEqual(model.metrics);
    r.model.params.forEach((p, i) => expect(p).toEqual(model.params[i]));
  });

  const tamper = (f: (doc: Record<string, any>) => void): string => {
    const doc = JSON.parse(encodeModelFile(model));
    f(doc);
    return JSON.stringify(doc);
  };

  it.each([
    ['not JSON', () => 'PK\u0003\u0004garbage', /not valid JSON/],
    ['another JSON file', () => JSON.stringify({ hello: 1 }), /not a mnist-lab model/],
    ['a newer version', () => tamper((d) => (d.version = 9)), /version 9/],
    ['another architecture', () => tamper((d) => (d.arch.sizes = [784, 32, 10])), /wrong shape: 784 → 32 → 10/],
    ['truncated weights', () => tamper((d) => (d.weights.base64 = d.weights.base64.slice(0, 4000))), /damaged: weights.base64 holds 3000 bytes of weights, expected 437544/],
    ['edited weights', () => tamper((d) => (d.weights.base64 = 'AAAA' + d.weights.base64.slice(4))), /do not match weights.checksum/],
    ['bad base64', () => tamper((d) => (d.weights.base64 = '@@@@')), /not valid base64/],
  ])('rejects %s with a clear message', (_name, make, message) => {
    const r = decodeModelFile(make(), ANN_MNIST);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('rejects NaN weights even with a matching checksum', () => {
    const bad = { ...model, params: model.params.map((p, i) => (i === 5 ? Float32Array.from(p, () => NaN) : p)) };
    const r = decodeModelFile(encodeModelFile(bad), ANN_MNIST);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/NaN or infinite/) });
  });
});
