import { describe, expect, it } from 'vitest';
import { PRESET } from '../../shared/settings.ts';
import type { Evaluation, RunEnd } from '../../worker/protocol.ts';
import { raceRunNoteText } from '../runWords.ts';
import { applyRaceEvent, epochReaching } from './raceEvents.ts';
import type { RaceState } from './raceSlice.ts';

const evaluation = (accuracy: number) => ({ set: 'validation', count: 100, loss: 2.3, accuracy, macroAuc: 0.5 }) as unknown as Evaluation;
const DIVERGED: RunEnd = { reason: 'diverged', epoch: 1, step: 40, loss: 'infinite', learningRate: 1 };
const race = (lossPeaks: number[]): RaceState => ({
  runId: 1,
  settings: PRESET,
  epochs: 3,
  phase: 'training',
  progress: null,
  error: null,
  summary: null,
  runs: lossPeaks.map((peak, i) => ({
    learningRate: 10 ** (i - 3),
    momentum: 0.5,
    status: 'running',
    note: null,
    epochs: [],
    lossPoints: [
      { step: 1, epoch: 0.1, loss: 2.3, batches: 1 },
      { step: 2, epoch: 0.2, loss: peak, batches: 1 },
    ],
  })),
});

describe('race events', () => {
  it('calls a run collapsed only when it broke down to chance, not when it is merely slow', () => {
    // run 0: lr too small, loss never above 2.3, accuracy 11 %; run 1: loss spiked to 60, then 10 % accuracy.
    const r = applyRaceEvent(race([2.31, 60]), {
      type: 'race-epoch',
      runId: 1,
      epoch: 1,
      runs: [
        { run: 0, trainLoss: 2.3, validation: evaluation(0.11) },
        { run: 1, trainLoss: 2.3, validation: evaluation(0.1) },
      ],
    });
    expect(r.runs.map((x) => x.status)).toEqual(['running', 'collapsed']);
    expect(r.runs[1].note).toEqual({ reason: 'collapsed', accuracy: 0.1 });
    expect(r.runs[0].note).toBeNull();
  });

  it('a run that had learned and fell back to chance has collapsed', () => {
    let r = applyRaceEvent(race([2.2]), { type: 'race-epoch', runId: 1, epoch: 1, runs: [{ run: 0, trainLoss: 1, validation: evaluation(0.6) }] });
    r = applyRaceEvent(r, { type: 'race-epoch', runId: 1, epoch: 2, runs: [{ run: 0, trainLoss: 2.3, validation: evaluation(0.1) }] });
    expect(r.runs[0].status).toBe('collapsed');
  });

  it('marks a diverged run, finishes the rest, and finds the epoch reaching 90 %', () => {
    let r = applyRaceEvent(race([2.2, 2.2]), { type: 'race-run-end', runId: 1, run: 1, end: DIVERGED });
    r = applyRaceEvent(r, { type: 'race-epoch', runId: 1, epoch: 1, runs: [{ run: 0, trainLoss: 0.5, validation: evaluation(0.85) }] });
    r = applyRaceEvent(r, { type: 'race-epoch', runId: 1, epoch: 2, runs: [{ run: 0, trainLoss: 0.3, validation: evaluation(0.92) }] });
    r = applyRaceEvent(r, { type: 'race-run-end', runId: 1, run: 0, end: { reason: 'completed', epochs: 3 } });
    const summary = { kind: 'finished', runs: 2, completed: 1, earlyStopped: 0, diverged: 1, epochs: 3 } as const;
    r = applyRaceEvent(r, { type: 'race-done', runId: 1, summary });
    expect(r.runs.map((x) => x.status)).toEqual(['finished', 'diverged']);
    expect(r.runs.map((x) => x.note)).toEqual([null, DIVERGED]);
    expect(r.phase).toBe('done');
    expect(r.summary).toBe(summary);
    expect(epochReaching(r.runs[0])).toBe(2);
    expect(epochReaching(r.runs[1])).toBeNull();
  });

  it("a diverged run keeps its status and gains the frozen weights' evaluation once, with what it means", () => {
    let r = applyRaceEvent(race([2.2, 2.2]), { type: 'race-run-end', runId: 1, run: 1, end: DIVERGED });
    r = applyRaceEvent(r, {
      type: 'race-epoch',
      runId: 1,
      epoch: 1,
      runs: [
        { run: 0, trainLoss: 0.5, validation: evaluation(0.85) },
        { run: 1, trainLoss: 1.9, validation: evaluation(0.098), diverged: true },
      ],
    });
    expect(r.runs[1].status).toBe('diverged');
    expect(r.runs[1].epochs).toHaveLength(1);
    expect(r.runs[1].note).toEqual({ ...DIVERGED, accuracyAfter: 0.098 });
    expect(raceRunNoteText(r.runs[1].note!, 'lr = 1')).toBe(
      'lr = 1 diverged: the loss became infinite at batch 40, epoch 1. The other runs go on. What the blow-up left scores 9.8% on the validation set: chance level. The network has collapsed to guessing.',
    );
    // A run that still knows something is not called collapsed.
    let s = applyRaceEvent(race([2.2]), { type: 'race-run-end', runId: 1, run: 0, end: DIVERGED });
    s = applyRaceEvent(s, { type: 'race-epoch', runId: 1, epoch: 1, runs: [{ run: 0, trainLoss: 1, validation: evaluation(0.62), diverged: true }] });
    expect(s.runs[0].status).toBe('diverged');
    expect(raceRunNoteText(s.runs[0].note!, 'lr = 1')).toMatch(/ What the blow-up left still scores 62\.0% on the validation set\.$/);
  });
});
