import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PRESET } from '../shared/settings.ts';
import { holdsUnknownKey, malformedVariants, settingPaths, withExtraKeys } from '../test-support/malformed.ts';
import { ANN_MNIST, architectureOf } from './architecture.ts';
import { initParams } from './init.ts';
import { decodeModelDoc, decodeModelFile, encodeModelFile } from './modelFile.ts';
import type { SavedModel } from './modelFile.ts';

const model: SavedModel = {
  name: 'lr 0.01 · 10 epochs',
  savedAt: '2026-11-27T10:00:00.000Z',
  arch: ANN_MNIST,
  settings: PRESET,
  metrics: { epochsTrained: 10, validationAccuracy: 0.95, testAccuracy: 0.951, macroAuc: 0.998 },
  params: initParams(ANN_MNIST, 'pytorch', 3),
};

describe('model file', () => {
  it('round-trips weights bit for bit with settings and metrics', () => {
    const r = decodeModelFile(encodeModelFile(model));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.model.name).toBe(model.name);
    expect(r.model.settings).toEqual(PRESET);
    expect(r.model.metrics).toEqual(model.metrics);
    r.model.params.forEach((p, i) => expect(p).toEqual(model.params[i]));
  });

  // biome-ignore lint/suspicious/noExplicitAny: a parsed file, damaged one nested field at a time.
  const tamper = (f: (doc: Record<string, any>) => void): string => {
    const doc = JSON.parse(encodeModelFile(model));
    f(doc);
    return JSON.stringify(doc);
  };

  it.each([
    ['not JSON', () => 'PK\u0003\u0004garbage', { code: 'notJson' }],
    ['another JSON file', () => JSON.stringify({ hello: 1 }), { code: 'notModel' }],
    ['a newer version', () => tamper((d) => (d.version = 9)), { code: 'newerVersion', version: 9, newest: 2 }],
    ['an unknown version', () => tamper((d) => (d.version = 0)), { code: 'unreadableVersion', version: { kind: 'value', value: '0' }, reads: [1, 2] }],
    ['no version', () => tamper((d) => delete d.version), { code: 'unreadableVersion', version: { kind: 'missing' } }],
    [
      'a network whose settings describe another',
      () => tamper((d) => (d.arch.sizes = [784, 32, 10])),
      { code: 'damaged', problem: { code: 'settingsMismatch', path: '', settings: { sizes: [784, 128, 64, 10] }, arch: { sizes: [784, 32, 10] } } },
    ],
    [
      'a network the lab cannot build',
      () => tamper((d) => (d.arch.sizes = [784, 2000, 10])),
      { code: 'unbuildable', problem: { code: 'networkTooBig', path: 'arch', sizes: [784, 2000, 10], maxLayers: 4, maxWidth: 1024 } },
    ],
    [
      'a network for other images',
      () => tamper((d) => (d.arch.sizes = [100, 10])),
      { code: 'unbuildable', problem: { code: 'networkInOut', path: 'arch', inputs: 784, classes: 10 } },
    ],
    [
      'truncated weights',
      () => tamper((d) => (d.weights.base64 = d.weights.base64.slice(0, 4000))),
      { code: 'damaged', problem: { code: 'weightBytes', path: 'weights.base64', bytes: 3000, expected: 437544 } },
    ],
    [
      'edited weights',
      () => tamper((d) => (d.weights.base64 = 'AAAA' + d.weights.base64.slice(4))),
      { code: 'damaged', problem: { code: 'checksumMismatch', path: 'weights.checksum' } },
    ],
    ['bad base64', () => tamper((d) => (d.weights.base64 = '@@@@')), { code: 'damaged', problem: { code: 'notBase64', path: 'weights.base64' } }],
  ])('rejects %s with a problem code', (_name, make, problem) => {
    const r = decodeModelFile(make());
    expect(r).toMatchObject({ ok: false, problem });
  });

  it('rejects NaN weights even with a matching checksum', () => {
    const bad = { ...model, params: model.params.map((p, i) => (i === 5 ? Float32Array.from(p, () => NaN) : p)) };
    const r = decodeModelFile(encodeModelFile(bad));
    expect(r).toEqual({ ok: false, problem: { code: 'notFinite' } });
  });

  it('reads a file written by an earlier lab (test-fixtures/model-v1.mnistlab.json.gz)', () => {
    const text = gunzipSync(readFileSync(new URL('../../test-fixtures/model-v1.mnistlab.json.gz', import.meta.url))).toString('utf8');
    const r = decodeModelFile(text);
    expect(r.ok || r.problem).toBe(true);
    if (!r.ok) return;
    expect(r.model).toMatchObject({
      name: 'lr 0.1 · momentum 0.9 · 1 epoch',
      savedAt: '2026-11-28T09:30:00.000Z',
      settings: { ...PRESET, learningRate: 0.1, momentum: 0.9, epochs: 1 },
    });
    // The run had no test AUC: absent in the file, absent when read.
    expect(r.model.metrics).toEqual({ epochsTrained: 1, validationAccuracy: 0.8712, testAccuracy: 0.8794 });
    expect(r.model.params[1][9]).toBe(1 / 64);
  });

  it('takes null for a figure that was not available (JSON writes NaN as null)', () => {
    const r = decodeModelFile(tamper((d) => (d.metrics.macroAuc = null)));
    expect(r.ok && r.model.metrics).toEqual({ epochsTrained: 10, validationAccuracy: 0.95, testAccuracy: 0.951 });
  });
});

describe('model file, every field malformed', () => {
  const valid = JSON.parse(encodeModelFile(model)) as unknown;
  const variants = malformedVariants(valid, {
    optional: [
      'metrics.validationAccuracy',
      'metrics.testAccuracy',
      'metrics.macroAuc',
      'weights.littleEndian',
      'weights.shapes',
      'arch.activation',
      'arch.inputScaling',
      ...settingPaths(Object.keys(PRESET)),
    ],
    nullable: ['metrics.validationAccuracy', 'metrics.testAccuracy', 'metrics.macroAuc'],
  });

  it('has a variant for every field, settings and metrics included', () => {
    const paths = new Set(variants.map((v) => v.path));
    for (const p of [
      'name',
      'savedAt',
      'settings.learningRate',
      'settings.schedule',
      'metrics.epochsTrained',
      'metrics.macroAuc',
      'arch.sizes[0]',
      'weights.checksum',
      'weights.base64',
      'weights.shapes[0][0]',
    ])
      expect(paths).toContain(p);
    expect(variants.length).toBeGreaterThan(200);
  });

  it.each(variants.map((v) => [v.change, v] as const))('refuses %s, naming the field', (_change, v) => {
    const r = decodeModelDoc(v.doc);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // A field's problem names its path; only the document as a whole (or its format and version) has none.
    const path = 'problem' in r.problem ? r.problem.problem.path : null;
    if (v.path && v.path !== 'format' && v.path !== 'version') expect(path).toContain(v.path);
  });

  it.each(withExtraKeys(valid).map((v) => [v.change, v] as const))('ignores %s and keeps nothing of it', (_change, v) => {
    const r = decodeModelDoc(v.doc);
    expect(r.ok || r.problem).toBe(true);
    expect(holdsUnknownKey(r.ok && { ...r.model, params: [] })).toBe(false);
  });
});

describe('model file, any network the lab builds', () => {
  it('round-trips 256-128-64 with tanh on standardised inputs, and a network with no hidden layer', () => {
    for (const settings of [
      { ...PRESET, hiddenLayers: [256, 128, 64], activation: 'tanh' as const, inputScaling: 'standardised' as const },
      { ...PRESET, hiddenLayers: [] },
    ]) {
      const arch = architectureOf(settings);
      const m: SavedModel = { ...model, arch, settings, params: initParams(arch, 'pytorch', 4) };
      const r = decodeModelFile(encodeModelFile(m));
      expect(r.ok && r.model.arch).toEqual(arch);
      expect(r.ok && r.model.params.map((p) => p.length)).toEqual(m.params.map((p) => p.length));
    }
  });
});
