import { beforeEach, describe, expect, it } from 'vitest';
import { PRESET } from '../../shared/settings.ts';
import type { Evaluation, WeightTiles } from '../../worker/protocol.ts';
import { shownEvaluation } from './evalSlice.ts';
import { useLab } from './index.ts';
import { shownWeights, viewedTiles } from './insideSlice.ts';

const initial = useLab.getState();
beforeEach(() => useLab.setState(initial, true));
const lab = () => useLab.getState();

const tiles = (value: number, units = 2): WeightTiles => ({ units, output: false, tiles: new Float32Array(units * 784).fill(value) });

function evaluation(correct: number): Evaluation {
  const confusion = new Int32Array(100);
  confusion[0] = correct;
  return {
    set: 'validation',
    count: correct,
    loss: 1,
    accuracy: 1,
    confusion,
    auc: new Float64Array(10),
    macroAuc: null,
    rocFpr: new Float32Array(0),
    rocTpr: new Float32Array(0),
    rocOffsets: new Int32Array(11),
  };
}

/** A run with `epochs` epochs done; epoch e's validation counts e·100 zeros right. */
function runWithEpochs(id: number, epochs: number) {
  lab().beginRun(id, PRESET);
  lab().applyEvent({ type: 'accepted', runId: id });
  lab().applyEvent({ type: 'weights', runId: id, epoch: 0, ms: 1, weights: tiles(0) });
  for (let e = 1; e <= epochs; e++) {
    lab().applyEvent({ type: 'epoch', runId: id, epoch: e, epochs, trainLoss: 1, validation: evaluation(e * 100), trainMs: 1 });
    lab().applyEvent({ type: 'weights', runId: id, epoch: e, ms: 1, weights: tiles(e) });
    lab().applyEvent({ type: 'replay-kept', runId: id, epochs: Array.from({ length: e }, (_, i) => i + 1), stride: 1, bytesPerEpoch: 10, capBytes: 100 });
  }
}

describe('the replay in the store', () => {
  it('shows the replayed epoch’s kept evaluation in the panels, and the latest again at null', () => {
    runWithEpochs(1, 3);
    expect(shownEvaluation(lab())?.confusion[0]).toBe(300);
    lab().setReplayEpoch(1);
    expect(shownEvaluation(lab())?.confusion[0]).toBe(100);
    lab().setReplayEpoch(2);
    expect(shownEvaluation(lab())?.confusion[0]).toBe(200);
    lab().setReplayEpoch(null);
    expect(shownEvaluation(lab())?.confusion[0]).toBe(300);
  });

  it('keeps the live tiles until replayed ones arrive, and goes back to the live ones', () => {
    runWithEpochs(1, 2);
    expect(shownWeights(lab())?.weights.tiles[0]).toBe(2);
    lab().setReplayEpoch(1);
    // Asked, not yet answered: the last shown stays.
    expect(shownWeights(lab())?.weights.tiles[0]).toBe(2);
    lab().setReplayWeights({ asked: 1, epoch: 1, weights: tiles(1) });
    expect(shownWeights(lab())).toMatchObject({ epoch: 1 });
    expect(shownWeights(lab())?.weights.tiles[0]).toBe(1);
    lab().setReplayEpoch(null);
    expect(lab().replayWeights).toBeNull();
    expect(shownWeights(lab())?.weights.tiles[0]).toBe(2);
  });

  it('takes replay news of its own run only, and a loaded model ends the replay', () => {
    runWithEpochs(1, 2);
    lab().applyEvent({ type: 'replay-kept', runId: 7, epochs: [1], stride: 1, bytesPerEpoch: 10, capBytes: 100 });
    expect(lab().replayKept?.epochs).toEqual([1, 2]);
    lab().setReplayEpoch(1);
    lab().applyEvent({ type: 'weights', runId: null, epoch: null, ms: 1, weights: tiles(9) });
    expect(lab()).toMatchObject({ replayKept: null, replayEpoch: null, initialWeights: null });
    expect(shownWeights(lab())).toMatchObject({ epoch: null });
  });

  it('forgets what it saw of a model when told, keeping the tiles on screen for a new run', () => {
    runWithEpochs(1, 2);
    lab().setReplayEpoch(1);
    lab().forgetInside(true);
    expect(lab()).toMatchObject({ replayKept: null, replayEpoch: null, initialWeights: null, inspection: null });
    expect(lab().liveWeights).not.toBeNull();
    lab().forgetInside();
    expect(lab().liveWeights).toBeNull();
  });
});

describe('the change since the start', () => {
  it('is each weight minus its initial value; the weights themselves without a start to compare with', () => {
    runWithEpochs(1, 2);
    const start = lab().initialWeights!;
    expect(start.tiles[0]).toBe(0);
    const now: WeightTiles = { units: 2, output: false, tiles: Float32Array.from({ length: 2 * 784 }, (_, i) => i / 1000) };
    const startAt = { ...start, tiles: Float32Array.from({ length: 2 * 784 }, (_, i) => i / 2000) };
    const change = viewedTiles(now, startAt, 'change');
    expect(change.tiles[1000]).toBeCloseTo(0.5, 6);
    expect(viewedTiles(now, startAt, 'weights')).toBe(now);
    expect(viewedTiles(now, null, 'change')).toBe(now);
    // A start of another shape (a loaded model's) is not subtracted.
    expect(viewedTiles(now, tiles(1, 3), 'change')).toBe(now);
  });
});
