import { describe, expect, it } from 'vitest';
import { COMPARE_PRESETS, parseCompare, parseCompareLine, runNameKeys } from './compare.ts';
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
    ['lr=0', { code: 'value', key: 'learningRate', problem: { code: 'learningRatePositive' } }],
    ['speed=3', { code: 'unknownSetting', name: 'speed' }],
    ['lr', { code: 'notNameValue', item: 'lr' }],
    ['lr=0.1 lr=0.2', { code: 'setTwice', key: 'learningRate' }],
    ['layers=2000', { code: 'value', key: 'hiddenLayers', problem: { code: 'layerWidth', max: 1024, given: 2000 } }],
    ['opt=newton', { code: 'value', key: 'optimizer', problem: { code: 'notChoice' } }],
    ['lr=0,1', { code: 'value', key: 'learningRate', problem: { code: 'decimalComma', value: 0.1 } }],
  ])('refuses %j, naming the line', (line, problem) => {
    expect(parseCompare(`lr=0.01\n${line}`, PRESET)).toMatchObject({ ok: false, problems: [{ code: 'line', line: 2, problem }] });
  });

  it('refuses runs that would not share their batches', () => {
    expect(parseCompare('batch=32\nbatch=64', PRESET)).toEqual({ ok: false, problems: [{ code: 'notShared', keys: ['batchSize'] }] });
    expect(parseCompare('seed=1 lr=0.1\nseed=2', PRESET)).toEqual({ ok: false, problems: [{ code: 'notShared', keys: ['seed'] }] });
  });

  it('needs 2 to 6 runs, and no two the same', () => {
    expect(parseCompare('lr=0.1', PRESET)).toEqual({ ok: false, problems: [{ code: 'tooFew', min: 2, max: 6 }] });
    expect(parseCompare(Array.from({ length: 7 }, (_, i) => `seed=${i}`).join('\n'), PRESET)).toEqual({
      ok: false,
      problems: [{ code: 'tooMany', max: 6, given: 7 }],
    });
    expect(parseCompare('lr=0.01\nmom=0.5', PRESET)).toEqual({ ok: false, problems: [{ code: 'sameRuns', first: 1, second: 2 }] });
  });

  it('every preset parses over the notebook’s settings', () => {
    for (const p of COMPARE_PRESETS) expect(parseCompare(p.text, PRESET).ok, p.id).toBe(true);
  });
});

describe('which settings name the runs', () => {
  const lr = (learningRate: number, momentum = 0.5) => ({ ...PRESET, learningRate, momentum });

  it('a learning-rate race by learning rate, adding μ once momenta differ, even where only momenta differ', () => {
    expect(runNameKeys([lr(0.001), lr(0.1)])).toEqual(['learningRate']);
    expect(runNameKeys([lr(0.01, 0), lr(0.01, 0.9)])).toEqual(['learningRate', 'momentum']);
  });

  it('other comparisons by what differs, in table order; the learning rate alone when nothing does', () => {
    expect(runNameKeys([PRESET, { ...PRESET, optimizer: 'adam', learningRate: 0.001 }])).toEqual(['optimizer', 'learningRate']);
    expect(runNameKeys([PRESET, { ...PRESET, dropout: 0.2 }])).toEqual(['dropout']);
    expect(runNameKeys([PRESET])).toEqual(['learningRate']);
  });
});
