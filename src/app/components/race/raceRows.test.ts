import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../worker/protocol.ts';
import { raceRow } from './raceRows.ts';
import type { RaceRowInput } from './raceRows.ts';

const evaluation = (accuracy: number, loss: number, macroAuc: number | null): Evaluation => ({
  set: 'validation', count: 100, loss, accuracy, macroAuc,
  confusion: new Int32Array(100), auc: new Float64Array(10), rocFpr: new Float32Array(0), rocTpr: new Float32Array(0), rocOffsets: new Int32Array(11),
});

const base: RaceRowInput = { learningRate: 0.1, momentum: 0.5, status: 'running', message: null, epochs: [] };

describe('raceRow', () => {
  it('shows dashes before the first epoch, and no evaluation to show', () => {
    const row = raceRow(base);
    expect(row).toMatchObject({ name: 'lr = 0.1', learningRate: '0.1', momentum: '0.5', effectiveStep: '0.2', trainLoss: '—', validationLoss: '—', validationAccuracy: '—', macroAuc: '—', epochTo90: '—', evaluated: false });
  });

  it('reads the latest epoch and the first to reach 90 %', () => {
    const row = raceRow({
      ...base, status: 'finished',
      epochs: [
        { epoch: 1, trainLoss: 0.61234, validation: evaluation(0.87, 0.45, 0.98) },
        { epoch: 2, trainLoss: 0.3, validation: evaluation(0.912, 0.31, 0.99123) },
        { epoch: 3, trainLoss: 0.25, validation: evaluation(0.9456, 0.2, 0.995) },
      ],
    });
    expect(row).toMatchObject({ trainLoss: '0.250', validationLoss: '0.200', validationAccuracy: '94.6', macroAuc: '0.9950', epochTo90: '2', status: 'finished', explanation: null, evaluated: true });
  });

  it('explains a collapsed or diverged run, and only those', () => {
    expect(raceRow({ ...base, status: 'collapsed', message: 'stuck at chance' }).explanation).toBe('stuck at chance');
    expect(raceRow({ ...base, status: 'diverged', message: 'exploded' }).explanation).toBe('exploded');
    expect(raceRow({ ...base, status: 'stopped', message: 'stale' }).explanation).toBeNull();
  });

  it('writes an undefined AUC as such', () => {
    expect(raceRow({ ...base, epochs: [{ epoch: 1, trainLoss: 2.3, validation: evaluation(0.1, 2.3, null) }] }).macroAuc).toBe('undefined');
  });
});
