/**
 * Reset and Train while something holds the worker, judged from the real
 * store: Reset must never be there to stop a race (or a range test) and drop
 * a trained model unasked, and nothing new starts until the worker has
 * answered a Reset. (Server rendering reads a zustand store's initial state,
 * so the buttons' rules are tested as the selectors the buttons use.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { PRESET } from '../shared/settings.ts';
import * as lab from './lab.ts';
import { canReset, useLab, workerBusy } from './store/index.ts';

const initial = useLab.getState();
beforeEach(() => useLab.setState(initial, true));

const state = () => useLab.getState();

/** A run that finished, and its model. */
function finishedRun() {
  state().beginRun(1, PRESET);
  state().applyEvent({ type: 'accepted', runId: 1 });
  state().applyEvent({ type: 'done', runId: 1, end: { reason: 'completed', epochs: 10 }, tensors: 12 });
}

describe('Reset and Train while the worker is held', () => {
  it('Reset is there for a finished run and for one that trains, not before any run', () => {
    expect(canReset(state())).toBe(false);
    finishedRun();
    expect(canReset(state())).toBe(true);
    state().beginRun(2, PRESET);
    expect(canReset(state())).toBe(true);
  });

  it('Reset is not there while a race runs, and lab.reset() leaves the race and the model alone', () => {
    finishedRun();
    state().beginRace(2, PRESET, [
      { ...PRESET, learningRate: 0.01, momentum: 0.5 },
      { ...PRESET, learningRate: 0.1, momentum: 0.5 },
    ]);
    expect(canReset(state())).toBe(false);
    const before = state();
    lab.reset();
    expect(state().race).toBe(before.race);
    expect(state().run).toBe(before.run);
    expect(state().model).not.toBeNull();
    // Once the race is over, Reset is back.
    state().applyEvent({ type: 'race-done', runId: 2, summary: { kind: 'stopped' } });
    expect(canReset(state())).toBe(true);
  });

  it('Reset is not there while a range test runs', () => {
    finishedRun();
    state().beginRangeTest(3);
    expect(canReset(state())).toBe(false);
  });

  it('after Reset, Train waits for the worker to say the old run has ended', () => {
    finishedRun();
    state().clearRun(true);
    expect(workerBusy(state())).toBe(true);
    expect(canReset(state())).toBe(false);
    state().applyEvent({ type: 'reset-done' });
    expect(workerBusy(state())).toBe(false);
  });
});
