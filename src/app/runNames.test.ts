import { afterEach, describe, expect, it } from 'vitest';
import { PRESET } from '../shared/settings.ts';
import { i18n } from '../i18n/index.ts';
import { compareProblemsText } from './compareWords.ts';
import { raceRunNames, runNames } from './runNames.ts';
import { parseCompare } from '../shared/compare.ts';

afterEach(() => void i18n.changeLanguage('en'));

describe('run names', () => {
  const lr = (learningRate: number, momentum = 0.5) => ({ ...PRESET, learningRate, momentum });

  it('names a learning-rate race by learning rate, adding μ once momenta differ (as the race always did)', () => {
    expect(runNames([lr(0.001), lr(0.1)])).toEqual(['lr = 0.001', 'lr = 0.1']);
    expect(runNames([lr(0.01, 0), lr(0.01, 0.9), lr(0.1, 0)])).toEqual(['lr = 0.01, μ = 0', 'lr = 0.01, μ = 0.9', 'lr = 0.1, μ = 0']);
    expect(
      raceRunNames([
        { learningRate: 0.01, momentum: 0 },
        { learningRate: 0.01, momentum: 0.9 },
      ]),
    ).toEqual(['lr = 0.01, μ = 0', 'lr = 0.01, μ = 0.9']);
    expect(raceRunNames([])).toEqual([]);
  });

  it('names other comparisons by what differs', () => {
    expect(runNames([PRESET, { ...PRESET, optimizer: 'adam', learningRate: 0.001 }])).toEqual(['SGD, lr = 0.01', 'Adam, lr = 0.001']);
    expect(runNames([PRESET, { ...PRESET, hiddenLayers: [512, 256] }])).toEqual(['layers 128-64', 'layers 512-256']);
    expect(runNames([PRESET, { ...PRESET, dropout: 0.2 }])).toEqual(['dropout = 0', 'dropout = 0.2']);
    expect(runNames([PRESET, { ...PRESET, patience: 3 }])).toEqual(['no early stopping', 'early stopping (3)']);
    expect(runNames([PRESET, { ...PRESET, nesterov: true }])).toEqual(['no nesterov momentum', 'Nesterov momentum']);
    expect(runNames([PRESET])).toEqual(['lr = 0.01']);
  });

  it('names runs that augment differently by their augmentation, parsed from a comparison’s short names', () => {
    const r = parseCompare('rot=0\nrot=30 shift=2', PRESET);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(runNames(r.value)).toEqual(['no rotation, no shift', 'rotation ±30°, shift ±2 px']);
    expect(runNames([PRESET, { ...PRESET, scalePct: 10 }, { ...PRESET, elastic: true }])).toEqual([
      'no scaling, no elastic distortion',
      'scale ±10%, no elastic distortion',
      'no scaling, Elastic distortion',
    ]);
  });

  it('in pt-BR, with the decimal comma', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(runNames([lr(0.001), lr(0.1)])).toEqual(['taxa = 0,001', 'taxa = 0,1']);
    expect(runNames([PRESET, { ...PRESET, patience: 3 }])).toEqual(['sem parada antecipada', 'parada antecipada (3)']);
    expect(runNames([PRESET, { ...PRESET, rotationDeg: 22.5 }])).toEqual(['sem rotação', 'rotação ±22,5°']);
  });
});

describe('a comparison’s problems in words', () => {
  const words = (text: string) => {
    const r = parseCompare(text, PRESET);
    if (r.ok) throw new Error('expected problems');
    return compareProblemsText(r.problems);
  };

  it('name the line, the setting and the table’s message', () => {
    expect(words('lr=0.01\nlr=0')).toMatch(/^Line 2: Learning rate: The learning rate must be greater than 0/);
    expect(words('lr=0.01\nopt=newton')).toMatch(/^Line 2: Optimizer: Choose one of: SGD \(the notebook\), Adam/);
    expect(words('batch=32 seed=2\nbatch=64')).toBe(
      'The runs must share their batch size and seed: every run trains on the very same batches. Set them once, in Settings or on every line alike.',
    );
  });

  it('read in pt-BR too', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(words('lr=0.1')).toBe('Liste de 2 a 6 treinos, um por linha, como “opt=adam lr=0.001”.');
  });
});
