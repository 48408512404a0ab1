import { describe, expect, it } from 'vitest';
import { COMPARE_PRESETS, parseCompare, parseCompareLine, runNames } from './compare.ts';
import { PRESET } from './settings.ts';

describe('a comparison typed one run per line', () => {
  it('reads each line over the form’s settings, by link name or setting name', () => {
    const r = parseCompare('opt=sgd\noptimizer=adam lr=0.001\n\n', PRESET);
    expect(r).toEqual({ ok: true, value: [PRESET, { ...PRESET, optimizer: 'adam', learningRate: 0.001 }] });
  });

  it('takes layer widths joined by dashes', () => {
    expect(parseCompareLine('layers=512-256', PRESET)).toEqual({ ok: true, value: { ...PRESET, hiddenLayers: [512, 256] } });
    expect(parseCompareLine('layers=none', PRESET)).toEqual({ ok: true, value: { ...PRESET, hiddenLayers: [] } });
  });

  it.each([
    ['lr=0', /Line 2: Learning rate: The learning rate must be greater than 0/],
    ['speed=3', /Line 2: There is no setting called “speed”/],
    ['lr', /Line 2: “lr” is not name=value/],
    ['lr=0.1 lr=0.2', /Line 2: Learning rate is set twice/],
    ['layers=2000', /Line 2: Hidden layers: A hidden layer has 1 to 1024 units/],
    ['opt=newton', /Line 2: Optimizer: Choose one of/],
  ])('refuses %j with a message naming the line', (line, message) => {
    const r = parseCompare(`lr=0.01\n${line}`, PRESET);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('refuses runs that would not share their batches', () => {
    expect(parseCompare('batch=32\nbatch=64', PRESET)).toMatchObject({
      ok: false,
      message: /must share their batch size: every run trains on the very same batches/,
    });
    expect(parseCompare('seed=1 lr=0.1\nseed=2', PRESET)).toMatchObject({ ok: false, message: /share their seed/ });
  });

  it('needs 2 to 6 runs, and no two the same', () => {
    expect(parseCompare('lr=0.1', PRESET)).toMatchObject({ ok: false, message: /List 2 to 6 runs/ });
    expect(parseCompare(Array.from({ length: 7 }, (_, i) => `seed=${i}`).join('\n'), PRESET)).toMatchObject({
      ok: false,
      message: /at most 6 runs \(you listed 7\)/,
    });
    expect(parseCompare('lr=0.01\nmom=0.5', PRESET)).toMatchObject({ ok: false, message: /very same settings/ });
  });

  it('every preset parses over the notebook’s settings', () => {
    for (const p of COMPARE_PRESETS) expect(parseCompare(p.text, PRESET).ok, p.label).toBe(true);
  });
});

describe('run names', () => {
  const lr = (learningRate: number, momentum = 0.5) => ({ ...PRESET, learningRate, momentum });

  it('names a learning-rate race by learning rate, adding μ once momenta differ (as the race always did)', () => {
    expect(runNames([lr(0.001), lr(0.1)])).toEqual(['lr = 0.001', 'lr = 0.1']);
    expect(runNames([lr(0.01, 0), lr(0.01, 0.9), lr(0.1, 0)])).toEqual(['lr = 0.01, μ = 0', 'lr = 0.01, μ = 0.9', 'lr = 0.1, μ = 0']);
  });

  it('names other comparisons by what differs', () => {
    expect(runNames([PRESET, { ...PRESET, optimizer: 'adam', learningRate: 0.001 }])).toEqual(['SGD, lr = 0.01', 'Adam, lr = 0.001']);
    expect(runNames([PRESET, { ...PRESET, hiddenLayers: [512, 256] }])).toEqual(['layers 128-64', 'layers 512-256']);
    expect(runNames([PRESET, { ...PRESET, dropout: 0.2 }])).toEqual(['dropout = 0', 'dropout = 0.2']);
    expect(runNames([PRESET, { ...PRESET, patience: 3 }])).toEqual(['no early stopping', 'early stopping (3)']);
    expect(runNames([PRESET, { ...PRESET, nesterov: true }])).toEqual(['no nesterov momentum', 'Nesterov momentum']);
    expect(runNames([PRESET])).toEqual(['lr = 0.01']);
  });
});
