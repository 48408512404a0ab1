import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../worker/protocol.ts';
import { PRESET } from '../../../shared/settings.ts';
import { raceRows } from './raceRows.ts';
import type { RaceRowInput } from './raceRows.ts';

const evaluation = (accuracy: number, loss: number, macroAuc: number | null): Evaluation => ({
  set: 'validation',
  count: 100,
  loss,
  accuracy,
  macroAuc,
  confusion: new Int32Array(100),
  auc: new Float64Array(10),
  rocFpr: new Float32Array(0),
  rocTpr: new Float32Array(0),
  rocOffsets: new Int32Array(11),
});

const base: RaceRowInput = { learningRate: 0.1, momentum: 0.5, status: 'running', note: null, epochs: [] };

/** One run's row, in a race of that run alone (so its name has no μ). */
const raceRow = (run: RaceRowInput) => raceRows([run])[0];

describe('raceRows', () => {
  it('shows dashes before the first epoch, and no evaluation to show', () => {
    const row = raceRow(base);
    expect(row).toMatchObject({
      name: 'lr = 0.1',
      learningRate: '0.1',
      momentum: '0.5',
      effectiveStep: '0.2',
      trainLoss: '—',
      validationLoss: '—',
      validationAccuracy: '—',
      macroAuc: '—',
      epochTo90: '—',
      evaluated: false,
    });
  });

  it('reads the latest epoch and the first to reach 90 %', () => {
    const row = raceRow({
      ...base,
      status: 'finished',
      epochs: [
        { epoch: 1, trainLoss: 0.61234, validation: evaluation(0.87, 0.45, 0.98) },
        { epoch: 2, trainLoss: 0.3, validation: evaluation(0.912, 0.31, 0.99123) },
        { epoch: 3, trainLoss: 0.25, validation: evaluation(0.9456, 0.2, 0.995) },
      ],
    });
    expect(row).toMatchObject({
      trainLoss: '0.250',
      validationLoss: '0.200',
      validationAccuracy: '94.6',
      macroAuc: '0.9950',
      epochTo90: '2',
      status: 'finished',
      explanation: null,
      evaluated: true,
    });
  });

  it('explains a collapsed or diverged run by its name, and only those', () => {
    expect(raceRow({ ...base, status: 'collapsed', note: { reason: 'collapsed', accuracy: 0.098 } }).explanation).toBe(
      'Validation accuracy 9.8%: near chance (10%). The network has collapsed to guessing one digit.',
    );
    const diverged = { reason: 'diverged', epoch: 1, step: 3, loss: 'nan', learningRate: 0.1 } as const;
    expect(raceRow({ ...base, status: 'diverged', note: diverged }).explanation).toBe(
      'lr = 0.1 diverged: the loss became NaN at batch 3, epoch 1. The other runs go on.',
    );
    expect(raceRow({ ...base, status: 'stopped', note: diverged }).explanation).toBeNull();
  });

  it('writes an undefined AUC as such', () => {
    expect(raceRow({ ...base, epochs: [{ epoch: 1, trainLoss: 2.3, validation: evaluation(0.1, 2.3, null) }] }).macroAuc).toBe('undefined');
  });

  it('names rows by learning rate while the runs share one momentum, and adds μ once they differ', () => {
    expect(raceRows([base, { ...base, learningRate: 0.01 }]).map((r) => r.name)).toEqual(['lr = 0.1', 'lr = 0.01']);
    const rows = raceRows([
      { ...base, learningRate: 0.01, momentum: 0 },
      { ...base, learningRate: 0.01, momentum: 0.9 },
    ]);
    expect(rows.map((r) => r.name)).toEqual(['lr = 0.01, μ = 0', 'lr = 0.01, μ = 0.9']);
  });

  it('shows each run’s own momentum and effective step lr / (1 − μ)', () => {
    const rows = raceRows([
      { ...base, learningRate: 0.01, momentum: 0 },
      { ...base, learningRate: 0.01, momentum: 0.9 },
      { ...base, learningRate: 0.03, momentum: 0.99 },
    ]);
    expect(rows.map((r) => [r.learningRate, r.momentum, r.effectiveStep])).toEqual([
      ['0.01', '0', '0.01'],
      ['0.01', '0.9', '0.1'],
      ['0.03', '0.99', '3'],
    ]);
  });

  it("a diverged run shows its frozen weights' figures, and a dash for a train loss with no batch behind it", () => {
    const row = raceRow({
      ...base,
      learningRate: 1,
      status: 'diverged',
      note: { reason: 'diverged', epoch: 1, step: 40, loss: 3.97e4, learningRate: 1, accuracyAfter: 0.098 },
      epochs: [{ epoch: 1, trainLoss: NaN, validation: evaluation(0.098, 2.31, 0.5) }],
    });
    expect(row).toMatchObject({
      trainLoss: '—',
      validationLoss: '2.310',
      validationAccuracy: '9.8',
      status: 'diverged',
      explanation:
        'lr = 1 diverged: the loss rose to 4.0e4 nats, far above its best and worse than guessing at batch 40, epoch 1. The other runs go on. ' +
        'What the blow-up left scores 9.8% on the validation set: chance level. The network has collapsed to guessing.',
      evaluated: true,
    });
  });

  it('names a comparison’s rows by whatever sets their settings apart, as the chart does, and gives Adam no momentum', () => {
    const sgd = { ...PRESET };
    const adam = { ...PRESET, optimizer: 'adam' as const, learningRate: 0.001 };
    const rows = raceRows([
      { ...base, learningRate: 0.01, momentum: 0.5, settings: sgd },
      { ...base, learningRate: 0.001, momentum: 0.5, settings: adam },
    ]);
    expect(rows.map((r) => [r.name, r.learningRate, r.momentum, r.effectiveStep])).toEqual([
      ['SGD, lr = 0.01', '0.01', '0.5', '0.02'],
      ['Adam, lr = 0.001', '0.001', '—', '—'],
    ]);
  });
});
