import { beforeEach, describe, expect, it } from 'vitest';
import { PRESET } from '../../shared/settings.ts';
import { problemText } from '../workerWords.ts';
import { useLab, workerBusy } from './index.ts';

const initial = useLab.getState();
beforeEach(() => useLab.setState(initial, true));

const lab = () => useLab.getState();
const point = (step: number) => ({ step, epoch: step / 10, loss: 2 / step, batches: 1 });

/** A run that has trained a few batches, as the page shows it. */
function trainingRun(id: number) {
  lab().beginRun(id, PRESET);
  lab().applyEvent({ type: 'accepted', runId: id });
  lab().applyEvent({ type: 'phase', runId: id, phase: 'training' });
  lab().applyEvent({
    type: 'losses',
    runId: id,
    points: [point(1), point(2)],
    progress: { epoch: 1, epochs: 10, batch: 2, batchesPerEpoch: 10, step: 2, samplesPerSec: 100, etaSec: 10 },
  });
}

describe('a refused command leaves the page where it was, with a message', () => {
  it('a refused Train puts the previous run back: no phantom "Loading MNIST…"', () => {
    trainingRun(1);
    lab().applyEvent({ type: 'done', runId: 1, end: { reason: 'completed', epochs: 1 }, tensors: 12 });
    const before = lab().run;
    lab().beginRun(2, PRESET);
    expect(lab().run?.phase).toBe('loading-data');
    lab().applyEvent({ type: 'refused', command: 'start', runId: 2, code: 'busy' });
    expect(lab().run).toBe(before);
    expect(lab().workerError).toEqual({ kind: 'refused-start' });
    expect(workerBusy(lab())).toBe(false);
    // A stale refusal of an earlier start changes nothing.
    lab().applyEvent({ type: 'refused', command: 'start', runId: 1, code: 'busy' });
    expect(lab().run).toBe(before);
  });

  it('a refused race or range test goes back to the one before', () => {
    lab().beginRace(3, PRESET, [
      { ...PRESET, learningRate: 0.1, momentum: 0.5 },
      { ...PRESET, learningRate: 1, momentum: 0.5 },
    ]);
    lab().applyEvent({ type: 'refused', command: 'race', runId: 3, code: 'busy' });
    expect(lab().race).toBeNull();
    lab().beginRangeTest(4);
    lab().applyEvent({ type: 'refused', command: 'range-test', runId: 4, code: 'busy' });
    expect(lab().rangeTest).toBeNull();
    expect(workerBusy(lab())).toBe(false);
  });

  it('an accepted start can no longer be put back', () => {
    trainingRun(5);
    lab().applyEvent({ type: 'refused', command: 'start', runId: 5, code: 'busy' });
    expect(lab().run?.id).toBe(5);
    expect(lab().pendingStart).toBeNull();
  });

  it('a Stop the worker does not recognise ends the run the page still shows as running', () => {
    trainingRun(6);
    lab().applyEvent({ type: 'refused', command: 'stop', runId: 6, code: 'not-running' });
    expect(lab().run).toMatchObject({ phase: 'done', error: { kind: 'lost-track' } });
    expect(lab().run?.lossPoints.length).toBe(2);
    expect(workerBusy(lab())).toBe(false);
  });

  it('Reset holds Train back until the worker says reset-done', () => {
    trainingRun(7);
    lab().clearRun(true);
    expect(lab().run).toBeNull();
    expect(workerBusy(lab())).toBe(true);
    lab().applyEvent({ type: 'reset-done' });
    expect(workerBusy(lab())).toBe(false);
  });
});

describe('a replaced worker', () => {
  it('ends the running run as interrupted, keeping its curves and saying why; the weights are gone', () => {
    trainingRun(8);
    useLab.setState({ model: { source: 'loaded', name: 'x', settings: PRESET, metrics: { epochsTrained: 1 } } });
    lab().interrupt({ cause: 'webgl-lost', excluded: 'webgl' });
    const run = lab().run!;
    expect(run).toMatchObject({ phase: 'done', done: null, interrupted: 'webgl-lost' });
    expect(run.error).toEqual({ kind: 'interrupted-job', interruption: { cause: 'webgl-lost', excluded: 'webgl' } });
    expect(problemText(run.error!)).toMatch(/WebGL context was lost.*without WebGL.*curves so far are kept.*press Train/);
    expect(run.lossPoints.length).toBe(2);
    expect(lab().model).toBeNull();
    expect(workerBusy(lab())).toBe(false);
  });

  it('ends a running race (its runs stopped) or range test the same way', () => {
    lab().beginRace(9, PRESET, [
      { ...PRESET, learningRate: 0.1, momentum: 0.5 },
      { ...PRESET, learningRate: 1, momentum: 0.5 },
    ]);
    lab().interrupt({ cause: 'worker-stopped', excluded: null });
    expect(lab().race).toMatchObject({ phase: 'done', error: { kind: 'interrupted-job', interruption: { cause: 'worker-stopped' } } });
    expect(problemText(lab().race!.error!)).toMatch(/stopped answering/);
    expect(lab().race?.runs.map((r) => r.status)).toEqual(['stopped', 'stopped']);
    lab().beginRangeTest(10);
    lab().interrupt({ cause: 'stalled', excluded: 'webgl' });
    expect(lab().rangeTest).toMatchObject({ status: 'failed', problem: { kind: 'interrupted-job' } });
    expect(problemText(lab().rangeTest!.problem!)).toMatch(/stopped making progress/);
  });

  it('with nothing running, says so once at the page, and that the trained network went with it', () => {
    useLab.setState({ model: { source: 'loaded', name: 'x', settings: PRESET, metrics: { epochsTrained: 1 } }, resetting: true });
    lab().interrupt({ cause: 'crashed', detail: 'out of memory', excluded: null });
    expect(lab().workerError).toEqual({
      kind: 'interrupted-idle',
      interruption: { cause: 'crashed', detail: 'out of memory', excluded: null },
      hadModel: true,
    });
    expect(problemText(lab().workerError!)).toMatch(/stopped unexpectedly \(out of memory\)\. A new worker has started\. The trained network was lost/);
    expect(lab().resetting).toBe(false);
  });
});
